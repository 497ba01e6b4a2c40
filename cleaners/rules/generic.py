"""Generic boilerplate by shape and position: the furniture every site emits.

Each line gets a score from independent signals — short and without a sentence, outside
the article's core (head/tail), furniture vocabulary, a copyright or separator-bar shape,
a byline/date shape, the site's own name, addressing the reader ("your inbox", "our
newsletter"), seen on other sites — and negative ones (quotation marks, a long sentence
in the body). A line goes when its score reaches the threshold; no single signal, and so
no word list, is enough on its own. Long lines need strong evidence: reader-addressing
site talk at the edge ("We use cookies … our website"). The signals are the line's
features from the compiled core (`cleaners.rules.page`).
"""

from __future__ import annotations

from cleaners.config import GenericConfig
from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.page import (
    ALNUM,
    BY_NAME,
    BYLINE,
    COPYRIGHT,
    CREDIT,
    DATE,
    QUOTE,
    SELF_REF,
    SITE_NAME,
    TABLE_ROW,
    TAG_LIST,
    Line,
    Page,
)
from cleaners.rules.sitelines import is_title


def anchor(ln: Line) -> bool:
    """A prose line that reads as article text: a long one with little furniture, or one
    with no furniture and no reader address ("Get the latest news delivered to your inbox
    every morning." is a sentence, but not the article)."""
    if ln.has(COPYRIGHT):
        return False
    if ln.n_words >= 15 and ln.furniture <= 1 and not (ln.site_talk >= 2 and ln.address):
        return True
    return not ln.furniture and not ln.address


def score(ln: Line, ctx: DocContext) -> tuple[float, float]:
    """(shape and position score, score of signals specific to furniture)."""
    n = ln.n_words
    edge = ln.zone != "body"
    shape = (1.0 if n <= 6 else 0.5 if n <= 12 else 0.0) + (0.5 if not ln.sentence else 0.0) + (1.0 if edge else 0.0)
    spec = 1.0 if ln.furniture == 1 else 1.5 if ln.furniture >= 2 else 0.0
    if n <= 6:
        spec += 0.5 * min(2, ln.weak)
    copyright = ln.has(COPYRIGHT)
    if copyright:
        spec += 1.5
    if edge and n <= 14 and not ln.has(TABLE_ROW) and ln.nav >= 2:
        spec += 1.0
    byline = ln.has(BYLINE) and (n <= 8 or (n <= 14 and not ln.sentence))
    if byline:
        spec += 1.0 if ln.has(DATE) or ln.has(BY_NAME) else 0.5
    elif n <= 14 and ln.zone == "head" and ln.has(DATE) and not ln.sentence:
        spec += 1.0
    if ln.has(CREDIT):
        spec += 1.0
    if edge and n <= 16 and ln.has(TAG_LIST):
        spec += 1.0
    if edge and ln.site_talk >= 3 and ln.address >= 2:
        spec += 1.0  # "you agree to the storing of cookies on your device to enhance site navigation"
    if ln.has(SITE_NAME):
        spec += 1.0
    if spec and ln.address:
        spec += 0.5
    elif ln.sentence and n >= 6 and not (copyright or ln.has(SELF_REF)):
        spec *= 0.5  # a sentence about someone else's newsletter is news, not furniture
    if ln.key and ctx.site.sites_with(ln.h_cross) >= 2 and n <= 20:
        spec += 1.5
    if ln.has(QUOTE):
        shape -= 0.5 if ln.site_talk else 1.0
    if ln.zone == "body" and ln.sentence and n >= 15:
        shape -= 2.0
    if n > 16 and not (edge and ln.site_talk >= 2 and ln.address and n <= 45):
        shape -= 10.0  # a long line needs the site-talk pattern: reader-addressing, at the edge
    return shape, spec


class GenericBoilerplate(LineRule):
    name = "boilerplate"

    def __init__(self, cfg: GenericConfig) -> None:
        super().__init__(cfg.enabled)
        self.cfg = cfg

    def label(self, page: Page, ctx: DocContext) -> None:
        threshold = 2.5 * self.cfg.min_score
        for ln in page.lines:
            if not ln.kept or is_title(ln, ctx) or (ln.zone == "body" and ln.n_words > 16):
                continue  # a long body line is never furniture on shape (score() would say -10)
            if not ln.has(ALNUM):
                continue
            shape, spec = score(ln, ctx)
            if spec >= 1.0 and shape + spec >= threshold:
                ln.label = self.name
