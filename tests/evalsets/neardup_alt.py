#!/usr/bin/env python3
"""Build a held-out-style near-duplicate evaluation set for presswash.

    python3 tests/evalsets/neardup_alt.py --out DIR               # DIR/input.jsonl, DIR/gold.jsonl
    python3 tests/evalsets/neardup_alt.py --out DIR --oracle OUT  # + OUT/ledger, OUT/corpus (gold)
    python3 /work/shared/eval/score_neardup.py --out OUT --gold DIR/gold.jsonl

Same formats and band semantics as the DEV set (/work/shared/eval/neardup, built by
make_neardup_dev.py, whose pool loading, partition, Builder, perturbations and writer are
reused), so score_neardup.py scores it unchanged. What differs from DEV:
  * the OTHER half of the de-duplicated pool (partition buckets 5-9; DEV uses 0-4 and the seeds);
  * invented sites with other header/byline/footer shapes, ad lines, "read more" lines,
    long footers and brief templates (neardup_alt_sites.py);
  * new copy kinds (neardup_alt_noise.py): `ocr` (swapped/dropped/doubled letters, rn/m, l/1,
    O/0, ligatures at 1-6% of words), `homoglyph` (Cyrillic/Greek look-alikes in 0.5-8% of
    words), `rewrap` (hard line breaks at 62-78 columns, words hyphenated at line ends);
  * hard negatives `neg-template` (neardup_alt_templates.py): 50-600-word documents filled
    from one long template (earnings, match reports, weather, obituaries, court sentencing,
    election results) that differ only in names, places and numbers; each its own gold
    cluster, a few with genuine re-posted copies (band by J, kind "template-copy", ...).
Deterministic (byte-identical output for any PYTHONHASHSEED). Stdlib only.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
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

SEED = 20250314
ALT_BUCKETS = range(5, 10)  # the half of the pool DEV does not use
ID_PREFIX = "hx"

PLAN = {
    "n_aeb_clusters": 45, "n_bbc_clusters": 105, "wire_sizes": [22, 16, 12],
    "sizes": [0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10],
    "mix": {"exact": 0.05, "whitespace": 0.04, "recrawl": 0.03, "easy": 0.22, "medium": 0.19, "hard": 0.14,
            "chain": 0.09, "ocr": 0.08, "homoglyph": 0.08, "rewrap": 0.08},
    "n_updates": 20, "footer_group_size": 4,
    "briefs_per_template": 5, "brief_copy_rate": 0.35,
    "template_groups": 4, "template_group_size": (3, 6), "template_copy_rate": 0.3,
    "template_targets": [40, 80, 150, 250, 350, 450, 600],
    "n_related": 120, "n_unique": 560,
}
TEMPLATE_COPY_OPS = [["exact"], ["whitespace"], ["boilerplate"], ["boilerplate", "retitle"],
                     ["boilerplate", "ocr"],
                     ["boilerplate", "homoglyph"], ["rewrap"], ["boilerplate", "rewrap"], ["ocr"],
                     ["homoglyph"],
                     ["boilerplate", "ads"]]


def add_copy(B: N.AltBuilder, orig: dict, story: dict, ops: list[str], cid: str,
             prefix: list[str]) -> tuple[dict, dict]:
    """One re-posted copy of `orig` (a negative's own text) on another site, band by J."""
    site = B.rng.choice([s for s in B.sites if s["domain"] != orig["source"]])
    if ops[0] in ("exact", "whitespace"):
        t, kinds, derived = B.make_copy(story, orig, ops[0], site)
    else:
        t, kinds, derived = B.make_copy(story, orig, "custom", site, ops=ops)
    j = nd.jaccard(nd.shingles(orig["text"]), nd.shingles(t))
    d = B.add(t, site, B.url_for(site, derived["title"], derived["paras"]), cid, nd.band_of(j),
              prefix + kinds,
              orig["base"])
    d["jaccard"] = round(j, 4)
    return d, derived


def template_negatives(B: N.AltBuilder, next_cid, plan: dict) -> None:
    rng = B.rng
    targets = plan["template_targets"]
    k = 0
    for fam in T.FAMILIES:
        for g in range(plan["template_groups"]):
            target = max(30, round(targets[k % len(targets)] * rng.uniform(0.85, 1.1)))
            k += 1
            idx = TB.skeleton(fam, target, rng)
            base_vals = TB.group_base(fam, rng)
            seen: set[str] = set()
            for n in range(rng.randint(*plan["template_group_size"])):
                for _attempt in range(50):
                    vals = base_vals if n == 0 else TB.variant(fam, base_vals, idx, rng)
                    story = TB.render_story(fam, idx, vals)
                    key = "\n".join([story["title"]] + story["paras"])
                    if key not in seen:
                        break
                seen.add(key)
                cid = next_cid()
                site = rng.choice(B.sites)
                furniture = rng.random() < 0.5
                text = B.render.page(site, story["title"], story["paras"], section=fam["section"],
                                     header=furniture, footer=furniture)
                orig = B.add(text, site, B.url_for(site, story["title"], story["paras"]), cid, "neg-template",
                             ["templated-long"], f"template:{fam['name']}:g{g + 1}")
                if rng.random() < plan["template_copy_rate"]:
                    src, prefix = story, ["template-copy"]
                    for _ in range(rng.randint(1, 2)):
                        _, derived = add_copy(B, orig, src, list(rng.choice(TEMPLATE_COPY_OPS)), cid, prefix)
                        if rng.random() < 0.5:  # the next copy is made from this copy (copy of a copy)
                            src, prefix = derived, ["template-copy", "chain"]


def brief_negatives(B: N.AltBuilder, next_cid, plan: dict) -> None:
    rng = B.rng
    for tpl in S.BRIEF_TEMPLATES:
        base_vals = None
        seen: set[str] = set()
        for _k in range(plan["briefs_per_template"]):
            for _attempt in range(50):
                vals = S.brief_values(tpl, rng, base_vals, rng.choice([1, 1, 2, 3]))
                text = S.fill_brief(tpl, vals)
                if text not in seen:
                    break
            seen.add(text)
            base_vals = base_vals or vals
            cid = next_cid()
            site = rng.choice(B.sites)
            B.add(text, site, B.url_for(site, None, [text]), cid, "neg-brief", ["templated-brief"], "brief")
            if rng.random() < plan["brief_copy_rate"]:
                for _ in range(rng.randint(1, 2)):
                    s2 = rng.choice(B.sites)
                    r = rng.randint(0, 5)
                    kinds = ["brief-copy"]
                    if r == 0:
                        t2 = f"{s2['name'].upper()} \u2014 " + text
                    elif r == 1:
                        t2 = text + f"\n\nSource: {s2['name']}"
                    elif r == 2:
                        t2, kinds = N.ocr_noise(text, rng, 0.06), kinds + ["ocr"]
                    elif r == 3:
                        table = N.homoglyph_table(rng)
                        t2, kinds = N.homoglyphs(text, rng, 0.12, table), kinds + ["homoglyph"]
                    elif r == 4:
                        t2, kinds = N.rewrap([text], rng)[0], kinds + ["rewrap"]
                    else:
                        t2 = text
                    j = nd.jaccard(nd.shingles(text), nd.shingles(t2))
                    d = B.add(t2, s2, B.url_for(s2, None, [t2]), cid, nd.band_of(j), kinds, "brief")
                    d["jaccard"] = round(j, 4)


def assemble(pool: list[dict], plan: dict = PLAN, seed: int = SEED) -> N.AltBuilder:
    dropped, related, bucket = nd.pool_structure(pool)
    B = N.AltBuilder(seed, S.SITES, ID_PREFIX)
    rng = B.rng
    usable = [b for b in pool if b["base_id"] not in dropped and bucket[b["base_id"]] in ALT_BUCKETS
              and b["nwords"] >= 40 and len(b["paras"]) >= 1]
    assert not any(b["origin"] == "seed" for b in usable)  # seeds belong to DEV
    B.headlines.extend(sorted({b["title"] for b in usable if b["title"]}))
    usable.sort(key=lambda b: b["base_id"])
    rng.shuffle(usable)
    long_ = [b for b in usable if b["nwords"] >= 150 and len(b["paras"]) >= 3]
    used: set[str] = set()
    ccount = 0

    def next_cid() -> str:
        nonlocal ccount
        ccount += 1
        return f"{ID_PREFIX}c{ccount:04d}"

    # 1. stories with copies (DEV kinds + ocr / homoglyph / rewrap, chains of copies)
    originals = [b for b in long_ if b["origin"] == "aeb"][: plan["n_aeb_clusters"]]
    originals += [b for b in long_ if b["origin"] == "bbc"][: plan["n_bbc_clusters"]]
    for i, b in enumerate(originals):
        n = plan["wire_sizes"][i] if i < len(plan["wire_sizes"]) else rng.choice(plan["sizes"])
        B.cluster(b, next_cid(), n, plan["mix"])
        used.add(b["base_id"])
    # 2. updated stories (hard negatives against a cluster original)
    donors = [b for b in long_ if b["base_id"] not in used]
    for b in rng.sample(originals, plan["n_updates"]):
        free = [d for d in donors if d["base_id"] not in used]
        d = ([x for x in free if x["category"] == b["category"]] or free)[0]
        used.add(d["base_id"])
        B.updated_story(b, d, next_cid())
    # 3. one long site footer shared by different short articles
    short_bodies = [b for b in usable if b["base_id"] not in used and b["nwords"] >= 60]
    size = plan["footer_group_size"]
    for g, footer in enumerate(S.LONG_FOOTERS):
        grp = short_bodies[g * size: (g + 1) * size]
        used.update(b["base_id"] for b in grp)
        B.footer_group(grp, footer, S.SITES[(g * 5 + 2) % len(S.SITES)], [next_cid() for _ in grp])
    # 4. templated briefs and 5. long templated documents (some with true re-posted copies)
    brief_negatives(B, next_cid, plan)
    template_negatives(B, next_cid, plan)
    # 6. singletons: related pool articles first (natural hard negatives), then plain uniques
    rel_first = sorted({a for a in related if a not in used and bucket[a] in ALT_BUCKETS} |
                       {x for a in related for x in related[a] if bucket[x] in ALT_BUCKETS and x not in used})
    by_id = {b["base_id"]: b for b in usable}
    singles = [by_id[i] for i in rel_first if i in by_id][: plan["n_related"]]
    plain = [b for b in usable if b["base_id"] not in used and b["base_id"] not in related]
    singles += plain[: plan["n_unique"]]
    for b in singles:
        if b["base_id"] in used:
            continue
        used.add(b["base_id"])
        site = rng.choice(B.sites) if rng.random() < 0.5 else None
        text = B.render.page(site, b["title"], b["paras"])
        B.add(text, site, B.url_for(site, b["title"], b["paras"], b), next_cid(), "unique", ["singleton"],
              b["base_id"], b["publisher"])
    # originals left without copies are unique; a unique whose related story is in the set is neg-related
    sizes: Counter = Counter(d["cluster"] for d in B.docs)
    included = {d["base"] for d in B.docs}
    for d in B.docs:
        if d["band"] in ("original", "neg-related") and sizes[d["cluster"]] == 1:
            d["band"] = "unique"
        if d["band"] == "unique" and related.get(d["base"], set()) & included:
            d["band"] = "neg-related"
    return B


def build(out_dir: Path) -> tuple[Path, Path]:
    """Write out_dir/input.jsonl and out_dir/gold.jsonl; returns their paths."""
    out_dir = Path(out_dir)
    B = assemble(nd.load_pool())
    nd.finalize(B, out_dir)
    return out_dir / "input.jsonl", out_dir / "gold.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_oracle(input_path: Path, gold_path: Path, out: Path) -> None:
    """Gold as prediction: every copy duplicate_of its cluster's non-copy member; the rest kept."""
    gold = read_jsonl(gold_path)
    text = {r["id"]: r["text"] for r in read_jsonl(input_path)}
    anchor = {g["cluster"]: g["id"] for g in gold if g["band"] not in ("easy", "medium", "hard")}
    (out / "ledger").mkdir(parents=True, exist_ok=True)
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    with open(out / "ledger" / "part.jsonl", "w", encoding="utf-8") as fl, \
         open(out / "corpus" / "part.jsonl", "w", encoding="utf-8") as fc:
        for g in gold:
            dup = g["band"] in ("easy", "medium", "hard")
            fl.write(json.dumps({"id": g["id"], "status": "duplicate" if dup else "kept",
                                 "duplicate_of": anchor[g["cluster"]] if dup else None,
                                 "reason": None}) + "\n")
            if not dup:
                fc.write(json.dumps({"id": g["id"], "text": text[g["id"]]}, ensure_ascii=False) + "\n")


def summary(gold_path: Path) -> dict:
    gold = read_jsonl(gold_path)
    sizes = Counter(g["cluster"] for g in gold)
    kind_band: dict[str, Counter] = defaultdict(Counter)
    for g in gold:
        for k in g["kind"]:
            kind_band[k][g["band"]] += 1
    return {"documents": len(gold), "clusters": len(sizes),
            "multi_doc_clusters": sum(v > 1 for v in sizes.values()),
            "largest_cluster": max(sizes.values()),
            "same_cluster_pairs": sum(v * (v - 1) // 2 for v in sizes.values()),
            "bands": dict(sorted(Counter(g["band"] for g in gold).items())),
            "kinds": {k: dict(sorted(c.items())) for k, c in sorted(kind_band.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--out", required=True, help="folder for input.jsonl and gold.jsonl")
    ap.add_argument("--oracle",
                    help="also write a gold-as-prediction ledger/ and corpus/ here (scorer check)")
    args = ap.parse_args()
    inp, gold = build(Path(args.out))
    if args.oracle:
        write_oracle(inp, gold, Path(args.oracle))
    print(json.dumps(summary(gold)))


if __name__ == "__main__":
    main()
