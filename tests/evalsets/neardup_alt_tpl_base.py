"""Name pools, value helpers and skeleton/variant machinery for the long fill-in templates
of neardup_alt_templates.py (the `neg-template` hard negatives of neardup_alt.py).
"""
from __future__ import annotations

import random
import re

FIRST_F = ["Margaret", "Helen", "Ruth", "Dorothy", "Evelyn", "Joan", "Carol", "Barbara", "Nancy", "Judith",
           "Janet", "Marilyn", "Sandra", "Irene", "Lorraine", "Beverly", "Gloria", "Theresa", "Frances",
           "Eleanor"]
FIRST_M = ["Robert", "James", "William", "Richard", "Thomas", "Charles", "Donald", "George", "Kenneth",
           "Edward",
           "Harold", "Walter", "Raymond", "Eugene", "Francis", "Gerald", "Howard", "Leonard", "Stanley",
           "Vernon"]
LAST = ["Abernathy", "Baptiste", "Calloway", "Dunmore", "Ellison", "Fairbanks", "Gallagher", "Halvorsen",
        "Iverson",
        "Jankowski", "Kowalczyk", "Lindqvist", "Marchetti", "Novak", "Okafor", "Pellegrino", "Quintero",
        "Ravenscroft",
        "Sorensen", "Takahashi", "Underhill", "Vasquez", "Whitlock", "Yarborough", "Zielinski", "Brennan",
        "Castellano", "Delacroix", "Esposito", "Forsythe", "Grimaldi", "Hargrove", "Kincaid", "Lockhart",
        "McAllister", "Nakamura", "Osterman", "Prendergast", "Rasmussen", "Stroud", "Thornbury", "Vandermeer",
        "Wexler", "Albright", "Blackwood", "Cordova", "Driscoll", "Fenwick", "Holloway", "Jorgensen"]
TOWN_A = ["Ash", "Bel", "Birch", "Clay", "Cold", "Crest", "Elm", "Fair", "Glen", "Green", "Hazel", "Iron",
          "King",
          "Lark", "Maple", "Mill", "North", "Oak", "Pine", "Red", "Rock", "Rose", "Silver", "Spring", "Stone",
          "West"]
TOWN_B = ["ford", "haven", "field", "brook", "ridge", "ton", "ville", "wood", "dale", "port", "bury", "stead",
          "view"]
COUNTIES = ["Adair", "Benton", "Carroll", "Dearborn", "Emmet", "Fayette", "Grundy", "Harlan", "Iroquois",
            "Kearney",
            "Lapeer", "Muskingum", "Neosho", "Ottawa", "Pawnee", "Rusk", "Scioto", "Tipton", "Wabash", "Yell"]
STATES = ["Ohio", "Iowa", "Oregon", "Kansas", "Vermont", "Georgia", "Michigan", "Nevada", "Maine", "Kentucky"]
CO_A = ["Halden", "Corvane", "Brightwater", "Stellan", "Marrow", "Tessaract", "Quillon", "Auberge", "Kestrel",
        "Norrland", "Pryor", "Velden"]
CO_B = ["Logistics", "Industries", "Foods", "Materials", "Therapeutics", "Software", "Packaging", "Energy"]
NICK = ["Rovers", "Athletic", "United", "Wanderers", "City", "Albion", "Town", "Harriers"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def person(r: random.Random, sex: str | None = None) -> str:
    first = FIRST_F if (sex or r.choice("fm")) == "f" else FIRST_M
    return f"{r.choice(first)} {r.choice(LAST)}"


def town(r: random.Random) -> str:
    return r.choice(TOWN_A) + r.choice(TOWN_B)


def money(r: random.Random, lo: float, hi: float, dec: int = 1) -> str:
    v = r.uniform(lo, hi)
    return f"{v:,.{dec}f}" if dec else f"{round(v):,}"


def num(r: random.Random, lo: int, hi: int) -> str:
    return f"{r.randint(lo, hi):,}"


def date(r: random.Random) -> str:
    return f"{r.choice(MONTHS)} {r.randint(1, 28)}"


def fill(tpl: str, v: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: v[m.group(1)], tpl)


def expand(fam: dict) -> list[str]:
    """The family's paragraph templates, lead first; "#A-B " repeats a paragraph for # = A..B."""
    out = [fam["lead"]]
    for p in fam["paras"]:
        m = re.match(r"#(\d+)-(\d+) ", p)
        if m:
            out.extend(p[m.end():].replace("#", str(i)) for i in range(int(m.group(1)), int(m.group(2)) + 1))
        else:
            out.append(p)
    return out


def repeat_groups(fam: dict) -> list[int]:
    """For each expanded paragraph: the index of the template paragraph it comes from (lead = -1)."""
    out = [-1]
    for k, p in enumerate(fam["paras"]):
        m = re.match(r"#(\d+)-(\d+) ", p)
        out.extend([k] * ((int(m.group(2)) - int(m.group(1)) + 1) if m else 1))
    return out


def skeleton(fam: dict, target: int, rng: random.Random) -> list[int]:
    """Indices of paragraphs (lead always, the rest in order) adding up to about `target` words.
    Of a repeated paragraph (days, segments, goals...) a leading run is kept: Monday before Tuesday."""
    tpl = expand(fam)
    grp = repeat_groups(fam)
    sizes = [len(p.split()) for p in tpl]
    rest = list(range(1, len(tpl)))
    keep_p = min(1.0, max(0.35, target / max(1, sum(sizes))))
    chosen = [0]
    words = sizes[0]
    for i in rest:
        if words >= target:
            break
        run_broken = grp[i] == grp[i - 1] and i - 1 not in chosen
        if run_broken and sum(sizes[j] for j in rest if j > i and grp[j] != grp[i]) + words >= target:
            continue
        if rng.random() < keep_p or sum(sizes[j] for j in rest if j > i) + words < target:
            chosen.append(i)
            words += sizes[i]
    return chosen


def group_base(fam: dict, rng: random.Random) -> dict[str, str]:
    v = fam["gen"](rng)
    for k, choices in fam["fixed"].items():
        v[k] = rng.choice(choices)
    if "derive" in fam:
        fam["derive"](v)
    return v


def variant(fam: dict, base: dict[str, str], idx: list[int], rng: random.Random) -> dict[str, str]:
    """Another story from the same skeleton: its subject (company, team, city, person...) with the
    names tied to it, 0-2 more names/places and some of its numbers re-drawn."""
    tpl = expand(fam)
    used = sorted(set(re.findall(r"\{(\w+)\}", fam["title"] + " ".join(tpl[i] for i in idx))))
    fresh = fam["gen"](rng)
    v = dict(base)
    lead_key = fam["subject"][0]
    while fresh[lead_key] == base[lead_key]:
        fresh[lead_key] = fam["gen"](rng)[lead_key]
    for k in fam["subject"]:  # a different subject brings its own people and places
        v[k] = fresh[k]
    ident = [k for k in fam["identity"] if k in used and k not in fam["subject"]]
    for k in rng.sample(ident, min(len(ident), rng.randint(0, 2))):
        v[k] = fresh[k]
    q = rng.uniform(0.2, 0.8)
    for k in used:
        if k in fresh and k not in fam["identity"] and k not in fam["fixed"] and rng.random() < q:
            v[k] = fresh[k]
    for k in sorted(fresh):  # inputs of derived values that are not shown themselves
        if k not in used and k not in fam["identity"] and k not in fam["fixed"] and rng.random() < q:
            v[k] = fresh[k]
    if "derive" in fam:
        fam["derive"](v)
    return v


def render_story(fam: dict, idx: list[int], v: dict[str, str]) -> dict:
    tpl = expand(fam)
    return {"title": fill(fam["title"], v), "paras": [fill(tpl[i], v) for i in idx],
            "section": fam["section"]}
