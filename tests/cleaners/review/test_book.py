"""The verdicts in force: a later verdict about a pair overrides an earlier one, a keeper
verdict moves the choice."""

from __future__ import annotations

from cleaners.review.book import Book
from tests.cleaners.review.verdicts import ref, verdict

A, B, C = (ref(x).digest for x in "abc")


def test_a_later_verdict_about_a_pair_wins() -> None:
    apart, same = verdict("apart", "a", "b"), verdict("correct", "a", "b", "c")
    book = Book.of([apart, same])
    assert book.apart == {} and book.confirmed(A, B) is same and book.confirmed(C, A) is same
    book = Book.of([same, apart])
    assert book.confirmed(A, B) is None and book.apart_between([B], [C, A]) is apart
    assert book.constrained == {A, B} and bool(book)
    assert book.other_side(apart, A) == ref("b") and book.other_side(apart, B) == ref("a")


def test_a_keeper_verdict_moves_the_choice() -> None:
    first, second = verdict("keeper", "a", "b"), verdict("keeper", "b", "c")
    book = Book.of([first, second])
    assert set(book.chosen) == {C}
    assert book.chosen_level(C, "c") == 2 and book.chosen_level(C, "copy-of-c") == 1 and book.chosen_level(B, "b") == 0


def test_exact_copies_marked_apart_and_an_empty_book() -> None:
    book = Book.of([verdict("apart", "a", "a"), verdict("apart", "a", "b")])
    assert book.self_apart == {A}
    assert not Book.of([]) and Book().apart_between([A], [B]) is None
