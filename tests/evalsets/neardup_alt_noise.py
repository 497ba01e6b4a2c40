"""Perturbations DEV does not show (OCR noise, homoglyphs, re-wrapped lines) and the
copy maker of the held-out-style near-duplicate set (see neardup_alt.py).

AltBuilder subclasses the DEV generator's Builder: cluster(), updated_story(),
footer_group(), add() and new_id() are reused as they are; make_copy() re-implements the
DEV operations with the invented sites' ad and "read more" lines, and adds `ocr`,
`homoglyph` and `rewrap`.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
for _p in (str(_SHARED_EVAL), str(_HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import make_neardup_dev as nd  # noqa: E402
import neardup_alt_sites as S  # noqa: E402

# ----------------------------------------------------------------------------
# OCR-like character noise
# ----------------------------------------------------------------------------
# (what the scanner read, what it wrote): classic confusions of OCR engines
OCR_CONFUSIONS = [("rn", "m"), ("m", "rn"), ("l", "1"), ("1", "l"), ("O", "0"), ("0", "O"), ("I", "l"),
                  ("cl", "d"), ("li", "h"), ("e", "c"), ("fi", "\ufb01"), ("S", "5"), ("B", "8")]


def ocr_word(w: str, rng: random.Random) -> str:
    """One OCR error in a word: a look-alike confusion, or a swapped, dropped or doubled letter."""
    conf = [(a, b) for a, b in OCR_CONFUSIONS if a in w]
    if conf and (len(w) < 4 or rng.random() < 0.55):
        a, b = rng.choice(conf)
        starts = [m.start() for m in re.finditer(re.escape(a), w)]
        i = rng.choice(starts)
        return w[:i] + b + w[i + len(a):]
    if len(w) < 4 or not w.isalpha():
        return w
    i = rng.randrange(1, len(w) - 1)
    op = rng.randint(0, 2)
    if op == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if op == 1:
        return w[:i] + w[i + 1:]
    return w[:i] + w[i] + w[i:]


def ocr_noise(text: str, rng: random.Random, rate: float) -> str:
    return re.sub(r"[A-Za-z0-9]+", lambda m: ocr_word(m.group(0), rng) if rng.random() < rate else m.group(0),
                  text)


# ----------------------------------------------------------------------------
# homoglyphs: Latin letters replaced by Cyrillic / Greek look-alikes
# ----------------------------------------------------------------------------
CYRILLIC = {"a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e", "p": "\u0440", "x": "\u0445",
            "y": "\u0443",
            "i": "\u0456", "j": "\u0458", "s": "\u0455", "A": "\u0410", "B": "\u0412", "C": "\u0421",
            "E": "\u0415",
            "H": "\u041d", "K": "\u041a", "M": "\u041c", "O": "\u041e", "P": "\u0420", "T": "\u0422",
            "X": "\u0425"}
GREEK = {"o": "\u03bf", "v": "\u03bd", "u": "\u03c5", "i": "\u03b9", "A": "\u0391", "B": "\u0392",
         "E": "\u0395",
         "H": "\u0397", "I": "\u0399", "K": "\u039a", "M": "\u039c", "N": "\u039d", "O": "\u039f",
         "P": "\u03a1",
         "T": "\u03a4", "X": "\u03a7", "Z": "\u0396", "Y": "\u03a5"}


def homoglyph_table(rng: random.Random) -> dict[str, str]:
    r = rng.random()
    if r < 0.5:
        return dict(CYRILLIC)
    if r < 0.7:
        return dict(GREEK)
    mixed = dict(GREEK)
    mixed.update(CYRILLIC)  # mostly Cyrillic, Greek where Cyrillic lacks a look-alike
    return mixed


def homoglyphs(text: str, rng: random.Random, rate: float, table: dict[str, str]) -> str:
    def repl(m: re.Match) -> str:
        w = m.group(0)
        pos = [i for i, ch in enumerate(w) if ch in table]
        if not pos or rng.random() >= rate:
            return w
        k = len(pos) if rng.random() < 0.15 else rng.randint(1, min(3, len(pos)))
        chosen = set(rng.sample(pos, k))
        return "".join(table[ch] if i in chosen else ch for i, ch in enumerate(w))

    return re.sub(r"[A-Za-z]{2,}", repl, text)


# ----------------------------------------------------------------------------
# re-wrapped lines: hard line breaks at ~70 columns, hyphenation at line ends
# ----------------------------------------------------------------------------
_HYPHENABLE = re.compile(r"([A-Za-z]{6,})([,.;:!?\"'\u201d)]*)")


_VOWELS = set("aeiouyAEIOUY")


def hyphen_point(word: str, room: int) -> int:
    """Largest syllable-like break (vowel|consonant or consonant|consonant) that fits; 0 if none."""
    for c in range(min(room, len(word) - 3), 1, -1):
        a, b = word[c - 1], word[c]
        if b not in _VOWELS and (a in _VOWELS or (a != b and word[c - 2] in _VOWELS)):
            return c
    return 0


def rewrap_para(p: str, rng: random.Random, width: int, hyph: float) -> str:
    words = p.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        if not cur:
            cur = w
            continue
        if len(cur) + 1 + len(w) <= width:
            cur += " " + w
            continue
        m = _HYPHENABLE.fullmatch(w)
        room = width - len(cur) - 2  # the space and the hyphen
        cut = hyphen_point(m.group(1), room) if m and rng.random() < hyph else 0
        if cut:
            lines.append(cur + " " + w[:cut] + "-")
            cur = w[cut:]
            continue
        lines.append(cur)
        cur = w
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def rewrap(paras: list[str], rng: random.Random) -> list[str]:
    width = rng.randint(62, 78)
    hyph = rng.uniform(0.35, 1.0)
    return [rewrap_para(p, rng, width, hyph) for p in paras]


# ----------------------------------------------------------------------------
# the copy maker
# ----------------------------------------------------------------------------
ORDER = ["retitle", "drop_paras", "drop_paras_heavy", "truncate", "edits", "edits_light", "quote_change",
         "typos",
         "typos_light", "ocr", "homoglyph", "ads", "reorder", "rewrap", "mojibake"]

EASY_OPS = [["boilerplate"], ["boilerplate", "retitle"], ["boilerplate", "ads"],
            ["boilerplate", "edits_light"],
            ["boilerplate", "reorder"], ["boilerplate", "retitle", "ads"], ["boilerplate", "typos_light"],
            ["boilerplate", "rewrap"], ["boilerplate", "retitle", "rewrap"]]
MEDIUM_POOL = ["retitle", "drop_paras", "ads", "edits", "typos", "mojibake", "quote_change", "reorder",
               "ocr", "homoglyph", "rewrap"]
HARD_OPS = [["truncate"], ["truncate", "retitle"], ["truncate", "edits"], ["drop_paras_heavy", "edits"],
            ["mojibake", "typos", "edits"], ["quote_change", "edits", "drop_paras", "typos"],
            ["drop_paras_heavy", "reorder", "ads"], ["truncate", "mojibake"], ["truncate", "ocr"],
            ["homoglyph", "edits"], ["rewrap", "drop_paras_heavy"], ["ocr", "homoglyph", "rewrap"]]
NEW_KIND_EXTRAS = {"ocr": ["retitle", "ads", "rewrap", None, None],
                   "homoglyph": ["retitle", "edits_light", None, None],
                   "rewrap": ["retitle", "ads", "typos_light", None, None]}


class AltBuilder(nd.Builder):
    def __init__(self, seed: int, sites: list[dict], id_prefix: str):
        super().__init__(seed, sites, id_prefix)
        self.render = S.AltRenderer(self.rng, self.headlines)

    def url_for(self, site: dict | None, title: str | None, paras: list[str],
                base: dict | None = None) -> str:
        if site is None:
            return super().url_for(site, title, paras, base)  # the original publisher's own address
        slug = "-".join(nd.tokens(title or paras[0])[:8] or ["story"])
        return S.url_for_site(site, slug, self.rng)

    def pick_ops(self, difficulty: str) -> list[str]:
        rng = self.rng
        if difficulty == "easy":
            return list(rng.choice(EASY_OPS))
        if difficulty == "medium":
            return ["boilerplate"] + rng.sample(MEDIUM_POOL, rng.randint(2, 4))
        if difficulty == "hard":
            return ["boilerplate"] + list(rng.choice(HARD_OPS))
        # a new kind, with or without site furniture, sometimes with one more operation
        ops = (["boilerplate"] if rng.random() < 0.75 else []) + [difficulty]
        extra = rng.choice(NEW_KIND_EXTRAS[difficulty])
        return ops + ([extra] if extra and extra not in ops else [])

    def truncate(self, paras: list[str], src: str) -> list[str]:
        rng = self.rng
        total = sum(len(p.split()) for p in paras)
        goal = max(60, int(total * rng.uniform(0.15, 0.45)))
        kept: list[str] = []
        cnt = 0
        for p in paras:
            if cnt >= goal:
                break
            if cnt + len(p.split()) > goal * 1.5:
                if kept:
                    break
                part: list[str] = []
                for s in re.split(r"(?<=[.!?])\s+", p):
                    part.append(s)
                    if cnt + len(" ".join(part).split()) >= goal:
                        break
                p = " ".join(part)
            kept.append(p)
            cnt += len(p.split())
        return kept + [rng.choice(S.READ_MORE).replace("{src}", src)]

    def make_copy(self, story: dict, orig_doc: dict, difficulty: str, site: dict,
                  ops: list[str] | None = None) -> tuple[str, list[str], dict]:
        """Returns (text, kinds, derived story) for one re-published copy."""
        if ops is None and difficulty in ("exact", "whitespace"):
            return super().make_copy(story, orig_doc, difficulty, site)
        rng = self.rng
        title, paras = story["title"], list(story["paras"])
        ops = self.pick_ops(difficulty) if ops is None else list(ops)
        furniture = "boilerplate" in ops
        kinds = ["boilerplate"] if furniture else []
        for op in sorted((o for o in ops if o != "boilerplate"), key=ORDER.index):
            if op == "retitle":
                if rng.random() < 0.25:
                    base = title or " ".join(paras[0].split()[:10]).rstrip(",.;:")
                    title = rng.choice(S.RETITLE_TAGS) + base
                else:
                    title = nd.retitle(title, paras, rng, site)
            elif op in ("drop_paras", "drop_paras_heavy"):
                if len(paras) <= 2:
                    continue  # too short to drop from: not applied, not recorded
                frac = rng.uniform(0.15, 0.3) if op == "drop_paras" else rng.uniform(0.4, 0.6)
                k = max(1, round((len(paras) - 1) * frac))
                drop = set(rng.sample(range(1, len(paras)), min(k, len(paras) - 1)))
                paras = [p for i, p in enumerate(paras) if i not in drop]
            elif op == "truncate":
                paras = self.truncate(paras, orig_doc["source"])
            elif op in ("edits", "edits_light"):
                rate = rng.uniform(0.3, 0.6) if op == "edits" else rng.uniform(0.05, 0.15)
                paras = [nd.sub_words(p, rng, rate) for p in paras]
            elif op in ("typos", "typos_light"):
                rate = rng.uniform(0.02, 0.06) if op == "typos" else rng.uniform(0.003, 0.01)
                paras = [nd.add_typos(p, rng, rate) for p in paras]
            elif op == "ocr":
                rate = rng.uniform(0.01, 0.06)
                paras = [ocr_noise(p, rng, rate) for p in paras]
                title = ocr_noise(title, rng, rate) if title else title
            elif op == "homoglyph":
                rate, table = rng.uniform(0.005, 0.08), homoglyph_table(rng)
                paras = [homoglyphs(p, rng, rate, table) for p in paras]
                title = homoglyphs(title, rng, rate, table) if title else title
            elif op == "ads":
                for _ in range(rng.randint(1, 4)):
                    pos = rng.randint(1, max(1, len(paras)))
                    paras.insert(pos, rng.choice(S.AD_LINES).replace("{related}", self.render.related()))
            elif op == "reorder":
                if len(paras) <= 3:
                    continue
                mid = paras[1:]
                if rng.random() < 0.5:
                    rng.shuffle(mid)
                else:
                    i = rng.randrange(len(mid) - 1)
                    mid[i], mid[i + 1] = mid[i + 1], mid[i]
                paras = paras[:1] + mid
            elif op == "quote_change":
                paras, nq = nd.change_quotes(paras, rng)
                if nq == 0:
                    continue
            elif op == "rewrap":
                paras = rewrap(paras, rng)
            kinds.append(op)
        section = story.get("section", "News")
        text = self.render.page(site, title, paras, section=section, header=furniture, footer=furniture)
        if "mojibake" in kinds:
            text = nd.mojibake(text if re.search(r"[^\x00-\x7f]", text) else nd.smarten(text))
        return text, kinds, {"title": title, "paras": paras, "section": section}
