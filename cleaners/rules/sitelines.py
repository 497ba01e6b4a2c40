"""Per-site repeated lines and templates, learned from the run and from STATE.

A site's furniture — navigation, slogan, footer, "Posted on <date> by <name>" — repeats
across its pages; its articles do not. Counts are of distinct documents (re-crawls of one
URL count once) per `source`, for three keys of a line: the line itself (`L`), its shape
with numbers, dates and names masked (`S`), and a short "Label:" prefix (`P`). A line
shared by two articles (a recurring quote or sub-heading) stays: it needs `min_docs`
documents, or two documents when it sits in the head or tail and has no sentence in it.
The document's own title is never site furniture, however many pages link to it.
"""

from __future__ import annotations

from cleaners.config import SiteLinesConfig
from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.page import PREFIX, Line, Page


def is_title(ln: Line, ctx: DocContext) -> bool:
    return ctx.notes.get("title") == ln.index


def frequent(n: int, docs: int, cfg: SiteLinesConfig) -> bool:
    return n >= cfg.min_docs and n >= cfg.min_share * docs


class SiteRepeated(LineRule):
    name = "site_repeated"

    def __init__(self, cfg: SiteLinesConfig) -> None:
        super().__init__(cfg.enabled)
        self.cfg = cfg

    def label(self, page: Page, ctx: DocContext) -> None:
        docs = ctx.site.docs
        for ln in page.lines:
            if not ln.kept or is_title(ln, ctx) or not ln.key:
                continue
            n = ctx.site.count(ln.h_line)
            if n < 2:
                continue
            heads = ctx.site.heads(ln.h_line)
            if 0 < heads <= 2 < n and heads < n / 2:
                continue  # another page's title in a list of links: the related rule's call
            banner = ln.zone == "head" and not ln.sentence and ln.n_words <= 14  # above the title
            if frequent(n, docs, self.cfg) or (banner and n >= self.cfg.min_docs_edge):
                ln.label = self.name


class SiteTemplate(LineRule):
    """Lines of one site template whose variable parts change (bylines, credits, tags)."""

    name = "site_template"

    def __init__(self, cfg: SiteLinesConfig) -> None:
        super().__init__(cfg.enabled)
        self.cfg = cfg

    def label(self, page: Page, ctx: DocContext) -> None:
        docs = ctx.site.docs
        for ln in page.lines:
            if not ln.kept or is_title(ln, ctx) or ln.n_words > self.cfg.max_words_shape:
                continue
            if ln.zone == "body" and ln.sentence and ln.n_words > 6:
                continue
            if any(frequent(ctx.site.count(h), docs, self.cfg) for h in ln.h_shapes):
                ln.label = self.name
                continue
            if ln.has(PREFIX) and not ln.sentence and frequent(ctx.site.count(ln.h_prefix), docs, self.cfg):
                ln.label = self.name
