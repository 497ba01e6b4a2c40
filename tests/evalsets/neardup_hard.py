#!/usr/bin/env python3
"""Build the hard near-duplicate set: one copy category per copy, and the two kinds of
false merge that look most like copies.

    python3 -m tests.evalsets.neardup_hard --out DIR      # DIR/input.jsonl, DIR/gold.jsonl
    python3 /work/shared/eval/score_neardup.py --out OUT --gold DIR/gold.jsonl

Same formats as the DEV set, so score_neardup.py scores it unchanged; its
`recall_per_kind` gives each copy category and `false_merge_rate_per_band` each kind of
negative. Stories come from the half of the pool DEV does not use. Each copy is made by
ONE of (kind):
  * `ocr-heavy`: OCR confusions (rn/m, l/1, O/0, ligatures...) and dropped, swapped or
    doubled letters in 4-12% of the words, title included;
  * `typos-heavy`: typing errors in 3-8% of the words;
  * `truncated`: the first 15-55% of the words, cut at a sentence or mid-sentence, with or
    without a "read more" line;
  * `abridged`: the lead whole, then the first sentence of most other paragraphs;
  * `paras-dropped`: 30-60% of the paragraphs after the lead left out;
  * `dateline`: the lead's dateline (place, date, agency) replaced by another or left out;
most of them also on another site's page furniture (`boilerplate`). Negatives, each its
own gold cluster: `neg-template` (150-600-word reports from one template, market close,
match results, weather, elections: the frame kept, 3-7 facts in its slots re-drawn) and
`neg-update` (a later version of a story that keeps 40-60% of its paragraphs and adds new
ones; in half of them the new material leads). Deterministic, stdlib only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
for _p in (str(SHARED_EVAL), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import make_neardup_dev as nd  # noqa: E402
import neardup_alt_noise as N  # noqa: E402
import neardup_alt_sites as S  # noqa: E402
import neardup_alt_templates as T  # noqa: E402
import neardup_alt_tpl_base as TB  # noqa: E402

SEED = 20261205
BUCKETS = range(5, 10)  # the half of the pool DEV does not use
ID_PREFIX = "hd"
CATEGORIES = ["ocr-heavy", "typos-heavy", "truncated", "abridged", "paras-dropped", "dateline"]
PLAN = {"n_originals": 180, "copies_per_original": 2, "n_updates": 50, "template_groups": 6,
        "template_group_size": (4, 5), "template_targets": [150, 250, 350, 450, 600], "n_unique": 200}
PLACES = ["LONDON", "PARIS", "NEW YORK", "WASHINGTON", "BRUSSELS", "TOKYO", "SYDNEY", "BERLIN", "MADRID",
          "NAIROBI", "TORONTO", "MUMBAI", "GENEVA", "ROME", "DUBLIN", "CHICAGO"]
AGENCIES = ["Reuters", "AP", "AFP", "PA", "dpa", "Bloomberg", "UPI", "ANP"]
SENT = re.compile(r"(?<=[.!?])\s+")


def dateline(rng) -> str:
    month = rng.choice(nd.MONTHS)
    form = rng.randint(0, 2)
    if form == 0:
        return f"{rng.choice(PLACES)}, {month} {rng.randint(1, 28)} ({rng.choice(AGENCIES)}) \u2014 "
    if form == 1:
        return f"{rng.choice(PLACES)} ({rng.choice(AGENCIES)}) - "
    return f"{rng.choice(PLACES).title()}, {month[:3]}. {rng.randint(1, 28)} \u2014 "


def truncated(paras: list[str], rng, src: str) -> list[str]:
    words = " ".join(paras).split()
    goal = max(50, int(len(words) * rng.uniform(0.15, 0.55)))
    kept, n = [], 0
    for p in paras:
        w = p.split()
        if n + len(w) <= goal:
            kept.append(p)
            n += len(w)
            continue
        cut = w[: goal - n]
        if cut:
            text = " ".join(cut)
            if rng.random() < 0.5:  # at the end of a sentence, when one ends in what is left
                ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", text)]
                text = text[: ends[-1]] if ends else text
            kept.append(text + ("" if text.endswith((".", "!", "?")) else rng.choice(["...", " \u2026", ""])))
        break
    if rng.random() < 0.5:
        kept.append(rng.choice(S.READ_MORE).replace("{src}", src))
    return kept


def abridged(paras: list[str], rng) -> list[str]:
    out = paras[:1]
    for p in paras[1:]:
        if rng.random() < 0.2:
            continue
        sents = SENT.split(p)
        out.append(" ".join(sents[: 1 if len(sents) < 4 else 2]))
    return out


def dropped(paras: list[str], rng) -> list[str]:
    k = max(1, round((len(paras) - 1) * rng.uniform(0.3, 0.6)))
    drop = set(rng.sample(range(1, len(paras)), min(k, len(paras) - 1)))
    return [p for i, p in enumerate(paras) if i not in drop]


def make_copy(B: N.AltBuilder, story: dict, orig: dict, cat: str, site: dict) -> str:
    rng = B.rng
    title, paras = story["title"], list(story["paras"])
    if cat == "ocr-heavy":
        rate = rng.uniform(0.04, 0.12)
        paras = [N.ocr_noise(p, rng, rate) for p in paras]
        title = N.ocr_noise(title, rng, rate) if title else title
    elif cat == "typos-heavy":
        rate = rng.uniform(0.03, 0.08)
        paras = [nd.add_typos(p, rng, rate) for p in paras]
    elif cat == "truncated":
        paras = truncated(paras, rng, orig["source"])
    elif cat == "abridged":
        paras = abridged(paras, rng)
    elif cat == "paras-dropped":
        paras = dropped(paras, rng)
    elif cat == "dateline":
        lead = paras[0][len(story["dateline"]):]
        paras[0] = (dateline(rng) if rng.random() < 0.85 else "") + lead
    furniture = rng.random() < 0.75
    return B.render.page(site, title, paras, section=story["section"], header=furniture, footer=furniture)


def copies(B: N.AltBuilder, originals: list[dict], next_cid, plan: dict) -> list[tuple[dict, dict]]:
    """Each original with its copies, categories dealt round-robin; (story, its document)."""
    rng = B.rng
    made, k = [], 0
    for b in originals:
        cid = next_cid()
        line = dateline(rng)
        story = {"title": b["title"], "paras": [line + b["paras"][0]] + b["paras"][1:],
                 "section": "News", "dateline": line}
        site = rng.choice(B.sites) if rng.random() < 0.5 else None
        text = B.render.page(site, story["title"], story["paras"])
        orig = B.add(text, site, B.url_for(site, story["title"], story["paras"], b), cid, "original",
                     ["original"], b["base_id"], b["publisher"])
        made.append((story, orig))
        o_sh = nd.shingles(text)
        for _ in range(plan["copies_per_original"]):
            cat = CATEGORIES[k % len(CATEGORIES)]
            k += 1
            s2 = rng.choice([s for s in B.sites if s is not site])
            t = make_copy(B, story, orig, cat, s2)
            j = nd.jaccard(o_sh, nd.shingles(t))
            d = B.add(t, s2, B.url_for(s2, story["title"], story["paras"]), cid, nd.band_of(j), [cat],
                      b["base_id"], b["publisher"])
            d["jaccard"] = round(j, 4)
    return made


def updated(B: N.AltBuilder, story: dict, donor: dict, cid: str) -> None:
    """A later story: 40-60% of the paragraphs kept, the rest new; the new material leads in half."""
    rng = B.rng
    paras = story["paras"]
    keep_n = max(1, round(len(paras) * rng.uniform(0.4, 0.6)))
    keep = sorted([0] + rng.sample(range(1, len(paras)), max(0, min(keep_n - 1, len(paras) - 1))))
    kept = [paras[i] for i in keep]
    need = sum(len(paras[i].split()) for i in range(len(paras)) if i not in keep)
    new, n = [], 0
    for p in donor["paras"]:
        if n >= need:
            break
        new.append(p)
        n += len(p.split())
    merged = new[:1] + kept + new[1:] if rng.random() < 0.5 else kept[:1] + new[:1] + kept[1:] + new[1:]
    title = rng.choice(["UPDATE: ", "Latest: ", "Developing: ", ""]) + (story["title"] or "")
    site = rng.choice(B.sites)
    text = B.render.page(site, title or None, merged)
    B.add(text, site, B.url_for(site, title, merged), cid, "neg-update", ["updated-story"],
          story["title"] or "update")


def few_facts(fam: dict, base: dict[str, str], idx: list[int], rng) -> dict[str, str]:
    """The same report with 3-7 of the facts it shows re-drawn (the frame and the rest kept)."""
    tpl = TB.expand(fam)
    shown = sorted(set(re.findall(r"\{(\w+)\}", fam["title"] + " ".join(tpl[i] for i in idx))))
    free = [k for k in shown if k not in fam["fixed"]]
    for _ in range(50):
        fresh = fam["gen"](rng)
        v = dict(base)
        for k in rng.sample(free, min(len(free), rng.randint(3, 7))):
            if k in fresh:
                v[k] = fresh[k]
        if "derive" in fam:
            fam["derive"](v)
        changed = sum(v.get(k) != base.get(k) for k in shown)
        if 3 <= changed <= 7:
            return v
    return v


def templates(B: N.AltBuilder, next_cid, plan: dict) -> None:
    rng = B.rng
    families = [f for f in T.FAMILIES if f["name"] in
                ("earnings", "match-report", "weather", "election")]
    k = 0
    for fam in families:
        for g in range(plan["template_groups"]):
            target = plan["template_targets"][k % len(plan["template_targets"])]
            k += 1
            idx = TB.skeleton(fam, round(target * rng.uniform(0.9, 1.1)), rng)
            base = TB.group_base(fam, rng)
            for n in range(rng.randint(*plan["template_group_size"])):
                vals = base if n == 0 else few_facts(fam, base, idx, rng)
                story = TB.render_story(fam, idx, vals)
                site = rng.choice(B.sites)
                furniture = rng.random() < 0.5
                text = B.render.page(site, story["title"], story["paras"], section=fam["section"],
                                     header=furniture, footer=furniture)
                B.add(text, site, B.url_for(site, story["title"], story["paras"]), next_cid(), "neg-template",
                      ["templated-report"], f"template:{fam['name']}:g{g + 1}")


def assemble(pool: list[dict], plan: dict = PLAN, seed: int = SEED) -> N.AltBuilder:
    dropped_ids, related, bucket = nd.pool_structure(pool)
    B = N.AltBuilder(seed, S.SITES, ID_PREFIX)
    rng = B.rng
    usable = [b for b in pool if b["base_id"] not in dropped_ids and bucket[b["base_id"]] in BUCKETS
              and b["base_id"] not in related and b["nwords"] >= 40 and len(b["paras"]) >= 1]
    B.headlines.extend(sorted({b["title"] for b in usable if b["title"]}))
    usable.sort(key=lambda b: b["base_id"])
    rng.shuffle(usable)
    long_ = [b for b in usable if b["nwords"] >= 90 and len(b["paras"]) >= 3]
    count = 0

    def next_cid() -> str:
        nonlocal count
        count += 1
        return f"{ID_PREFIX}c{count:04d}"

    originals = long_[: plan["n_originals"]]
    made = copies(B, originals, next_cid, plan)
    donors = long_[plan["n_originals"]: plan["n_originals"] + plan["n_updates"]]
    for (story, _), donor in zip(rng.sample(made, plan["n_updates"]), donors, strict=True):
        updated(B, story, donor, next_cid())
    templates(B, next_cid, plan)
    used = {b["base_id"] for b in originals + donors}
    for b in [b for b in usable if b["base_id"] not in used][: plan["n_unique"]]:
        site = rng.choice(B.sites) if rng.random() < 0.5 else None
        text = B.render.page(site, b["title"], b["paras"])
        B.add(text, site, B.url_for(site, b["title"], b["paras"], b), next_cid(), "unique", ["singleton"],
              b["base_id"], b["publisher"])
    return B


def build(out_dir: Path) -> tuple[Path, Path]:
    """Write out_dir/input.jsonl and out_dir/gold.jsonl; returns their paths."""
    out_dir = Path(out_dir)
    nd.finalize(assemble(nd.load_pool()), out_dir)
    return out_dir / "input.jsonl", out_dir / "gold.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="folder for input.jsonl and gold.jsonl")
    args = ap.parse_args()
    inp, gold = build(Path(args.out))
    with open(gold, encoding="utf-8") as f:
        kinds = [k for line in f for k in json.loads(line)["kind"]]
    print(json.dumps({k: kinds.count(k) for k in sorted(set(kinds))}))


if __name__ == "__main__":
    main()
