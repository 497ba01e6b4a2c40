"""Links to the site's other articles: "Related" lists, "Read more: <title>", "Next Post: …".

Two mechanisms. (1) The line, or what follows its "Label:" prefix, is the title of another
page of the same site (it heads that page: the site view counts head occurrences). (2) A
list heading in the tail — a short line without a sentence, such as "Related", "Lihat
juga" or "Más noticias" — followed by headline-shaped lines. The document's own title is
kept at its top even when other pages list it.
"""

from __future__ import annotations

from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.page import PREFIX, RELATED_HEADING, RELATED_PREFIX, Line, Page


def headline_like(ln: Line) -> bool:
    """3-30 words, not a run of lowercase prose: a headline, with or without a final stop."""
    if not 3 <= ln.n_words <= 30:
        return False
    if not ln.sentence:
        return True
    return ln.caps_words >= 0.5 * ln.n_words


def linked_title(ln: Line, ctx: DocContext) -> bool:
    """True when the line (or its text after a short label) heads another page of the site."""
    keys = [ln.h_line if ln.key else 0]
    if ln.has(PREFIX):
        keys.append(ln.h_linked)  # 0 when nothing follows the label
    own = 1 if ln.zone == "head" else 0
    for key in keys:
        heads = ctx.site.heads(key) if key else 0
        if key and heads - own >= 1 and heads <= 2 and ctx.site.count(key) > own:
            return True
    return False


def list_heading(ln: Line) -> bool:
    if ln.sentence or ln.n_words > 6:
        return False
    return ln.has(RELATED_HEADING)


class RelatedLinks(LineRule):
    name = "related_links"

    def label(self, page: Page, ctx: DocContext) -> None:
        title = ctx.notes.get("title")
        for ln in page.lines:
            if not ln.kept or ln.index == title:
                continue
            if (headline_like(ln) and linked_title(ln, ctx)) or (ln.has(RELATED_PREFIX) and ln.n_words <= 30):
                ln.label = self.name
        lines = page.lines
        for i, ln in enumerate(lines):
            if not (list_heading(ln) or (ln.label == self.name and ln.has(RELATED_PREFIX))):
                continue
            run = []
            for nxt in lines[i + 1:]:
                if nxt.index == title or nxt.prose and not headline_like(nxt):
                    break
                if not nxt.kept:  # already gone (a linked title, site furniture): part of the list
                    run.append(nxt)
                    continue
                if not headline_like(nxt):
                    break
                run.append(nxt)
            if not run and any(o.kept for o in lines[i + 1:]):
                continue  # a heading with nothing after it is left dangling: it goes too
            if ln.kept:
                ln.label = self.name
            for nxt in run:
                if nxt.kept:
                    nxt.label = self.name
