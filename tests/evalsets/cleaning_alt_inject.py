"""How the held-out-style cleaning set injects spam and encoding damage into an article
(see cleaning_alt.py): spam tokens standalone, in brackets or glued to a word, whole spam
lines; damage of the subtypes DEV lacks (soft hyphens, word joiners, named entities...)."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
if str(SHARED_EVAL) not in sys.path:
    sys.path.insert(0, str(SHARED_EVAL))
from make_cleaning_dev import (  # noqa: E402
    NON_ASCII_WORD,
    Block,
    DocBuilder,
    Edit,
    Item,
    damage_edit,
    sloppy_mojibake,
    spam_edit,
)

try:
    from . import cleaning_alt_catalogue as cat
except ImportError:  # run as a script
    import cleaning_alt_catalogue as cat  # type: ignore[no-redef]


# ------------------------------------------------------------------ spam
def bracket_edit(rng: random.Random, block: Block, token: str, near_gloss: bool) -> Edit | None:
    """ " [토큰]" after a word (or right after a legitimate bracketed gloss), before a space."""
    text = block.gold or ""
    spots = [m.end() for m in re.finditer(r"[)\]](?= )", text)] if near_gloss else []
    spots = spots or [m.end() for m in re.finditer(r"[A-Za-z]{3,}(?= [a-z])", text)]
    if not spots:
        return None
    p = rng.choice(spots)
    return Edit(p, p, " " + token, Item("spam", token, "span"), offset=1)


def add_spam(d: DocBuilder) -> None:
    rng, site = d.rng, d.site
    latin = d.art["lang"] in ("en", "pt", "de")
    gloss_texts = {k for t, k in d.keep if t in ("cjk_in_sentence", "foreign_gloss")}
    # bracketed spam next to a legitimate bracketed gloss, on any site
    for b in [b for b in d.blocks if b.role == "keep" and b.gold in gloss_texts]:
        if rng.random() < 0.75:
            src = rng.choice(["ko", "zh", "th", "ja", "id", "vi"])
            edit = bracket_edit(rng, b, cat.BRACKETS[src].format(rng.choice(cat.SPAM[src])), near_gloss=True)
            if edit is not None:
                edit.item.subtype = f"{src}:bracket_near_gloss"
                d.add_edit(b, edit)
    if rng.random() >= site["spam"]:
        return
    bodies = [b for b in d.blocks if b.role == "body" and b.gold and len(b.gold) > 80]
    for _ in range(rng.choice([1, 1, 2, 3]) if latin else 0):
        if not bodies:
            break
        src = rng.choice(site["spam_langs"])
        mode = rng.choice(cat.SPAM_MODES.get(src, cat.SPAM_MODES["*"]))
        block, tok = rng.choice(bodies), rng.choice(cat.SPAM[src])
        edit = (bracket_edit(rng, block, cat.BRACKETS[src].format(tok), near_gloss=False) if mode == "bracket"
                else spam_edit(rng, block, tok, mode))  # DEV modes: glue_end, standalone, url_after_sentence
        if edit is not None:
            edit.item.subtype = f"{src}:{mode}"
            d.add_edit(block, edit)
    if rng.random() < (0.35 if latin else 0.7):
        toks = {src: rng.sample(cat.SPAM[src], 2) for src in ("ko", "zh", "ja", "th", "id", "vi")}
        vals = {src: t[0] for src, t in toks.items()} | {f"{src}2": t[1] for src, t in toks.items()}
        line = rng.choice(cat.SPAM_LINES).format(url=rng.choice(cat.SPAM["url"]), **vals)
        body = d.body_indices(("body", "keep"))
        at = rng.choice(body[1:] + [len(d.blocks)]) if len(body) > 1 else len(d.blocks)
        d.add_noise_line(at, "spam", line, subtype="spam_line")


# ------------------------------------------------------------------ encoding damage
SH_WORD = re.compile(r"\b[^\W\d_]{9,}\b")
JOIN_WORD = re.compile(r"\b[A-Za-z]{7,}\b")
WORD_PAIR = re.compile(r"\b(\d+|[^\W\d_]{3,}) ([^\W\d_]{3,})\b")
NAMED_WORD = re.compile("\\S*[" + "".join(cat.NAMED) + "]\\S*")
PATTERNS = {"soft_hyphen": SH_WORD, "word_joiner": JOIN_WORD, "html_entity_named": NAMED_WORD,
            "nbsp_entity": WORD_PAIR, "narrow_nbsp": WORD_PAIR}


def alt_damage_edit(rng: random.Random, block: Block, subtype: str) -> Edit | None:
    """Damage the DEV damage_edit lacks (soft hyphens inside words, a word joiner or BOM inside a
    word, named HTML entities, &nbsp; entities, narrow no-break spaces); the rest goes to it."""
    if subtype not in PATTERNS:
        return damage_edit(rng, block, subtype)
    ms = list(PATTERNS[subtype].finditer(block.gold or ""))
    if not ms:
        return None
    m = rng.choice(ms)
    w = m.group()
    if subtype == "soft_hyphen":
        vowels = cat.VOWELS
        cuts = [i for i in range(3, len(w) - 2) if w[i - 1].lower() in vowels and w[i].lower() not in vowels]
        cuts = sorted(rng.sample(cuts, min(len(cuts), rng.choice([1, 1, 2])))) or [len(w) // 2]
        bad = "".join(w[a:b] + "\u00ad" for a, b in zip([0] + cuts[:-1], cuts, strict=True)) + w[cuts[-1]:]
    elif subtype == "word_joiner":
        cut = rng.randint(2, len(w) - 2)
        bad = w[:cut] + rng.choice(["\u2060", "\ufeff"]) + w[cut:]
    elif subtype == "html_entity_named":
        bad = "".join(cat.NAMED.get(c, c) for c in w.replace("&", "&amp;"))
    else:
        bad = m.group(1) + ("&nbsp;" if subtype == "nbsp_entity" else "\u202f") + m.group(2)
    if bad == w:
        return None
    return Edit(m.start(), m.end(), bad, Item("encoding", bad, "span", subtype=subtype, fixed=w))


def add_damage(d: DocBuilder) -> list[Item]:
    """As the DEV add_damage (word-level edits, or the whole text mojibaked for a few documents),
    with this set's damage mix."""
    rng = d.rng
    if rng.random() >= d.site["damage"]:
        return []
    has_spam = any(e.item.category == "spam" for b in d.blocks for e in b.edits) or any(
        b.item is not None and b.item.category == "spam" for b in d.blocks)
    gold_text = "\n".join(b.gold for b in d.gold_blocks())
    n_non_ascii = sum(ord(c) > 0x7F for c in gold_text)
    if not has_spam and rng.random() < d.site.get("whole_doc", 0.1) and n_non_ascii >= 20:
        d.whole_doc_mojibake = True
        seen: list[str] = []
        for b in d.blocks:
            if b.role == "body" and b.gold:
                for m in NON_ASCII_WORD.finditer(b.gold):
                    if m.group() not in seen and sloppy_mojibake(m.group()) != m.group():
                        seen.append(m.group())
        seen = [w for w in seen if not any(w != o and w in o for o in seen)]
        return [Item("encoding", sloppy_mojibake(w), "span", subtype="mojibake_whole_doc", fixed=w)
                for w in rng.sample(seen, min(6, len(seen)))]
    bodies = [b for b in d.blocks if b.role == "body" and b.gold]
    for _ in range(rng.randint(1, 5) if bodies else 0):
        block = rng.choice(bodies)
        edit = alt_damage_edit(rng, block, rng.choice(cat.DAMAGE_MIX))
        if edit is not None:
            d.add_edit(block, edit)
    return []
