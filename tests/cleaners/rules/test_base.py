"""What the rules read besides the text: a site view answers 0 for keys it was not given."""

from __future__ import annotations

from cleaners.rules.base import DocContext, SiteView


def test_a_site_view_holds_what_the_core_reads() -> None:
    view = SiteView(docs=9, found={11: (5, 2, 0), 12: (0, 0, 4)})
    assert view.docs == 9 and view.found[11] == (5, 2, 0) and 99 not in view.found
    assert SiteView().found == {} and SiteView().found is not SiteView().found


def test_contexts_do_not_share_their_site_view() -> None:
    a, b = DocContext(), DocContext()
    a.site.found[1] = (1, 1, 1)
    assert b.site.found == {} and (a.source, a.url, a.title_hint) == (None, None, None)
