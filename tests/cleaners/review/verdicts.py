"""Generated verdicts for the review tests."""

from __future__ import annotations

from hypothesis import strategies as st

from cleaners.review.records import DocRef, ReviewVerdict


def ref(name: str, run: str = "r1") -> DocRef:
    """A document named by one letter: its digest is that letter's hex code repeated."""
    return DocRef(f"{ord(name):02x}" * 16, name, run)


def verdict(kind: str, keeper: str, *members: str, run: str = "r1", cluster: str = "c1",
            sampled: bool = False) -> ReviewVerdict:
    return ReviewVerdict(kind, run, cluster, ref(keeper, run), tuple(ref(m, run) for m in members), sampled)


names = st.sampled_from("abcdef")
verdicts = st.one_of(
    st.builds(lambda k, m, s, c: verdict("apart", k, m, sampled=s, cluster=c), names, names, st.booleans(),
              st.sampled_from(["c1", "c2"])),
    st.builds(lambda k, m, s, c: verdict("keeper", k, m, sampled=s, cluster=c), names, names, st.booleans(),
              st.sampled_from(["c1", "c2"])),
    st.builds(lambda k, ms, s, c: verdict("correct", k, *ms, sampled=s, cluster=c), names,
              st.lists(names, min_size=1, max_size=3, unique=True), st.booleans(), st.sampled_from(["c1", "c2"])),
)
