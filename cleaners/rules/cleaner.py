"""The cleaning chain: text in, clean text plus every removal (in input offsets) out.

The rules run in the compiled core (`cleaners._textcore`), in two stages, because
per-site rules need counts over the whole run:
1. `first_pass` (prepare stage) runs the rules that need nothing but the document —
   spam lines, glued and inserted spam, spam phrases and URLs, script text, glued calls
   to action — and gives the line features of the text they leave and the keys those
   lines contribute to the run's site statistics.
2. `second_stage` (clean stage) runs the line rules that read the site view: site lines
   and templates, the title's duplicates, related links, generic boilerplate by shape and
   position, to a fixed point.
`clean` runs both with whatever site view it is given (tests, `presswash inspect`).

Every rule keeps its name (the `rule` of its removals, `removed:<rule>` in the stats)
and its own switch of that name in the `[clean.rules]` config (`RULES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cleaners import _textcore as core
from cleaners.config import CleanConfig
from cleaners.document import Removal
from cleaners.rules.base import DocContext, SiteView
from cleaners.stats import Stats


@dataclass(frozen=True)
class Rule:
    """A rule and its stage; its switch is the `[clean.rules]` field of its name."""

    name: str
    stage: Literal["first", "second"]


RULES = (
    Rule("spam_line", "first"),
    Rule("spam_glued", "first"),
    Rule("spam_inserted", "first"),
    Rule("spam_phrase", "first"),
    Rule("spam_url", "first"),
    Rule("script_text", "first"),
    Rule("inline_cta", "first"),
    Rule("site_repeated", "second"),
    Rule("site_template", "second"),
    Rule("duplicate_title", "second"),
    Rule("related_links", "second"),
    Rule("boilerplate", "second"),
)


@dataclass(frozen=True)
class FirstPass:
    """What a document's first pass found: its script and language, the first-stage
    removals, the line features of the text they leave (encoded by the core), the keys
    its second stage may look up, and the keys it contributes to its site's statistics
    ((hash, cross-site hash or 0, in head))."""

    script: str
    language: str
    removals: list[Removal]
    lines: str
    lookup: list[int]
    keys: list[tuple[int, int, bool]]


def _count(stats: Stats, counts: Sequence[tuple[str, int]]) -> None:
    for label, n in counts:
        stats.add("clean", label, n)


class Cleaner:
    def __init__(self, cfg: CleanConfig, incremental: bool = True) -> None:
        """`incremental`: a later fixed-point pass skips the rules when nothing they read
        moved (off only to check that it changes nothing)."""
        self.cfg = cfg
        self.enabled = cfg.rules.enabled()
        self.spam_line = "spam_line" in self.enabled
        self.spans = [r.name for r in RULES if r.stage == "first" and r.name != "spam_line" and r.name in self.enabled]
        second = [r.name for r in RULES if r.stage == "second" and r.name in self.enabled]
        sl, gen = cfg.sitelines, cfg.generic
        self.line_rules = core.LineRules(second, sl.min_docs, sl.min_share, sl.min_docs_edge, sl.max_words_shape,
                                         gen.max_words, gen.min_score, incremental)

    def first_pass(self, text: str, source: str | None, url: str | None, stats: Stats) -> FirstPass:
        """A document's first stage in one call of the core."""
        site = source or ""
        label = core.site_label(site) if site else ""
        script, language, removals, counts, lines, lookup, keys = core.prepare_document(
            text, site, label, self.cfg.sitelines.max_words_shape, self.spam_line, self.spans,
            self.cfg.spam.min_glued_chars, url)
        _count(stats, counts)
        return FirstPass(script, language, [Removal(rule, a, b, text[a:b]) for rule, a, b in removals], lines,
                         lookup, keys)

    def second_stage(self, text: str, first: Sequence[tuple[str, int, int]], lines: str, ctx: DocContext,
                     stats: Stats) -> tuple[str, list[Removal]]:
        """The clean text and every removal of both stages (in `text`'s offsets): `first`
        the first stage's removals, `lines` the line features `first_pass` gave."""
        site = ctx.site
        found = [(h, c, hd, s) for h, (c, hd, s) in site.found.items()]
        clean, removals, counts = self.line_rules.clean(text, list(first), lines, ctx.url, ctx.title_hint, site.docs,
                                                        found)
        _count(stats, counts)
        return clean, [Removal(rule, a, b, text[a:b]) for rule, a, b in removals]

    def clean(self, text: str, ctx: DocContext | None = None, stats: Stats | None = None) -> tuple[str, list[Removal]]:
        ctx = ctx or DocContext()
        stats = stats if stats is not None else Stats()
        first = self.first_pass(text, ctx.source, ctx.url, stats)
        return self.second_stage(text, [(r.rule, r.start, r.end) for r in first.removals], first.lines, ctx, stats)


__all__ = ["Cleaner", "DocContext", "FirstPass", "RULES", "Rule", "SiteView"]
