"""Disjointness of the held-out-style cleaning catalogue from DEV's: `dev_overlaps` lists
every DEV string found in ours, and cleaning_alt.build() asserts there is none."""

from __future__ import annotations

import re

try:
    from . import cleaning_alt_catalogue as cat
except ImportError:  # run as a script
    import cleaning_alt_catalogue as cat  # type: ignore[no-redef]


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in _strings(v)]
    return []


def catalogue_strings() -> list[str]:
    return _strings(
        [
            cat.AUTHORS,
            cat.EDITORS,
            cat.AGENCIES,
            cat.PHOTOGRAPHERS,
            cat.PARTNERS,
            cat.CITIES,
            cat.TAGS,
            cat.GEN,
            cat.SCRIPT_ADS,
            cat.SPAM,
            cat.SPAM_LINES,
            [{k: v for k, v in s.items() if k not in ("langs", "ui", "sep")} for s in cat.SITES],
            cat.KEEP,
            cat.KEEP_SHARED,
        ]
    )


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def dev_overlaps(dev) -> list[tuple[str, str]]:
    """(DEV string, our string) pairs where a DEV catalogue string appears in ours: a DEV spam
    token, or a DEV phrase of 2+ words (a template's literal parts counted apart), anywhere
    (case-insensitive); a one-word DEV entry ("Related", "Website"...) as a whole string of ours."""
    spam = [t for toks in dev.SPAM.values() for t in toks]
    dev_sites = [{k: v for k, v in s.items() if k not in ("sep", "lang")} for s in dev.SITES]
    phrases = _strings(
        [
            dev.GENERIC,
            dev.SPAM_LINES,
            dev_sites,
            dev.AUTHORS,
            dev.PHOTO_AGENCIES,
            dev.PHOTOGRAPHERS,
            dev.PARTNERS,
            dev.TAG_POOL,
            dev.KEEP_BOILERPLATE_WORDS,
            dev.KEEP_CJK,
            dev.KEEP_GAMBLING_WORDS,
            dev.KEEP_URLS,
            dev.KEEP_SHARED,
        ]
    )
    multi, single = set(), set()
    for s in phrases:
        for frag in PLACEHOLDER.split(s):
            frag = frag.strip(" .,:;|·—-()*").casefold()
            n_words = len(re.findall(r"\w+", frag))
            if n_words >= 2:
                multi.add(frag)
            elif n_words == 1 and not PLACEHOLDER.search(s):
                single.add(frag)
    hits = []
    for o in catalogue_strings():
        low = o.casefold()
        hits += [(t, o) for t in spam if t.casefold() in low]
        hits += [(m, o) for m in multi if m in low]
        hits += [(w, o) for w in single if w == low.strip(" .,:;|·—-()*")]
    return sorted(set(hits))
