"""What the cleaning rules read of a document besides its text: its context.

`DocContext` is what a caller knows of a document (its site, its URL, the page's
<title>); `SiteView` what the run and STATE know of the keys of its
site's lines. The rules themselves run in the compiled core (`cleaners.rules.cleaner`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SiteView:
    """What the run (and STATE) know about the keys of this document's site, by their
    hashes: how many distinct documents hold a key, how many of those in their head, and
    how many sites hold a line. `docs` is the number of distinct documents of the site.
    Keys the document did not ask for count 0 (the core reads them so)."""

    docs: int = 0
    found: dict[int, tuple[int, int, int]] = field(default_factory=dict)


@dataclass
class DocContext:
    source: str | None = None
    url: str | None = None
    title_hint: str | None = None  # the page's <title>, when extraction found one
    site: SiteView = field(default_factory=SiteView)
