"""The cleaning chain: text in, clean text plus every removal (in input offsets) out.

Two stages, because per-site rules need counts over the whole run:
1. `first_stage` runs the rules that need nothing but the document — spam lines, glued and
   inserted spam, spam URLs, script text, glued calls to action — and yields the lines'
   counting keys (`line_keys`) for the run's site statistics.
2. `second_stage` re-applies the first stage's removals and runs the line rules that read
   the site view: site lines and templates, the title and its duplicates, related links,
   generic boilerplate by shape and position.
`clean` runs both with whatever site view it is given (tests, `presswash inspect`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cleaners.config import CleanConfig
from cleaners.document import Removal
from cleaners.rules.base import DocContext, LineRule, SpanRule
from cleaners.rules.chain import Rebaser
from cleaners.rules.generic import ADDRESS, SITE_TALK, GenericBoilerplate, copyright_notice
from cleaners.rules.inline import InlineCallToAction, ScriptText
from cleaners.rules.lexicon import furniture_count
from cleaners.rules.page import Line, Page
from cleaners.rules.related import RelatedLinks
from cleaners.rules.sitelines import SiteRepeated, SiteTemplate
from cleaners.rules.spam import GluedScript, InsertedForeign, LatinSpamPhrase, SpamLine, SpamUrl
from cleaners.rules.textshape import PREFIX, line_key, prefix_key, shape_keys
from cleaners.rules.titles import DuplicateTitle, early_title, find_title
from cleaners.stats import Stats

MAX_COUNTED_WORDS = 40  # longer body lines are prose, never counted as site furniture
MAX_PASSES = 5


def line_removals(page: Page) -> list[Removal]:
    return [Removal(rule, a, b, page.text[a:b]) for a, b, rule in page.removal_spans()]


class Cleaner:
    def __init__(self, cfg: CleanConfig) -> None:
        spam = cfg.spam
        self.first_lines: list[LineRule] = [SpamLine(spam.enabled)]
        self.spans: list[SpanRule] = [
            GluedScript(spam.enabled, spam.min_glued_chars),
            InsertedForeign(spam.enabled),
            LatinSpamPhrase(spam.enabled),
            SpamUrl(spam.enabled),
            ScriptText(cfg.generic.enabled),
            InlineCallToAction(cfg.generic.enabled),
        ]
        self.lines: list[LineRule] = [
            SiteRepeated(cfg.sitelines),
            SiteTemplate(cfg.sitelines),
            DuplicateTitle(cfg.titles.enabled),
            RelatedLinks(cfg.related.enabled),
            GenericBoilerplate(cfg.generic),
        ]

    def first_stage(self, text: str, ctx: DocContext, stats: Stats) -> tuple[str, list[Removal]]:
        rb = Rebaser(text)
        page = Page.parse(rb.text)
        for rule in self.first_lines:
            rule.run(page, ctx, stats)
        rb.apply(line_removals(page))
        for span_rule in self.spans:
            rb.apply(span_rule.run(rb.text, ctx, stats))
        return rb.text, rb.sorted_removals()

    def second_stage(self, text: str, first: list[Removal], ctx: DocContext,
                     stats: Stats) -> tuple[str, list[Removal]]:
        rb = Rebaser(text)
        rb.apply(first)
        titled = True
        # to a fixed point: removing a line can change what its neighbours look like (the
        # zones, the title), and cleaning clean text must change nothing
        for _ in range(MAX_PASSES):
            page = content_page(rb.text, ctx)
            ctx.notes["title"] = find_title(page, ctx) if titled else None
            for rule in self.lines:
                rule.run(page, ctx, stats)
            spans = line_removals(page)
            if not spans:
                # a title heads an article: when it is all that is left ("Spread the love"
                # alone in a file), it is judged like any other line
                if titled and _only_title(page, ctx):
                    titled = False
                    continue
                break
            rb.apply(spans)
        return rb.text, rb.sorted_removals()

    def clean(self, text: str, ctx: DocContext | None = None, stats: Stats | None = None) -> tuple[str, list[Removal]]:
        ctx = ctx or DocContext()
        stats = stats if stats is not None else Stats()
        _, first = self.first_stage(text, ctx, stats)
        return self.second_stage(text, first, ctx, stats)


def _only_title(page: Page, ctx: DocContext) -> bool:
    kept = [ln.index for ln in page.lines if ln.kept]
    return kept == [ctx.notes.get("title")]


def content_page(text: str, ctx: DocContext) -> Page:
    """A page whose zones are anchored on the article's own prose.

    Anchors are prose lines that read as article text: long ones, or ones without
    furniture vocabulary or reader address ("Get the latest news delivered to your inbox
    every morning." is a sentence, but not the article). The title — an early line shaped
    like a headline, even one ending in a full stop — is head, not an anchor.
    """
    page = Page.parse(text)
    skip = {ln.index for ln in page.lines if ln.prose and not _anchor(ln)}
    title = early_title(page, ctx)
    if title is not None:
        skip |= {ln.index for ln in page.lines[: title + 3] if ln.key == page.lines[title].key}
    if skip:
        page.assign_zones(exclude=skip)
    return page


def _anchor(ln: Line) -> bool:
    return _anchor_text(ln.text, ln.n_words)


@lru_cache(maxsize=1 << 16)
def _anchor_text(text: str, n_words: int) -> bool:
    if copyright_notice(text):
        return False
    furniture = furniture_count(text)
    if n_words >= 15 and furniture <= 1 and not (len(SITE_TALK.findall(text)) >= 2 and ADDRESS.search(text)):
        return True
    return not furniture and not ADDRESS.search(text)


def line_keys(text: str, ctx: DocContext, page: Page | None = None,
              max_shape_words: int = MAX_COUNTED_WORDS) -> Iterator[tuple[str, str, bool]]:
    """(kind, key, in head) of every line that site statistics count, once per document.
    Shape keys only for lines `SiteTemplate` may look up (`sitelines.max_words_shape`)."""
    page = page or content_page(text, ctx)
    found: dict[tuple[str, str], bool] = {}
    for ln in page.lines:
        if not ln.key or (ln.zone == "body" and ln.n_words > MAX_COUNTED_WORDS):
            continue
        # templates (bylines, credits, datelines) are not article prose: the body's prose
        # lines are counted as themselves only, which also spares their costly shape keys
        skip = (ln.zone == "body" and ln.prose) or ln.n_words > max_shape_words
        shapes = () if skip else shape_keys(ln.text)
        keys = [("L", ln.key)] + [("S", k) for k in shapes]
        pk = prefix_key(ln.text)
        if pk:
            keys.append(("P", pk))
        for key in keys:
            found[key] = found.get(key, False) or ln.zone == "head"
    for (kind, key), head in found.items():
        yield kind, key, head


def keys_and_lookups(text: str, ctx: DocContext, max_shape_words: int = MAX_COUNTED_WORDS,
                     ) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
    """From one parse: the keys site statistics count (`line_keys`), and every (kind, key)
    the second-stage rules may look up for this text — the counted keys, plus what follows
    a "Label:" prefix (a linked title in "Read more: <title>")."""
    page = content_page(text, ctx)
    counted = list(line_keys(text, ctx, page, max_shape_words))
    wanted = [(kind, key) for kind, key, _ in counted]
    for ln in page.lines:
        m = PREFIX.match(ln.text)
        if m:
            wanted.append(("L", line_key(ln.text[m.end(1):].lstrip(" :：»›|"))))
    return counted, wanted
