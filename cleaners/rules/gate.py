"""An exact, cheap pre-check in front of the big word-list regexes.

Why: the `regex` module tries each of a list's ~100 alternatives at every word of a line
(≈70 µs for a 400-character paragraph, the main cost of the cleaning chain at scale), yet
most lines hold none of them. Every alternative begins with a literal head ("share ",
"spread the love", "©"); when no head occurs in the lowercased text the regex cannot
match, so `Gated` runs the regex only on text that holds a head. The heads are searched
all at once with an Aho-Corasick automaton (pyahocorasick); deriving them from a regex
pattern is the part written here, as no library does it.
`tests/cleaners/rules/test_gate.py` checks on real data that the gate never hides a match.
"""

from __future__ import annotations

import re as stdre
from collections.abc import Iterator
from typing import Any

import ahocorasick
import regex as re

SPECIAL = set("([.^$|")
LOOKBEHIND = stdre.compile(r"^\(\?<[!=](?:\[[^\]]*\]|[^()])*\)")
LOOKAHEAD_END = stdre.compile(r"\(\?[!=](?:\[[^\]]*\]|[^()])*\)$")
MEMO_CHARS = 1000
SHORT = 48  # the regex itself is cheaper than the gate on a few words


def _split_top(body: str) -> list[str]:
    """Top-level alternatives of a pattern body (`|` outside groups and classes)."""
    out, depth, cls, cur, i = [], 0, False, [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            cur.append(body[i:i + 2])
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def _unwrap(pattern: str) -> list[str]:
    """The alternatives of `\\b(?:a|b|...)\\b` (zero-width parts around it dropped), or of
    a plain `a|b|...`."""
    pattern = LOOKBEHIND.sub("", pattern, count=1) if pattern.startswith("(?<") else pattern
    pattern = LOOKAHEAD_END.sub("", pattern, count=1)  # zero-width: the heads stay literal
    body = pattern.removeprefix(r"\b")
    if body.startswith("(?:") and body.endswith((")", r")\b")):
        inner = body[3:].removesuffix(r"\b")[:-1]
        if _balanced(inner):
            return _split_top(inner)
    return _split_top(pattern)


def _balanced(s: str) -> bool:
    depth = 0
    i = 0
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(s[i], 0)
        if depth < 0:
            return False
        i += 1
    return depth == 0


MAX_HEADS = 16


def _atom(alt: str, i: int) -> tuple[list[str] | None, int]:
    """The literal choices of the element at `alt[i]` and where it ends; None for an
    element that is not a small literal (a class like `\\w`, a wildcard, a nested group)."""
    c = alt[i]
    if c == "\\":
        nxt = alt[i + 1:i + 2]
        if not nxt or nxt.isalnum():
            return None, i
        return [nxt], i + 2
    if c == "[":
        j = alt.find("]", i)
        body = alt[i + 1:j]
        if j < 0 or not body or any(x in body for x in "\\-^"):
            return None, i
        return list(body), j + 1
    if alt.startswith("(?:", i):
        depth, j = 0, i
        while j < len(alt):
            if alt[j] == "\\":
                j += 2
                continue
            depth += {"(": 1, ")": -1}.get(alt[j], 0)
            if depth == 0:
                break
            j += 1
        choices = []
        for inner in _split_top(alt[i + 3:j]):
            heads = literal_heads(inner)
            if not all(whole for _, whole in heads):
                return None, i
            choices += [h for h, _ in heads]
        return choices, j + 1
    if c in SPECIAL:
        return None, i
    return [c], i + 1


def literal_heads(alt: str) -> list[tuple[str, bool]]:
    """(literal text a match of `alt` starts with, lowercased; whether that is the whole
    match) for each way `alt` can begin, expanding `x?`, `[ab]` and `(?:a|b)`."""
    heads = [""]
    i = 0
    while i < len(alt):
        if alt.startswith((r"\b", r"\B"), i):
            i += 2
            continue
        choices, j = _atom(alt, i)
        quant = alt[j:j + 1] if choices is not None else ""
        if choices is None or quant in ("*", "{") or len(heads) * (len(choices) + 1) > MAX_HEADS:
            return [(h.lower(), False) for h in heads]
        if quant == "?":
            choices, j = choices + [""], j + 1
        heads = [h + c for h in heads for c in choices]
        if quant == "+":
            return [(h.lower(), False) for h in heads]
        i = j
    return [(h.lower(), True) for h in heads]


class Gated:
    """A compiled regex with the same search/findall/finditer/fullmatch, gated by its heads."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.heads: set[str] = set()
        self.always = False
        for alt in _unwrap(rx.pattern):
            for head, _whole in literal_heads(alt):
                if not head:
                    self.always = True
                self.heads.add(head)
        self.automaton = ahocorasick.Automaton()
        for head in sorted(self.heads - {""}):
            self.automaton.add_word(head, head)
        self.automaton.make_automaton()
        self.non_ascii = not self.always and all(not h.isascii() for h in self.heads)
        self._last: tuple[str | None, bool] = (None, False)

    def possible(self, text: str) -> bool:
        if self.always or len(text) < SHORT:
            return True
        if self.non_ascii and text.isascii():
            return False
        last = self._last  # one read: threads may share a gate
        if text is last[0]:  # whole documents are asked about by more than one rule
            return last[1]
        found = next(self.automaton.iter(text.lower()), None) is not None
        if len(text) >= MEMO_CHARS:
            self._last = (text, found)
        return found

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.rx.search(text, *args) if self.possible(text) else None

    def findall(self, text: str, *args: Any) -> list[Any]:
        return self.rx.findall(text, *args) if self.possible(text) else []

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, *args) if self.possible(text) else iter(())

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.rx.fullmatch(text, *args) if self.possible(text) else None


def gated(rx: re.Pattern[str]) -> Gated:
    return Gated(rx)
