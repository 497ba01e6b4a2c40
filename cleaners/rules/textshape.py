"""Shape of a line: its scripts, words, sentence structure, and the keys lines are counted by.

Rules decide by mechanism — repetition, position, script mixing, shape — so the measures
they share live here: which script a run of letters is in, how many words a line has
(each Han/Kana character counts as one, as the scorers do), whether it reads as a
sentence, and two counting keys: `line_key` (the line itself, normalised) and `shape_key`
(the line with its variable parts — numbers, dates, names, URLs — masked, so "Posted on
May 3, 2024 by Ana Ruiz" and "Posted on June 9, 2023 by Tom Berg" count as one template).
"""

from __future__ import annotations

import re as stdre
from functools import lru_cache

import regex as re
import xxhash

from cleaners.encoding import nfkc

WORD = re.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
CJK_CHAR = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
SCRIPT_RUN = re.compile(
    r"(?P<Latin>[\p{Latin}\p{M}]+)|(?P<Hangul>\p{Hangul}+)|(?P<Han>\p{Han}+)"
    r"|(?P<Kana>[\p{Hiragana}\p{Katakana}ー]+)|(?P<Cyrillic>\p{Cyrillic}+)|(?P<Thai>\p{Thai}+)"
    r"|(?P<Arabic>\p{Arabic}+)|(?P<Greek>\p{Greek}+)|(?P<Devanagari>\p{Devanagari}+)"
    r"|(?P<Hebrew>\p{Hebrew}+)"
)
CJK_FAMILY = {"Hangul", "Han", "Kana"}
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'）)\]]+", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|io|info|news|gov|edu|uk|de|fr|es|it|ru|jp|kr|"
                    r"id|br|pt|au|in|cn|xyz|top|site|online|biz|tv|me)\b", re.I)
TLD_HINT = stdre.compile(r"\.[A-Za-z]{2,6}\b")  # DOMAIN needs a dot before its TLD
TERMINAL = re.compile(r"[.!?。！？…]['\"”’»)\]]*\s*$")
MONTHS = {
    m for names in (
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "januari februari maret april mei juni juli agustus september oktober november desember",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun",
    ) for m in names.split()
}


def script_runs(text: str) -> list[tuple[str, int, int]]:
    """(script, start, end) of each run of letters in one script."""
    return [(m.lastgroup or "", m.start(), m.end()) for m in SCRIPT_RUN.finditer(text)]


ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
ASCII = stdre.compile(r"[\x00-\x7f]+")


def main_script(text: str) -> str:
    """The script holding most letters of the text (Latin when there are none).

    ASCII letters are counted in bulk (they are Latin); only the rest is split into script
    runs, which gives the same counts at a fraction of the cost for Latin-script text."""
    text = text[:200_000]
    raw = text.encode("ascii", "ignore")
    counts: dict[str, int] = {}
    ascii_letters = len(raw) - len(raw.translate(None, ASCII_LETTERS))
    if ascii_letters:
        counts["Latin"] = ascii_letters
    for script, s, e in script_runs(ASCII.sub("", text)):
        counts[script] = counts.get(script, 0) + (e - s)
    if not counts:
        return "Latin"
    if sum(counts.get(s, 0) for s in CJK_FAMILY) >= max(counts.values()):
        return max(CJK_FAMILY, key=lambda s: counts.get(s, 0))
    return max(counts, key=lambda s: counts[s])


def words(text: str) -> list[str]:
    found = WORD.findall(text)
    if not CJK_CHAR.search(text):
        return found
    out: list[str] = []
    for w in found:
        if CJK_CHAR.search(w):
            out.extend(p for p in CJK_CHAR.split(w) if p)
            out.extend(CJK_CHAR.findall(w))
        else:
            out.append(w)
    return out


def word_count(text: str) -> int:
    return len(words(text))


def enough_words(text: str, n: int) -> bool:
    """word_count(text) >= n, without counting a whole article when its start has enough."""
    if n <= 1:
        return n <= 0 or WORD.search(text) is not None
    return word_count(text[: 40 * n]) >= n or word_count(text) >= n


def is_sentence(text: str) -> bool:
    """Ends like a sentence and is long enough to be one."""
    return bool(TERMINAL.search(text)) and word_count(text) >= 4


def fold(text: str) -> str:
    """Comparison form: NFKC, case-folded, quotes unified, whitespace collapsed."""
    t = nfkc(text).casefold()
    t = t.translate(QUOTES)
    return " ".join(t.split())


QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00ad": None})  # «» are also separators


@lru_cache(maxsize=1 << 16)
def line_key(text: str) -> str:
    """The normalised line: folded, with punctuation and symbols at both ends dropped."""
    return fold(text).strip(" \t.,;:!?·•|-–—*_#>«»\"'()[]{}…")


@lru_cache(maxsize=65536)
def _mask(token: str) -> str:
    low = token.casefold()
    if any(c.isdigit() for c in token):
        return "0"
    if low in MONTHS:
        return "M"
    if token[:1].isupper():
        return "A"
    return low


PREFIX = re.compile(r"^\s*([\p{L}][\p{L}\p{M}'’&.-]*(?:\s+[\p{L}\p{M}'’&.-]+){0,2})\s*[:：»›|]\s+\S")


@lru_cache(maxsize=1 << 16)
def prefix_key(text: str) -> str | None:
    """"photo" for "Photo: Ana Ruiz/AFP": a short label before a colon, counted per site so
    that "Label: <anything>" lines of one template are recognised whatever follows."""
    m = PREFIX.match(text)
    return fold(m.group(1)) if m else None


@lru_cache(maxsize=1 << 16)
def shape_keys(text: str) -> tuple[str, ...]:
    """Template keys of a line: everything masked, and (when the line starts with a short
    capitalised word such as "By" or "Von") that word kept, so "By Ana Ruiz, Staff Writer"
    is still a template although every other word in it is a name."""
    keys = []
    full = shape_key(text)
    if full:
        keys.append(full)
    first = WORD.search(text)
    if first and first.start() <= 1 and first.group()[:1].isupper() and len(first.group()) <= 4:
        alt = shape_key(text, keep_first=True)
        if alt and alt not in keys:
            keys.append(alt)
    return tuple(keys)


def shape_key(text: str, keep_first: bool = False) -> str | None:
    """The line with numbers, dates, names and URLs masked; None when too little is left
    to tell one template from another (a bare "A" would join every title-case line)."""
    # the substitutions only where they can apply (DOMAIN's scan is the costly part)
    low = text.lower()
    t = URL.sub(" U ", text) if ("http" in low or "www." in low) else text
    t = EMAIL.sub(" U ", t) if "@" in t else t
    t = DOMAIN.sub(" U ", t) if TLD_HINT.search(t) else t
    out: list[str] = []
    pos = 0
    for m in WORD.finditer(t):
        gap = t[pos:m.start()].strip()
        if gap:
            out.append(gap)
        tok = m.group()
        masked = "U" if tok == "U" else (tok.casefold() if keep_first and not out else _mask(tok))
        if not (out and masked in ("A", "0", "M", "U") and out[-1] == masked):
            out.append(masked)
        pos = m.end()
    tail = t[pos:].strip()
    if tail:
        out.append(tail)
    literal = sum(1 for x in out if x.isalpha() and x not in ("A", "M", "U"))
    masked = sum(1 for x in out if x in ("0", "M"))
    if literal == 0 and masked == 0:
        return None
    if len(out) < 2:
        return None
    return " ".join(out)


def key_hash(text: str) -> int:
    return xxhash.xxh3_64_intdigest(text.encode("utf-8", "surrogatepass"))
