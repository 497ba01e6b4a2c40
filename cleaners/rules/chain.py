"""Apply cleaners in order and re-base every removal onto the chain's input text.

Each cleaner reports spans in the text it was given; after it runs, the text shrinks and
later cleaners see new offsets. `OffsetMap` keeps, for the current text, which pieces of
the original survive, so a span of a later cleaner maps back to original offsets — split
into several records when it straddles text removed earlier. Then for every record
`original[start:end] == text`, the invariant `removals/` promises (decisions.md).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from cleaners.document import Removal


class OffsetMap:
    """Pieces (orig_start, length) of the original text that the current text is made of."""

    def __init__(self, length: int) -> None:
        self.orig = [0]
        self.cur = [0]  # start of each piece in the current text
        self.lens = [length]

    def to_original(self, start: int, end: int) -> list[tuple[int, int]]:
        """Original ranges covered by current range [start, end)."""
        out: list[tuple[int, int]] = []
        i = max(bisect.bisect_right(self.cur, start) - 1, 0)
        pos = start
        while pos < end and i < len(self.cur):
            piece_end = self.cur[i] + self.lens[i]
            if pos < piece_end:
                take = min(end, piece_end) - pos
                o = self.orig[i] + (pos - self.cur[i])
                if out and out[-1][1] == o:
                    out[-1] = (out[-1][0], o + take)
                else:
                    out.append((o, o + take))
                pos += take
            i += 1
        return out

    def remove(self, spans: Sequence[tuple[int, int]]) -> None:
        """Drop current ranges (sorted, non-overlapping) from the map."""
        orig: list[int] = []
        lens: list[int] = []
        for o, c, n in zip(self.orig, self.cur, self.lens, strict=True):
            keep_from = c
            for s, e in spans:
                if e <= c or s >= c + n:
                    continue
                if s > keep_from:
                    orig.append(o + keep_from - c)
                    lens.append(s - keep_from)
                keep_from = max(keep_from, e)
            if keep_from < c + n:
                orig.append(o + keep_from - c)
                lens.append(c + n - keep_from)
        cur, pos = [], 0
        for n in lens:
            cur.append(pos)
            pos += n
        self.orig, self.cur, self.lens = orig or [0], cur or [0], lens or [0]


def apply_spans(text: str, spans: Iterable[Removal]) -> tuple[str, list[Removal]]:
    """Remove spans (offsets into `text`) and return (new text, the sorted spans)."""
    ordered = sorted(spans, key=lambda r: (r.start, r.end))
    checked: list[Removal] = []
    last = 0
    for r in ordered:
        if r.start < last or r.end <= r.start or r.end > len(text) or text[r.start:r.end] != r.text:
            raise ValueError(f"rule {r.rule} returned a bad span {r.start}:{r.end}")
        checked.append(r)
        last = r.end
    pieces, pos = [], 0
    for r in checked:
        pieces.append(text[pos:r.start])
        pos = r.end
    pieces.append(text[pos:])
    return "".join(pieces), checked


class Rebaser:
    """Tracks a text through successive removals and yields records in original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.map = OffsetMap(len(original))
        self.removals: list[Removal] = []

    def apply(self, spans: Iterable[Removal]) -> str:
        new_text, checked = apply_spans(self.text, spans)
        if not checked:
            return self.text
        for r in checked:
            for s, e in self.map.to_original(r.start, r.end):
                self.removals.append(Removal(r.rule, s, e, self.original[s:e]))
        self.map.remove([(r.start, r.end) for r in checked])
        self.text = new_text
        return new_text

    def sorted_removals(self) -> list[Removal]:
        return sorted(self.removals, key=lambda r: (r.start, r.end))
