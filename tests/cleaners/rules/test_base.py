"""What the rules read besides the text: a site view answers 0 for keys it was not given."""

from __future__ import annotations

from cleaners.rules.base import DocContext, SiteView


def test_a_site_view_reads_its_counts_and_zero_elsewhere() -> None:
    view = SiteView(docs=9, found={11: (5, 2, 0), 12: (0, 0, 4)})
    assert (view.count(11), view.heads(11), view.sites_with(12)) == (5, 2, 4)
    assert (view.count(99), view.heads(99), view.sites_with(11)) == (0, 0, 0)


def test_contexts_do_not_share_their_site_view() -> None:
    a, b = DocContext(), DocContext()
    a.site.found[1] = (1, 1, 1)
    assert b.site.found == {} and (a.source, a.url, a.title_hint) == (None, None, None)
