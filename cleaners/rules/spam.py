"""Injected spam: by structure first (glued to a word, inserted mid-phrase in another
script, a URL standing between sentences), with gambling vocabulary as a second signal.

Legitimate foreign-script text stays: a name quoted or glossed in an English sentence
("known as 아이유 (IU)"), a whole Korean or Japanese article (its own script is never
foreign), a real URL inside a sentence ("at https://www.who.int/publications.").
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex as re

from cleaners.document import Removal
from cleaners.rules.base import DocContext, LineRule, SpanRule
from cleaners.rules.gate import gated
from cleaners.rules.lexicon import SPAM_CJK, SPAM_GLUE, SPAM_HOST, SPAM_LATIN, SPAM_TLD
from cleaners.rules.page import Page
from cleaners.rules.textshape import CJK_FAMILY, URL, script_runs

FOREIGN = CJK_FAMILY | {"Thai"}  # scripts whose runs are foreign inside alphabetic text
OPEN = "\"'“‘«「『【〈《([（［"
CLOSE = "\"'”’»」』】〉》)]）］"
SPAM_CJK_RE = gated(re.compile("|".join(re.escape(t) for t in sorted(SPAM_CJK, key=len, reverse=True)), re.I))
_latin_terms = sorted(SPAM_LATIN, key=len, reverse=True)
SPAM_LATIN_RE = gated(re.compile(
    r"(?<![\p{L}\p{N}])(?:" + "|".join(re.escape(t) for t in _latin_terms) + r")(?![\p{L}])", re.I))
TOKEN = re.compile(r"\S+")
FOREIGN_CHAR = re.compile(r"[\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
PUNCT = OPEN + CLOSE + ",.;:!?"


def foreign_tokens(text: str) -> list[re.Match[str]]:
    """The whitespace tokens of `text` holding a foreign-script character (few or none)."""
    out: list[re.Match[str]] = []
    end = -1
    for m in FOREIGN_CHAR.finditer(text):
        if m.start() < end:
            continue
        a = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        tok = TOKEN.match(text, a)
        if tok:
            out.append(tok)
            end = tok.end()
    return out


def spam_signal_offsets(text: str) -> list[int]:
    """Where a document holds anything spam is made of (foreign-script runs, URLs, gambling
    words): one scan per document, so the per-line spam test runs on those lines only."""
    return sorted({m.start() for r in (FOREIGN_CHAR, URL, SPAM_LATIN_RE, SPAM_CJK_RE) for m in r.finditer(text)})


def _alphabetic(script: str) -> bool:
    return script not in FOREIGN


def _foreign_only(token: str) -> bool:
    if not FOREIGN_CHAR.search(token):
        return False
    runs = script_runs(token)
    return bool(runs) and all(s in FOREIGN for s, _, _ in runs)


def _with_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a removed run by one neighbouring space so no double space is left."""
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    if end < len(text) and text[end] == " ":
        return start, end + 1
    return start, end


class GluedScript(SpanRule):
    """`Bakhmut메이저놀이터` → `Bakhmut`: a run of a foreign script glued to a word of the
    document's own alphabetic script. Never applied inside CJK or Thai documents, where
    Latin glued to the text (`LG전자`) is ordinary writing."""

    name = "spam_glued"

    def __init__(self, enabled: bool = True, min_chars: int = 2) -> None:
        super().__init__(enabled)
        self.min_chars = min_chars

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        if not _alphabetic(ctx.script) or not FOREIGN_CHAR.search(text):
            return []
        out = []
        for tok in foreign_tokens(text):
            runs = script_runs(tok.group())
            if len(runs) < 2:
                continue
            i = 0
            while i < len(runs):
                s, a, b = runs[i]
                if s not in FOREIGN:
                    i += 1
                    continue
                j = i
                while j + 1 < len(runs) and runs[j + 1][0] in FOREIGN and runs[j + 1][1] == runs[j][2]:
                    j += 1
                end = runs[j][2]
                touches = (i > 0 and runs[i - 1][2] == a and runs[i - 1][0] == ctx.script) or (
                    j + 1 < len(runs) and runs[j + 1][1] == end and runs[j + 1][0] == ctx.script)
                if touches and end - a >= self.min_chars:
                    start, stop = tok.start() + a, tok.start() + end
                    out.append(Removal(self.name, start, stop, text[start:stop]))
                i = j + 1
        return out


class InsertedForeign(SpanRule):
    """Foreign-script words dropped into an alphabetic sentence with nothing to mark them
    as quoted, glossed or set apart ("the city 카지노사이트 council"), or any foreign run
    made of gambling vocabulary that no parenthesised gloss explains."""

    name = "spam_inserted"

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        if not _alphabetic(ctx.script) or not FOREIGN_CHAR.search(text):
            return []
        out: list[Removal] = []
        for offset, line in lines_of(text):
            if FOREIGN_CHAR.search(line):
                out.extend(r.shifted(offset) for r in self._line(line))
        return out

    def _line(self, text: str) -> list[Removal]:
        toks = list(TOKEN.finditer(text))
        out = []
        i = 0
        while i < len(toks):
            if not _foreign_only(toks[i].group().strip(PUNCT)):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and _foreign_only(toks[j + 1].group().strip(PUNCT)):
                j += 1
            prev = toks[i - 1].group() if i > 0 else ""
            nxt = toks[j + 1].group() if j + 1 < len(toks) else ""
            run = text[toks[i].start():toks[j].end()]
            glossed = nxt[:1] in "(（" or bool(re.search(r"\p{L}[(（]", run))
            marked = run[:1] in OPEN or prev[-1:] in OPEN + ",:;—–-" or run[-1:] in CLOSE + ",:;" or nxt[:1] in CLOSE
            bare = bool(prev) and prev[-1:].isalpha() and (not nxt or nxt[:1].isalpha())
            spam = bool(SPAM_CJK_RE.search(run)) and not glossed
            if spam or (bare and not marked and not glossed and len(run.strip(PUNCT)) >= 2):
                a, b = toks[i].start(), toks[j].end()
                if not (spam and run[:1] in "[(（【" and run[-1:] in "])）】"):  # else: with its brackets
                    while a < b and text[a] in OPEN + CLOSE:
                        a += 1
                    while b > a and text[b - 1] in PUNCT:
                        b -= 1
                a, b = _with_space(text, a, b)
                out.append(Removal(self.name, a, b, text[a:b]))
            i = j + 1
        return out


def lines_of(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, raw))
        pos += len(raw) + 1
    return out


class LatinSpamPhrase(SpanRule):
    """Gambling phrases in Latin script ("slot gacor hari ini", "nhà cái uy tín") in a
    document of another language: the term plus the spam words chained to it."""

    name = "spam_phrase"

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        out: list[Removal] = []
        last = 0
        for m in SPAM_LATIN_RE.finditer(text):
            if m.start() < last:
                continue
            lang = SPAM_LATIN.get(m.group().casefold(), "*")
            if lang != "*" and lang == ctx.language:
                continue
            a, b = self._extend(text, m.start(), m.end())
            if lang != "*" and " " not in text[a:b].strip():
                continue  # one word of another language, nothing chained: a mention ("an illegal togel")
            a, b = _spam_bracket(text, a, b)
            a, b = _with_space(text, a, b)
            out.append(Removal(self.name, a, b, text[a:b]))
            last = b
        return out

    @staticmethod
    def _extend(text: str, a: int, b: int) -> tuple[int, int]:
        word = re.compile(r"[\p{L}\p{N}]+")
        while True:  # words before
            m = re.search(r"([\p{L}\p{N}]+) $", text[max(0, a - 40):a])
            if not m or m.group(1).casefold() not in SPAM_GLUE:
                break
            a -= len(m.group(0))
        while True:  # words after
            m = word.match(text, b + 1) if text[b:b + 1] == " " else None
            if not m or not (m.group().casefold() in SPAM_GLUE or SPAM_LATIN_RE.fullmatch(m.group())):
                break
            b = m.end()
        return a, b


BRACKETS = {"(": ")", "[": "]", "（": "）", "【": "】"}


def _spam_bracket(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen spam at a..b to its whole bracketed group when the group holds little else
    ("walk (rtp slot live) together"): what is left in it is the spam's own filler."""
    line_start = text.rfind("\n", 0, a) + 1
    opens = [i for i in range(a - 1, line_start - 1, -1) if text[i] in BRACKETS]
    if not opens:
        return a, b
    o = opens[0]
    if any(c in text[o + 1:a] for c in BRACKETS.values()):
        return a, b
    close = text.find(BRACKETS[text[o]], b)
    line_end = text.find("\n", b)
    if close < 0 or (0 <= line_end < close) or text.find(text[o], b, close) >= 0:
        return a, b
    spam_words = len(text[a:b].split())
    rest = [w.strip(PUNCT).casefold() for w in (text[o + 1:a] + " " + text[b:close]).split()]
    rest = [w for w in rest if w]
    glue = sum(1 for w in rest if w in SPAM_GLUE)
    other = len(rest) - glue
    if other <= 3 and other < spam_words + glue:
        return o, close + 1
    return a, b


def url_host(url: str) -> str:
    try:
        return urlsplit(url if "://" in url else "http://" + url).hostname or ""
    except ValueError:
        return ""


def spam_url(text: str, m: re.Match[str]) -> bool:
    url = m.group().rstrip(".,;:!?)”’\"'")
    host = url_host(url)
    if SPAM_HOST.search(host):
        return True
    before = text[:m.start()].rsplit("\n", 1)[-1]
    after = text[m.end():].split("\n", 1)[0]
    between = (not before.strip() or re.search(r"[.!?]['\"”’)]*\s+$", before)) and (
        not after.strip() or re.match(r"\s+\p{Lu}", after))
    odd_host = bool(SPAM_TLD.search(host + "/")) or bool(re.search(r"[a-z]\d{2,}|\d{2,}[a-z]|-\d+\.", host))
    return bool(between and odd_host)


class SpamUrl(SpanRule):
    """A URL whose host is made of gambling words, or an odd-looking host (digits glued to
    words, throwaway TLDs) standing between sentences rather than inside one."""

    name = "spam_url"

    def spans(self, text: str, ctx: DocContext) -> list[Removal]:
        out = []
        for m in URL.finditer(text):
            if spam_url(text, m):
                end = m.start() + len(m.group().rstrip(".,;:!?)”’\"'"))
                a, b = _with_space(text, m.start(), end)
                out.append(Removal(self.name, a, b, text[a:b]))
        return out


def spam_coverage(line: str, ctx: DocContext) -> float:
    """Share of a line's letters that are spam vocabulary, spam URLs or foreign words."""
    letters = sum(1 for c in line if c.isalnum())
    if not letters:
        return 0.0
    covered = 0
    for m in URL.finditer(line):
        if spam_url(line, m) or SPAM_HOST.search(url_host(m.group())):
            covered += sum(1 for c in m.group() if c.isalnum())
    covered += sum(sum(1 for c in m.group() if c.isalnum()) for m in SPAM_CJK_RE.finditer(line))
    for m in SPAM_LATIN_RE.finditer(line):
        a, b = LatinSpamPhrase._extend(line, m.start(), m.end())
        covered += sum(1 for c in line[a:b] if c.isalnum())
    if covered and _alphabetic(ctx.script):  # foreign words count beside spam, never alone
        for tok in TOKEN.finditer(line):
            t = tok.group()
            if _foreign_only(t) and not SPAM_CJK_RE.search(t):
                covered += sum(1 for c in t if c.isalnum()) // 2
    return covered / letters


class SpamLine(LineRule):
    """A whole line that is mostly spam (gambling words in any script, spam URLs, foreign
    words) and carries no sentence of the document's own language."""

    name = "spam_line"

    def label(self, page: Page, ctx: DocContext) -> None:
        hits = spam_signal_offsets(page.text)
        if not hits:
            return
        for ln in page.lines:
            if not ln.kept or not any(ln.start <= h < ln.end for h in hits):
                continue
            cov = spam_coverage(ln.text, ctx)
            if cov >= 0.5 or (cov >= 0.3 and not ln.sentence):
                ln.label = self.name
