"""A document as lines with offsets, features and zones: what the line rules look at.

The lines and every feature the rules read of them (words, sentence and prose shape, word
lists, bylines, dates, the site keys) come from the compiled core in one pass per
document (`cleaners._textcore.line_features`); the rules decide over them here.

Zones come from position, the strongest signal for furniture: the *core* of a document is
the stretch between its first and last prose line (a sentence of some length); lines
before it are the head (navigation, title, byline), lines after it the tail (share bars,
related lists, comment forms, footers). Furniture in the body (an ad label between two
paragraphs) must be found by other signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaners import _textcore as core

_FLAG = dict(core.FLAGS)
SENTENCE, PROSE = _FLAG["SENTENCE"], _FLAG["PROSE"]
COPYRIGHT, BYLINE, DATE, BY_NAME = _FLAG["COPYRIGHT"], _FLAG["BYLINE"], _FLAG["DATE"], _FLAG["BY_NAME"]
CREDIT, TAG_LIST, SELF_REF, QUOTE = _FLAG["CREDIT"], _FLAG["TAG_LIST"], _FLAG["SELF_REF"], _FLAG["QUOTE"]
HAS_URL, ALNUM, TABLE_ROW = _FLAG["HAS_URL"], _FLAG["ALNUM"], _FLAG["TABLE_ROW"]
COPYRIGHT_SIGN = _FLAG["COPYRIGHT_SIGN"]
ENDS_STOP, RELATED_PREFIX, RELATED_HEADING = _FLAG["ENDS_STOP"], _FLAG["RELATED_PREFIX"], _FLAG["RELATED_HEADING"]
SITE_NAME, PREFIX = _FLAG["SITE_NAME"], _FLAG["PREFIX"]


@dataclass(slots=True)
class Line:
    """One non-blank line: where it is, its key (the folded line), and its features.
    `h_*` are the site-scoped hashes of its keys in the per-site statistics (0: none)."""

    index: int
    start: int
    end: int
    text: str
    key: str
    n_words: int
    flags: int
    furniture: int  # phrases of site machinery ("share this", "leave a reply")
    weak: int  # words that are furniture only in short lines ("share", "menu"), lines of <= 6 words
    nav: int  # navigation separators
    site_talk: int  # words about the site ("newsletter", "cookies")
    address: int  # words addressing the reader ("you", "our")
    caps_words: int  # words of letters starting with a capital
    long_words: int  # words of more than 3 letters ...
    long_caps: int  # ... and how many of them start with a capital
    h_line: int
    h_cross: int  # the line's key across sites
    h_shapes: list[int]
    h_prefix: int
    h_linked: int  # the key after a "Label:" prefix ("Read more: <title>")
    h_linked_cross: int
    label: str | None = None  # the rule that removes this line
    zone: str = "body"  # head | body | tail
    sentence: bool = False  # (of `flags`, read often enough to be kept apart)
    prose: bool = False
    slug_match: bool | None = None  # does the document's URL slug spell this line out (None: not asked yet)

    def __post_init__(self) -> None:
        self.sentence = bool(self.flags & SENTENCE)
        self.prose = bool(self.flags & PROSE)

    @property
    def kept(self) -> bool:
        return self.label is None

    def has(self, flag: int) -> bool:
        return bool(self.flags & flag)


@dataclass(frozen=True)
class SiteKeys:
    """Per document, what the core needs to hash a line's site keys and see the site's
    name in it: the document's `source` and its name as letters (`site_label`)."""

    site: str = ""
    label: str = ""
    max_shape_words: int = 14

    @classmethod
    def of(cls, source: str | None, max_shape_words: int) -> SiteKeys:
        return cls(source or "", core.site_label(source) if source else "", max_shape_words)


@dataclass
class Page:
    text: str
    lines: list[Line] = field(default_factory=list)

    @classmethod
    def analyse(cls, text: str, keys: SiteKeys) -> Page:
        return cls.from_columns(text, core.line_features(text, keys.site, keys.label, keys.max_shape_words))

    @classmethod
    def from_columns(cls, text: str, cols: Sequence[Sequence[Any]]) -> Page:
        """The page of `text` from its line features as `line_features` returns them
        (or as a stage stored them)."""
        page = cls(text, [Line(i, row[0], row[1], text[row[0]:row[1]], *row[2:])
                          for i, row in enumerate(zip(*cols, strict=True))])
        page.assign_zones()
        return page

    def without_removed(self, text: str) -> Page:
        """The page of `text`, this page's text with its labelled lines removed: the
        lines left keep their features (a line's features are its own text's), with
        their new places."""
        lines: list[Line] = []
        pos = 0
        for ln in self.lines:  # this page is done with: its kept lines move to the new one
            if not ln.kept:
                continue
            start = text.find(ln.text, pos)
            end = start + len(ln.text)
            if start < 0 or (start and text[start - 1] != "\n") or text[end:end + 1] not in ("", "\n"):
                raise ValueError("removals cut into a line that was kept")
            ln.index, ln.start, ln.end, ln.zone = len(lines), start, end, "body"
            lines.append(ln)
            pos = end
        page = Page(text, lines)
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

    def removal_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, rule) for every labelled line: what it takes with it when removed
        (`_textcore.removal_spans`: its line breaks too, leaving no gap)."""
        labels = [ln.label for ln in self.lines if not ln.kept]
        if not labels:
            return []
        spans = core.removal_spans([(ln.start, ln.end, ln.kept) for ln in self.lines])
        return [(a, b, label or "") for (a, b), label in zip(spans, labels, strict=True)]
