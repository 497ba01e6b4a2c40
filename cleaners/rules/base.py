"""The line rules' base and the per-document context they read.

A `LineRule` labels whole lines of a `Page` (`label(page, ctx)`, its one method); the base
counts what it removed (`removed:<rule>`) and turns an exception into an `errors:<rule>`
count with the rule skipped for that document, so a bug in one rule costs its removals,
never the document. (The first-stage rules, which find spans inside lines, run in the
compiled core: `cleaners.rules.cleaner.CoreRule`.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from cleaners.rules.page import Page
from cleaners.stats import Stats

log = logging.getLogger(__name__)


@dataclass
class SiteView:
    """What the run (and STATE) know about the keys of this document's site, by their
    hashes (a line's `h_*`): how many distinct documents hold a key, how many of those in
    their head, and how many sites hold a line. `docs` is the number of distinct
    documents of the site. Keys the document did not ask for count 0."""

    docs: int = 0
    found: dict[int, tuple[int, int, int]] = field(default_factory=dict)

    def count(self, key_hash: int) -> int:
        return self.found.get(key_hash, (0, 0, 0))[0]

    def heads(self, key_hash: int) -> int:
        return self.found.get(key_hash, (0, 0, 0))[1]

    def sites_with(self, cross_hash: int) -> int:
        return self.found.get(cross_hash, (0, 0, 0))[2]


@dataclass
class DocContext:
    source: str | None = None
    url: str | None = None
    title_hint: str | None = None
    script: str = "Latin"
    language: str = "en"
    site: SiteView = field(default_factory=SiteView)
    notes: dict[str, object] = field(default_factory=dict)  # what earlier rules found (e.g. the title)


class Rule:
    name: str = "rule"

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled


class LineRule(Rule):
    def label(self, page: Page, ctx: DocContext) -> None:
        raise NotImplementedError

    def run(self, page: Page, ctx: DocContext, stats: Stats) -> bool:
        """Label the page; False when the rule failed (and labelled nothing)."""
        # a page is labelled by each rule once (a new page each pass), and a rule labels
        # only lines no other rule took: the lines with its name are its own
        if not self.enabled:
            return True
        name = self.name
        try:
            self.label(page, ctx)
        except Exception:  # noqa: BLE001 - one rule's bug must not sink the document
            log.exception("rule %s failed", name)
            stats.add("clean", f"errors:{name}")
            for ln in page.lines:
                if ln.label == name:
                    ln.label = None
            return False
        n = sum(1 for ln in page.lines if ln.label == name)
        if n:
            stats.add("clean", f"removed:{name}", n)
        return True
