"""A document as lines with offsets, shapes and zones: what the line rules look at.

Zones come from position, the strongest signal for furniture: the *core* of a document is
the stretch between its first and last prose line (a sentence of some length); lines
before it are the head (navigation, title, byline), lines after it the tail (share bars,
related lists, comment forms, footers). Furniture in the body (an ad label between two
paragraphs) must be found by other signals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from cleaners.rules.textshape import TERMINAL, line_key, words

THAI = re.compile(r"\p{Thai}")

PROSE_WORDS = 10
CJK_PROSE_CHARS = 25


@dataclass(slots=True)
class Line:
    index: int
    start: int
    end: int
    text: str
    key: str
    n_words: int
    sentence: bool
    prose: bool
    label: str | None = None  # the rule that removes this line
    zone: str = "body"  # head | body | tail

    @property
    def kept(self) -> bool:
        return self.label is None


def _is_prose(text: str, n_words: int, sentence: bool) -> bool:
    if not sentence:
        return False
    if n_words >= PROSE_WORDS:
        return True
    # Thai writes no spaces between words: count its letters instead
    return len(THAI.findall(text)) >= CJK_PROSE_CHARS


@lru_cache(maxsize=1 << 16)
def line_features(raw: str) -> tuple[str, int, bool, bool]:
    """(key, words, sentence, prose) of a line. Cached: a document is parsed several times
    on its way through the rules, and site furniture repeats across documents."""
    n_words = len(words(raw))
    sentence = bool(TERMINAL.search(raw)) and n_words >= 4
    return line_key(raw), n_words, sentence, _is_prose(raw, n_words, sentence)


@dataclass
class Page:
    text: str
    lines: list[Line] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Page:
        page = cls(text)
        pos = 0
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            end = n if nl < 0 else nl
            raw = text[pos:end]
            if raw.strip():
                page.lines.append(Line(len(page.lines), pos, end, raw, *line_features(raw)))
            if nl < 0:
                break
            pos = nl + 1
        page.assign_zones()
        return page

    def assign_zones(self, exclude: set[int] | frozenset[int] = frozenset()) -> None:
        prose = [ln.index for ln in self.lines if ln.prose and ln.index not in exclude]
        if not prose:
            for ln in self.lines:
                ln.zone = "body"
            return
        first, last = prose[0], prose[-1]
        for ln in self.lines:
            ln.zone = "head" if ln.index < first else "tail" if ln.index > last else "body"

    def kept_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kept]

    def neighbours(self, line: Line) -> tuple[Line | None, Line | None]:
        i = line.index
        before = self.lines[i - 1] if i > 0 else None
        after = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return before, after

    def removal_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, rule) for every labelled line: the line with the line break(s)
        after it, or — for lines after the last kept line — with the break before it, so
        no blank-line run or trailing gap is left behind."""
        spans: list[tuple[int, int, str]] = []
        kept_after = [False] * (len(self.lines) + 1)
        for i in range(len(self.lines) - 1, -1, -1):
            kept_after[i] = kept_after[i + 1] or self.lines[i].kept
        for i, ln in enumerate(self.lines):
            if ln.kept:
                continue
            if kept_after[i + 1]:
                spans.append((ln.start, self.lines[i + 1].start, ln.label or ""))
            else:
                prev_end = self.lines[i - 1].end if i > 0 else ln.start
                spans.append((prev_end, ln.end, ln.label or ""))
        return spans
