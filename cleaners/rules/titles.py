"""The document's title, and its duplicates.

The title is found by position and by how the site uses the line: the first head line that
heads no other page of the site (the site's banner heads them all), preferring a line the
URL slug spells out, or the page's <title>. Its repeats are removed: the same line again,
"Title | Site", "Site - Title", or a breadcrumb ending in it; its first occurrence stays.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urlsplit

import regex as re

from cleaners import _textcore as core
from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.page import COPYRIGHT_SIGN, ENDS_STOP, HAS_URL, Line, Page

SEPARATORS = re.compile(r"\s*(?:[|·•›»>/\\:–—]|\s-\s|::)\s*")
SLUG_PARTS = re.compile(r"[-_+.]+")
MAX_TITLE_WORDS = 40


@lru_cache(maxsize=4096)
def slug_words(url: str | None) -> tuple[str, ...]:
    """The words of the URL's longest path segment (the slug), when it has 3 or more;
    cached, as each rule pass asks again."""
    if not url:
        return ()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return ()
    parts = [p for p in path.split("/") if p]
    best: list[str] = []
    for p in parts:
        ws = [w for w in SLUG_PARTS.split(p.casefold()) if w and not w.isdigit()]
        if len(ws) > len(best):
            best = ws
    return tuple(best) if len(best) >= 3 else ()


def _slug_match(ln: Line, slug: tuple[str, ...]) -> bool:
    """Remembered on the line: the title rules ask about the same lines on every pass."""
    if ln.slug_match is None:
        ws = [w.casefold() for w in core.words(ln.text)] if slug else []
        head = ws[: len(slug) + 2]
        ln.slug_match = bool(ws) and sum(1 for w in slug if w in head) >= max(3, int(0.7 * len(slug)))
    return ln.slug_match


def title_like(ln: Line) -> bool:
    return 2 <= ln.n_words <= MAX_TITLE_WORDS and not ln.has(HAS_URL) and not ln.has(COPYRIGHT_SIGN)


def headline_shaped(ln: Line) -> bool:
    """Title case, or a short line without a final full stop."""
    if not title_like(ln) or ln.n_words > 30:
        return False
    return (ln.long_words > 0 and ln.long_caps >= 0.6 * ln.long_words) or not ln.has(ENDS_STOP)


def early_title(page: Page, ctx: DocContext) -> int | None:
    """A title among the first lines, before the body starts: spelled out by the URL slug
    or the page's <title>, repeated right below itself, or headline-shaped and the first
    prose-looking line (a title may end in a full stop)."""
    slug = slug_words(ctx.url)
    hint = core.line_key(ctx.title_hint) if ctx.title_hint else None
    first = page.lines[:6]
    named = [ln for ln in first if title_like(ln) and ((slug and _slug_match(ln, slug)) or (hint and ln.key == hint))]
    if named:
        return min(named, key=lambda ln: ln.n_words).index
    for ln in first:
        if title_like(ln) and ln.key and any(o is not ln and contains_title(o, ln.key) for o in first):
            return ln.index
    for i, ln in enumerate(first):
        if ln.prose and ln.n_words >= 15:
            break
        if not title_like(ln):
            continue
        dup = any(o.key == ln.key for o in page.lines[i + 1:i + 4])
        if dup or (ln.prose and headline_shaped(ln)):
            return ln.index
    return None


def find_title(page: Page, ctx: DocContext) -> int | None:
    """Index of the title line, or None."""
    head = [ln for ln in page.lines if ln.kept and ln.zone == "head"]
    if not head:
        first = next((ln for ln in page.lines if ln.kept), None)
        head = [first] if first is not None and not first.prose else []
    slug = slug_words(ctx.url)
    hint = core.line_key(ctx.title_hint) if ctx.title_hint else None
    named = [ln for ln in head if title_like(ln) and ((slug and _slug_match(ln, slug)) or (hint and ln.key == hint))]
    if named:  # the shortest: "Home › News › Title" also spells out the slug
        return min(named, key=lambda ln: ln.n_words).index
    for ln in head:  # a line that another head line decorates ("Site - Title", a breadcrumb)
        if title_like(ln) and any(o is not ln and contains_title(o, ln.key) for o in head):
            return ln.index
    for ln in head:
        if not title_like(ln) or SEPARATORS.search(ln.text.strip()) and ln.n_words <= 8:
            continue
        if (ctx.site.heads(ln.h_line) if ln.key else 0) <= 1:
            return ln.index
    return None


def contains_title(ln: Line, title_key: str) -> bool:
    """A line made of the title plus separators and a few other words (site, sections)."""
    key = ln.key
    if title_key not in key or key == title_key:
        return False
    rest = key.replace(title_key, " ", 1)
    parts = [p for p in SEPARATORS.split(rest) if p.strip()]
    has_sep = bool(SEPARATORS.search(core.fold(ln.text)))
    return has_sep and sum(len(p.split()) for p in parts) <= 8


class DuplicateTitle(LineRule):
    name = "duplicate_title"

    def label(self, page: Page, ctx: DocContext) -> None:
        idx = ctx.notes.get("title")
        if not isinstance(idx, int):
            return
        key = page.lines[idx].key
        if not key:
            return
        for ln in page.lines:
            if not ln.kept or ln.index == idx:
                continue
            if ln.key == key or contains_title(ln, key):
                ln.label = self.name
