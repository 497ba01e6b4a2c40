"""Encoding repair: ftfy configured explicitly, plus the invisible characters it leaves.

ftfy fixes mojibake (double-encoded too), HTML entities, C1 controls, ligatures and width,
but leaves zero-width spaces, soft hyphens and no-break spaces, which break words for
matching and dedup; those are handled here. Repairs are not removals: each is recorded as
a `Repair(kind, before, after)` so `inspect` can show it.

Speed: `ftfy.fix_text` costs ~2 ms per news article; most articles need nothing. The
cheap check `needs_ftfy` is built from ftfy's own tables and preconditions (every fixer's
trigger characters, its `is_bad` mojibake test, NFC), so skipping a text it clears gives
the same output as repairing it (a test proves it on the DEV sets).
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from functools import lru_cache

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES, WIDTH_MAP

from cleaners import _textcore as core
from cleaners.config import EncodingConfig
from cleaners.document import Repair

ZERO_WIDTH = {0x200B: None, 0x2060: None, 0xFEFF: None}  # ZWJ/ZWNJ stay: scripts need them
SOFT_HYPHEN = {0x00AD: None}
SPACES = {c: " " for c in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F)}
MAX_REPAIRS_SHOWN = 40


def _core_pattern(pattern: str) -> str:
    """ftfy's verbose `BADNESS_RE` in the compact form the core's regex engine reads the
    same way: comments and whitespace outside classes dropped, and Python's `\\s` and
    `\\w` (whose classes differ a little between the two engines) spelled out."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            esc = pattern[i:i + 2]
            spelled = {"\\s": r"\s\x1c-\x1f", "\\w": r"\p{L}\p{N}_"}.get(esc)
            if spelled is not None:
                out.append(spelled if in_class else f"[{spelled}]")
            elif esc == "\\x":
                out.append(pattern[i:i + 4])
                i += 2
            else:
                out.append(esc)
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c == "#":
            i = pattern.find("\n", i)
            if i < 0:
                break
            continue
        elif not c.isspace():
            out.append(c)
        i += 1
    return "".join(out)


def _triggers() -> list[int]:
    """Code points any of which makes an ftfy fixer act: its control, ligature and width
    tables, C1 controls, CR, escape, NEL, line and paragraph separators, surrogates."""
    points = set(CONTROL_CHARS) | set(LIGATURES) | set(WIDTH_MAP)
    points |= {0x0D, 0x1B, 0x85, 0x2028, 0x2029}
    points |= set(range(0x80, 0xA0)) | set(range(0xD800, 0xE000))
    return sorted(points)


GUARD = core.RepairGuard(_triggers(), _core_pattern(BADNESS_RE.pattern), HTML_ENTITY_RE.pattern)
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u00a0\u2000-\u200a\u202f\u205f]")


def needs_ftfy(text: str) -> bool:
    """False only when `ftfy.fix_text` is certain to return `text` unchanged (`GUARD`):
    nothing in it is one of ftfy's triggers, an HTML entity by ftfy's own pattern ("AT&T"
    is none), a match of ftfy's mojibake pattern, or out of NFC."""
    return bool(GUARD.needs(text))


@lru_cache(maxsize=8)
def _ftfy_config(cfg: EncodingConfig) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        unescape_html=cfg.unescape_html,
        uncurl_quotes=cfg.uncurl_quotes,
        fix_latin_ligatures=cfg.fix_latin_ligatures,
        fix_character_width=cfg.fix_character_width,
        normalization=cfg.normalization,
        explain=False,
    )


def _fix(text: str, cfg: EncodingConfig) -> str:
    """`ftfy.fix_text`, run only on the lines that need it when `only_when_suspicious`.

    ftfy itself fixes text line by line (each segment up to a newline is fixed on its
    own), and `needs_ftfy` is False only for a segment ftfy returns unchanged, so this is
    exactly `fix_text(text)` at a fraction of the cost (tests/cleaners/test_encoding.py)."""
    conf = _ftfy_config(cfg)
    if not cfg.only_when_suspicious:
        return ftfy.fix_text(text, conf)
    todo = GUARD.segments(text)
    if not todo:
        return text
    segments = text.split("\n")
    last = len(segments) - 1
    out = [seg if i == last else seg + "\n" for i, seg in enumerate(segments)]
    for i in todo:
        out[i] = ftfy.fix_text(out[i], conf)
    return "".join(out)


ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def _fix_entities(text: str) -> str:
    """Entities ftfy leaves when a line holds a "<" (it then assumes real HTML)."""
    if "&" not in text:
        return text
    return ENTITY.sub(lambda m: html.unescape(m.group()), text)


# Scripts whose own typography is fullwidth: their commas, stops, brackets and spaces
# (，；！（）　) are the text, not damage to fold into ASCII.
FULLWIDTH_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})


def own_width(text: str, cfg: EncodingConfig) -> EncodingConfig:
    """`cfg` for this document: ftfy's width fix folds fullwidth forms into ASCII, which
    repairs "ＡＢＣ" in a Latin text but rewrites every comma of a Chinese article; so it
    is judged against the document's own main script."""
    if cfg.fix_character_width and core.main_script(text) in FULLWIDTH_SCRIPTS:
        return dataclasses.replace(cfg, fix_character_width=False)
    return cfg


def repair(text: str, cfg: EncodingConfig) -> tuple[str, list[Repair]]:
    """Repaired text and what changed, stage by stage."""
    if not cfg.enabled:
        return text, []
    cfg = own_width(text, cfg)
    repairs: list[Repair] = []
    stages: list[tuple[str, str]] = []
    if not cfg.only_when_suspicious or needs_ftfy(text):
        fixed = _fix(text, cfg)
        if cfg.unescape_html:
            fixed = _fix_entities(fixed)
        stages.append(("ftfy", fixed))
    if INVISIBLE.search(stages[-1][1] if stages else text):
        cur = stages[-1][1] if stages else text
        if cfg.remove_zero_width:
            stages.append(("zero_width", cur.translate(ZERO_WIDTH)))
            cur = stages[-1][1]
        if cfg.remove_soft_hyphens:
            stages.append(("soft_hyphen", cur.translate(SOFT_HYPHEN)))
            cur = stages[-1][1]
        if cfg.normalize_spaces:
            stages.append(("nbsp", cur.translate(SPACES)))
    before = text
    for kind, after in stages:
        if after != before:
            repairs.extend(_describe(kind, before, after))
            before = after
    return before, repairs


def _kind(stage: str, old: str, new: str) -> str:
    if stage != "ftfy":
        return stage
    if ENTITY.search(old):
        return "html_entity"
    if "\u2028" in old or "\u2029" in old:
        return "line_break"
    if any(ord(c) in CONTROL_CHARS for c in old):
        return "control_chars"
    return "mojibake"


def _describe(stage: str, old: str, new: str) -> list[Repair]:
    """Word-level before/after pairs of one stage's changes (capped for display).

    Repairs are local, so lines are compared first and only changed lines are diffed
    word by word (a whole-document word diff costs ~10 ms)."""
    found: dict[tuple[str, str, str], int] = {}
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) == len(new_lines):
        pairs = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    else:
        pairs = [(old, new)]
    for old_part, new_part in pairs[:MAX_REPAIRS_SHOWN]:
        _diff_words(stage, old_part, new_part, found)
    out = [Repair(kind, before, after, n) for (kind, before, after), n in found.items()]
    return out[:MAX_REPAIRS_SHOWN]


TOKENS = re.compile(r"\S+|\s+")


def _diff_words(stage: str, old: str, new: str, found: dict[tuple[str, str, str], int]) -> None:
    a = TOKENS.findall(old)
    b = TOKENS.findall(new)
    # the unchanged tokens around the changes are set aside first: the matcher's cost
    # grows with the square of the tokens it is given, and a repair is usually a word
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[head:len(a) - tail], b[head:len(b) - tail]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        key = (_kind(stage, before, after), before, after)
        found[key] = found.get(key, 0) + 1


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR to LF; the offsets in `removals/` index the result."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


HYPHEN_END = re.compile(r"(\w{2,})-$")
WRAP_MIN, WRAP_MAX = 40, 100


def _hard_wrapped(lines: list[str]) -> bool:
    """A paragraph whose lines were cut at a fixed width: several lines of similar
    length, most of them ending mid-sentence."""
    body = lines[:-1]
    if len(body) < 2:
        return False
    lengths = [len(ln) for ln in body]
    if min(lengths) < WRAP_MIN or max(lengths) > WRAP_MAX or max(lengths) - min(lengths) > 30:
        return False
    open_ends = sum(1 for ln in body if not ln.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "»")))
    return open_ends >= 0.6 * len(body)


def unwrap_lines(text: str) -> tuple[str, list[Repair]]:
    """Re-join paragraphs that were hard-wrapped at a fixed width (e-mail, wire and OCR
    text), de-hyphenating words split at a line end. Part of newline normalisation: the
    line structure is layout, not content, and line-based rules need real paragraphs.

    Decided per document: at least two multi-line paragraphs, holding most lines, must
    look wrapped; then every paragraph whose lines (but the last) fit the width band is
    joined."""
    if text.count("\n") < 4:
        return text, []
    blocks = re.split(r"(\n\s*\n)", text)
    paras = [blocks[i].split("\n") for i in range(0, len(blocks), 2)]
    multi = [p for p in paras if len(p) >= 3]
    wrapped = [p for p in multi if _hard_wrapped(p)]
    if len(wrapped) < 2 or sum(map(len, wrapped)) < 0.6 * sum(map(len, multi)):
        return text, []
    joined = 0
    for i in range(0, len(blocks), 2):
        lines = blocks[i].split("\n")
        if len(lines) < 2 or not all(WRAP_MIN - 10 <= len(ln) <= WRAP_MAX for ln in lines[:-1]):
            continue
        out = lines[0]
        for ln in lines[1:]:
            if HYPHEN_END.search(out) and ln[:1].islower():
                out = out[:-1] + ln.lstrip()
            else:
                out = out.rstrip() + " " + ln.lstrip()
            joined += 1
        blocks[i] = out
    if not joined:
        return text, []
    return "".join(blocks), [Repair("line_wrap", "hard-wrapped lines", "paragraphs", joined)]
