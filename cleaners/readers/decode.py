"""Bytes to text: BOM, then the declared charset, then UTF-8, then detection.

The order, most reliable signal first: a BOM wins; then the charset the HTTP header or an HTML
meta tag declares (an unknown name falls through, `LookupError` included); then strict
UTF-8; then a UTF-16 guess from the NUL pattern; then UTF-8 with a few stray invalid bytes
replaced (when real multi-byte UTF-8 is present); then `charset-normalizer`. Bytes that
are not text in any encoding raise `DecodeFailure("binary")`.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)
# C0 controls other than tab/newline/carriage return/form feed: rare in text, common in binary
CONTROL_CHARS = [chr(c) for c in (*range(0, 9), 0x0B, 0x0E, 0x0F, *range(0x10, 0x20), 0x7F)]
MAX_CONTROLS = 0.02
SAMPLE = 64 * 1024
CHAOS_SLACK, COHERENCE_SLACK = 0.03, 0.02  # guesses this close to the best count as tied
# Labels browsers decode with a wider codec (WHATWG Encoding Standard): pages labelled
# GB2312 or GBK are written in GBK/GB18030, and Python's narrower gb2312 codec turns their
# em dashes (A1AA) into horizontal bars.
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030", "cp936": "gb18030"}
PREFERRED = ("utf_8", "cp1252", "cp1251", "cp932", "shift_jis", "cp949", "euc_kr", "gb18030", "big5")


UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
MIN_STRAY = 8  # invalid sequences always tolerated in mostly-UTF-8 text (more on long texts)


class DecodeFailure(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    if content_type:
        m = HEADER_CHARSET.search(content_type)
        if m:
            return m.group(1)
    meta = META_CHARSET.search(data[:8192])
    return meta.group(1).decode("ascii", "replace") if meta else None


def _try(data: bytes, encoding: str) -> str | None:
    encoding = WIDER.get(encoding.lower().replace("_", "-"), encoding)
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def _utf16_guess(data: bytes) -> str | None:
    sample = data[:SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _controls(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SAMPLE]
    return sum(sample.count(c) for c in CONTROL_CHARS) / len(sample)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray invalid bytes (a cut multi-byte character, a damaged
    scrape), decoded with U+FFFD for them: detection would pick a single-byte codepage and
    turn every valid "é" into mojibake. Needs real UTF-8 evidence (legacy text almost never
    forms a valid multi-byte sequence) and few errors (random binary has many)."""
    valid = len(UTF8_MULTIBYTE.findall(data[: 16 * SAMPLE]))
    if not valid:
        return None
    text = data.decode("utf-8", "replace")
    errors = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if errors > max(MIN_STRAY, len(data) // 1000) or _controls(text) > MAX_CONTROLS:
        return None
    return text


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess; among about equally good guesses the web's defaults
    win: it ranks cp1250 level with cp1252 for western text (turning "très" into "trčs"), and
    a hair's breadth of chaos puts cp1257 ahead of latin-1 Spanish ("Seńor", "faēade")."""
    matches = list(from_bytes(data[: 4 * SAMPLE]))
    if not matches:
        return None
    best = matches[0]
    tied = [m.encoding for m in matches
            if m.chaos <= best.chaos + CHAOS_SLACK and m.coherence >= best.coherence - COHERENCE_SLACK]
    for name in PREFERRED:
        if name in tied:
            return name
    return best.encoding


def decode_bytes(data: bytes, content_type: str | None = None, html: bool = False) -> tuple[str, str]:
    """(text, encoding name). Raises `DecodeFailure` with reason `binary` or `decode_error`."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], name)
            if text is None:
                raise DecodeFailure("decode_error", f"invalid {name} after its BOM")
            return text, name
    declared = declared_charset(data, content_type) if (html or content_type) else None
    if declared and declared.lower().replace("_", "-") not in ("utf-16", "utf-32"):
        text = _try(data, declared)
        if text is not None and _controls(text) <= MAX_CONTROLS:
            return text, declared.lower()
    text = _try(data, "utf-8")
    if text is not None and _controls(text) <= MAX_CONTROLS:
        return text, "utf-8"
    # ASCII-range UTF-16 without a BOM is valid UTF-8 full of NULs: guess before calling it binary
    guess = _utf16_guess(data)
    if guess:
        text = _try(data, guess)
        if text is not None and _controls(text) <= MAX_CONTROLS:
            return text, guess
    lenient = _mostly_utf8(data)
    if lenient is not None:
        return lenient, "utf-8"
    if data[:SAMPLE].count(0) > 0.01 * len(data[:SAMPLE]):
        raise DecodeFailure("binary", "NUL bytes in the content")
    detected = _detect(data)
    if detected is None:
        raise DecodeFailure("binary", "no text encoding fits")
    text = _try(data, detected)
    if text is None:
        raise DecodeFailure("decode_error", f"detected {detected} but the bytes do not decode")
    if _controls(text) > MAX_CONTROLS:
        raise DecodeFailure("binary", "control characters in the content")
    return text, detected
