"""The cleaning chain: text in, clean text plus every removal (in input offsets) out.

Two stages, because per-site rules need counts over the whole run:
1. `first_stage` runs the rules that need nothing but the document — spam lines, glued and
   inserted spam, spam phrases and URLs, script text, glued calls to action (all in the
   compiled core, which scans for them in one pass) — and the page it leaves gives the
   lines' counting keys (`line_keys`) for the run's site statistics.
2. `second_stage` re-applies the first stage's removals and runs the line rules that read
   the site view: site lines and templates, the title and its duplicates, related links,
   generic boilerplate by shape and position.
`clean` runs both with whatever site view it is given (tests, `presswash inspect`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleaners import _textcore as core
from cleaners.config import CleanConfig
from cleaners.document import Removal
from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.chain import Rebaser
from cleaners.rules.generic import GenericBoilerplate, anchor
from cleaners.rules.page import PREFIX, Line, Page, SiteKeys
from cleaners.rules.related import RelatedLinks, list_heading
from cleaners.rules.sitelines import SiteRepeated, SiteTemplate
from cleaners.rules.titles import DuplicateTitle, early_title, find_title
from cleaners.stats import Stats

MAX_COUNTED_WORDS = 40  # longer body lines are prose, never counted as site furniture
MAX_PASSES = 5


@dataclass(frozen=True)
class CoreRule:
    """A first-stage rule the compiled core runs: its name (the `rule` of its removals)
    and its switch."""

    name: str
    enabled: bool


@dataclass(frozen=True)
class FirstPass:
    """What a document's first pass found: its script and language, the text the
    first-stage rules leave (`text`), their removals, and that text's line features."""

    script: str
    language: str
    text: str
    removals: list[Removal]
    columns: tuple[Any, ...]


def line_removals(page: Page) -> list[Removal]:
    return [Removal(rule, a, b, page.text[a:b]) for a, b, rule in page.removal_spans()]


class Cleaner:
    def __init__(self, cfg: CleanConfig) -> None:
        spam, generic = cfg.spam, cfg.generic
        self.cfg = cfg
        self.spam_line = CoreRule("spam_line", spam.enabled)
        self.spans = [CoreRule("spam_glued", spam.enabled), CoreRule("spam_inserted", spam.enabled),
                      CoreRule("spam_phrase", spam.enabled), CoreRule("spam_url", spam.enabled),
                      CoreRule("script_text", generic.enabled), CoreRule("inline_cta", generic.enabled)]
        self.min_glued = spam.min_glued_chars
        self.enabled_spans = [r.name for r in self.spans if r.enabled]
        self.lines: list[LineRule] = [
            SiteRepeated(cfg.sitelines),
            SiteTemplate(cfg.sitelines),
            DuplicateTitle(cfg.titles.enabled),
            RelatedLinks(cfg.related.enabled),
            GenericBoilerplate(cfg.generic),
        ]

    def keys(self, ctx: DocContext) -> SiteKeys:
        return SiteKeys.of(ctx.source, self.cfg.sitelines.max_words_shape)

    def first_stage(self, text: str, ctx: DocContext, stats: Stats) -> tuple[str, list[Removal]]:
        """The text the first-stage rules leave, and their removals (in `text`)."""
        steps = core.first_stage(text, ctx.script, ctx.language, self.spam_line.enabled, self.enabled_spans,
                                 self.min_glued)
        return self._apply(text, steps, stats)

    def first_pass(self, text: str, source: str | None, stats: Stats) -> FirstPass:
        """A document's first stage in one call of the core, which also tells its script
        and language and gives the line features of the text the first stage leaves."""
        keys = SiteKeys.of(source, self.cfg.sitelines.max_words_shape)
        script, language, steps, cols = core.prepare_text(text, keys.site, keys.label, keys.max_shape_words,
                                                          self.spam_line.enabled, self.enabled_spans, self.min_glued)
        text1, removals = self._apply(text, steps, stats)
        return FirstPass(script, language, text1, removals, cols)

    @staticmethod
    def _apply(text: str, steps: list[tuple[str, list[tuple[int, int]], bool]],
               stats: Stats) -> tuple[str, list[Removal]]:
        rb = Rebaser(text)
        for rule, spans, failed in steps:
            if failed:
                stats.add("clean", f"errors:{rule}")
                continue
            stats.add("clean", f"removed:{rule}", len(spans))
            rb.apply([Removal(rule, a, b, rb.text[a:b]) for a, b in spans])
        return rb.text, rb.sorted_removals()

    def second_stage(self, text: str, first: list[Removal], ctx: DocContext, stats: Stats,
                     page: Page | None = None) -> tuple[str, list[Removal]]:
        """`page`: the page of the first stage's text, when the caller has it already.

        To a fixed point: removing a line can change what its neighbours look like (the
        zones, the title, a list's run), and cleaning clean text must change nothing. A
        later pass looks only at what the pass before changed: each rule decides on a line
        from its own features, its zone, the title and the site, except the related rule's
        lists, which read their neighbours; so when the lines left keep their zones and
        the title, and no list heading is left, no rule can decide otherwise and the
        rules are not run again."""
        rb = Rebaser(text)
        rb.apply(first)
        page = page if page is not None else Page.analyse(rb.text, self.keys(ctx))
        titled = True
        settled: _Layout | None = None  # the previous pass's layout, when it removed lines
        for _ in range(MAX_PASSES):
            content_zones(page, ctx)
            ctx.notes["title"] = find_title(page, ctx) if titled else None
            layout = _Layout.of(page, ctx)
            if settled is not None and settled.holds(layout) and not any(map(list_heading, page.lines)):
                spans: list[Removal] = []
            else:
                if not all([rule.run(page, ctx, stats) for rule in self.lines]):
                    layout = None  # a rule failed: the next pass runs every rule again
                spans = line_removals(page)
            if not spans:
                # a title heads an article: when it is all that is left ("Spread the love"
                # alone in a file), it is judged like any other line
                if titled and _only_title(page, ctx):
                    titled = False
                    settled = None
                    continue
                break
            rb.apply(spans)
            settled = layout
            page = page.without_removed(rb.text)
        return rb.text, rb.sorted_removals()

    def clean(self, text: str, ctx: DocContext | None = None, stats: Stats | None = None) -> tuple[str, list[Removal]]:
        ctx = ctx or DocContext()
        stats = stats if stats is not None else Stats()
        _, first = self.first_stage(text, ctx, stats)
        return self.second_stage(text, first, ctx, stats)


@dataclass(frozen=True)
class _Layout:
    """What a pass's rules read of the page beyond each line's own features: every line's
    zone and which line is the title (lines by identity: a page's kept lines move on to
    the next pass's page)."""

    lines: tuple[Line, ...]  # held, so that no other line can take one's id
    zones: dict[int, str]
    title: int | None

    @classmethod
    def of(cls, page: Page, ctx: DocContext) -> _Layout:
        idx = ctx.notes.get("title")
        title = id(page.lines[idx]) if isinstance(idx, int) else None
        return cls(tuple(page.lines), {id(ln): ln.zone for ln in page.lines}, title)

    def holds(self, now: _Layout) -> bool:
        """True when the lines of `now` (a later pass) sit as they did in this one."""
        return now.title == self.title and all(self.zones.get(k) == z for k, z in now.zones.items())


def _only_title(page: Page, ctx: DocContext) -> bool:
    kept = [ln.index for ln in page.lines if ln.kept]
    return kept == [ctx.notes.get("title")]


def content_zones(page: Page, ctx: DocContext) -> Page:
    """Zones anchored on the article's own prose: prose lines that read as article text
    (`generic.anchor`) bound the body. The title — an early line shaped like a headline,
    even one ending in a full stop — is head, not an anchor."""
    skip = {ln.index for ln in page.lines if ln.prose and not anchor(ln)}
    title = early_title(page, ctx)
    if title is not None:
        skip |= {ln.index for ln in page.lines[: title + 3] if ln.key == page.lines[title].key}
    page.assign_zones(exclude=skip)
    return page


def line_keys(page: Page, max_shape_words: int) -> Iterator[tuple[int, int, bool]]:
    """(key hash, its cross-site hash for a line key or 0, in head) of every key of the
    page's lines that site statistics count, once per document. Shape keys only for lines
    `SiteTemplate` may look up (`sitelines.max_words_shape`)."""
    found: dict[int, tuple[int, bool]] = {}
    for ln in page.lines:
        if not ln.key or (ln.zone == "body" and ln.n_words > MAX_COUNTED_WORDS):
            continue
        # templates (bylines, credits, datelines) are not article prose: the body's prose
        # lines are counted as themselves only
        skip = (ln.zone == "body" and ln.prose) or ln.n_words > max_shape_words
        head = ln.zone == "head"
        keys = [(ln.h_line, ln.h_cross)] + ([] if skip else [(h, 0) for h in ln.h_shapes])
        if ln.has(PREFIX):
            keys.append((ln.h_prefix, 0))
        for h, cross in keys:
            was = found.get(h)
            found[h] = (cross, head or (was is not None and was[1]))
    for h, (cross, head) in found.items():
        yield h, cross, head


def lookup_hashes(page: Page, site_hash: int, max_shape_words: int) -> list[int]:
    """Every key hash the second stage may look up for this page (its counted keys and
    their cross-site keys, and the titles its "Label:" lines link to), so the clean stage
    fetches them in one batch without analysing the document again."""
    found = {site_hash}
    for h, cross, _ in line_keys(page, max_shape_words):
        found.add(h)
        if cross:
            found.add(cross)
    for ln in page.lines:
        if ln.h_linked:
            found.update((ln.h_linked, ln.h_linked_cross))
    return sorted(found)
