"""Reviewers' verdicts in the union-find: a pair marked apart never ends in one cluster,
whichever members bring their clusters together; a chosen keeper is kept."""

from __future__ import annotations

from cleaners.dedup.cluster import Clusters, Constraints
from cleaners.dedup.keeper import Candidate
from cleaners.dedup.verify import Verdict
from cleaners.review.book import Book
from cleaners.review.records import DocRef, ReviewVerdict

OK = Verdict(True, 0.9, 0.9, 1.0)


def ref(name: str) -> DocRef:
    return DocRef(name * 32, name, "r1")


def cands(*names: str, chosen: dict[str, int] | None = None) -> list[Candidate]:
    return [Candidate(n, 0, 100, chosen=(chosen or {}).get(n, 0)) for n in names]


def cluster(names: list[str], edges: list[tuple[float, str, str]], book: Book,
            chosen: dict[str, int] | None = None) -> tuple[Clusters, list[set[str]]]:
    at = {n: i for i, n in enumerate(names)}
    rules = Constraints(book, {at[n]: n * 32 for n in names if n * 32 in book.constrained})
    c = Clusters(cands(*names, chosen=chosen), "smallest_id", lambda a, b: OK, 0.5, 0.8, None, rules)
    c.add([(w, at[a], at[b]) for w, a, b in edges], 0.55)
    by_root: dict[int, set[str]] = {}
    for x, name in enumerate(names):
        by_root.setdefault(c.find(x), set()).add(name)
    return c, [g for g in by_root.values() if len(g) > 1]


def test_apart_holds_through_a_third_document() -> None:
    # a~c and b~c are strong copies; a and b were marked apart: c may join one, never both
    book = Book.of([ReviewVerdict("apart", "r1", "c000000", ref("a"), (ref("b"),))])
    c, groups = cluster(["a", "b", "c"], [(0.95, "a", "c"), (0.9, "b", "c"), (0.8, "a", "b")], book)
    assert groups == [{"a", "c"}]
    assert list(c.blocked) == [book.apart[frozenset(("a" * 32, "b" * 32))].ref]


def test_apart_between_whole_clusters() -> None:
    book = Book.of([ReviewVerdict("apart", "r1", "c000000", ref("a"), (ref("d"),))])
    _, groups = cluster(["a", "b", "c", "d"], [(0.95, "a", "b"), (0.95, "c", "d"), (0.9, "b", "c")], book)
    assert sorted(map(sorted, groups)) == [["a", "b"], ["c", "d"]]


def test_without_verdicts_they_chain() -> None:
    _, groups = cluster(["a", "b", "c"], [(0.95, "a", "c"), (0.9, "b", "c")], Book())
    assert groups == [{"a", "b", "c"}]


def test_a_later_verdict_overrides_an_earlier_one() -> None:
    apart = ReviewVerdict("apart", "r1", "c000000", ref("a"), (ref("b"),))
    again = ReviewVerdict("correct", "r2", "c000004", ref("a"), (ref("b"),))
    _, groups = cluster(["a", "b"], [(0.9, "a", "b")], Book.of([apart, again]))
    assert groups == [{"a", "b"}]


def test_chosen_keeper_is_kept_and_two_chosen_never_merge() -> None:
    book = Book.of([ReviewVerdict("keeper", "r1", "c000000", ref("a"), (ref("c"),)),
                    ReviewVerdict("keeper", "r1", "c000001", ref("d"), (ref("e"),))])
    c, groups = cluster(["a", "c", "d", "e"], [(0.95, "a", "c"), (0.95, "d", "e"), (0.9, "a", "d")], book,
                        chosen={"c": 2, "e": 2})
    assert sorted(map(sorted, groups)) == [["a", "c"], ["d", "e"]]
    keepers = {c.cands[c.keeper[c.find(i)]].id for i in range(4)}
    assert keepers == {"c", "e"}  # not the smallest ids: the chosen ones


def test_keeper_verdict_moves_the_choice() -> None:
    first = ReviewVerdict("keeper", "r1", "c000000", ref("a"), (ref("b"),))
    back = ReviewVerdict("keeper", "r2", "c000003", ref("b"), (ref("a"),))
    book = Book.of([first, back])
    assert set(book.chosen) == {"a" * 32}
    assert book.chosen_level("a" * 32, "a") == 2 and book.chosen_level("a" * 32, "copy-of-a") == 1


def test_self_apart_exact_copies() -> None:
    book = Book.of([ReviewVerdict("apart", "r1", "c000000", ref("a"), (ref("a"),))])
    assert book.self_apart == {"a" * 32}
    names = ["a", "a2"]
    rules = Constraints(book, {0: "a" * 32, 1: "a" * 32})  # two documents with one text
    c = Clusters(cands(*names), "smallest_id", lambda a, b: OK, 0.5, 0.8, None, rules)
    c.add([(1.0, 0, 1)], 0.55)
    assert c.find(0) != c.find(1)
