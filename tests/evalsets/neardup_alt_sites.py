"""Invented sites, page furniture, ad lines, long footers and brief templates for the
held-out-style near-duplicate set (neardup_alt.py). None of these strings occur in the
DEV generator (/work/shared/eval/make_neardup_dev.py): they imitate "other sites".
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

_SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
if str(_SHARED_EVAL) not in sys.path:
    sys.path.insert(0, str(_SHARED_EVAL))

import make_neardup_dev as nd  # noqa: E402

MONTHS = nd.MONTHS
DAYS = nd.DAYS

# Each site: header lines (skip link, masthead, breadcrumbs), a byline shape, an optional
# meta line, footer lines ({related} = another headline of the set) and a URL shape.
SITES = [
    {"name": "Harrowgate Sentinel", "domain": "harrowgatesentinel.example", "skip": "Skip to main content",
     "crumbs": "Home \u203a {section} \u203a Latest", "byline": "staff",
     "meta": "Listen to this article \u00b7 {mins} min",
     "foot": ["Most read", "{related}", "{related2}",
              "\u00a9 {year} Harrowgate Sentinel Ltd. Registered in England."],
     "url": "https://www.{domain}/{section_lower}/{slug}-{n}.html"},
    {"name": "Copperline Dispatch", "domain": "copperlinedispatch.example", "skip": "",
     "crumbs": "NEWS / {section} / REGIONAL", "byline": "iso", "meta": "",
     "foot": ["Tags: {tags}", "Got a tip? tips@copperlinedispatch.example",
              "Copperline Dispatch \u2014 Est. 1894"],
     "url": "https://{domain}/article/{n}/{slug}"},
    {"name": "Prairie Signal", "domain": "prairiesignal.example", "skip": "Jump to navigation",
     "crumbs": "", "byline": "posted", "meta": "Filed under: {section}",
     "foot": ["Please read our comment policy before commenting.",
              "Prairie Signal | About | Ethics | Corrections"],
     "url": "https://{domain}/?p={n}"},
    {"name": "Tidewater Almanac", "domain": "tidewateralmanac.example", "skip": "",
     "crumbs": "Home >> {section}", "byline": "updated", "meta": "Reading time: {mins} minutes",
     "foot": ["Keep reading", "{related}",
              "Tidewater Almanac is published by Tidewater Almanac Press. All rights reserved {year}."],
     "url": "https://www.{domain}/news/{ymd}/{slug}"},
    {"name": "Granite State Bulletin", "domain": "granitestatebulletin.example", "skip": "Skip to content",
     "crumbs": "{section} | Granite State Bulletin", "byline": "by_pipe", "meta": "",
     "foot": ["This story was produced in partnership with the Granite Reporting Fund.",
              "Republishing guidelines",
              "\u00a9 Granite State Bulletin {year}"],
     "url": "https://{domain}/{y}/{mm}/{dd}/{slug}/"},
    {"name": "Orchard Hill Weekly", "domain": "orchardhillweekly.example", "skip": "",
     "crumbs": "Front Page \u00bb {section}", "byline": "dotted", "meta": "{mins} min read",
     "foot": ["Sponsored links", "{related}", "Orchard Hill Weekly \u2022 Community news since 1952"],
     "url": "https://m.{domain}/{y}/{mm}/{dd}/{slug}/"},
    {"name": "Kestrel Bay Review", "domain": "kestrelbayreview.example", "skip": "Accessibility help",
     "crumbs": "", "byline": "staff", "meta": "",
     "foot": ["Related coverage", "{related}", "{related2}",
              "Kestrel Bay Review. Terms | Cookies | Do not sell my info"],
     "url": "https://www.{domain}/{section_lower}/{y}/{slug}"},
    {"name": "The Ironwood Tribune", "domain": "ironwoodtribune.example", "skip": "",
     "crumbs": "Local \u2013 {section}", "byline": "iso", "meta": "Comments (0)",
     "foot": ["Join the conversation", "Log in or register to post comments.",
              "The Ironwood Tribune, {year}"],
     "url": "https://{domain}/stories/{slug},{n}"},
    {"name": "Meridian Newswire", "domain": "meridiannewswire.example", "skip": "",
     "crumbs": "WIRE \u2022 {section}", "byline": "posted", "meta": "",
     "foot": ["Distributed by Meridian Newswire. Syndication requests: licensing@meridiannewswire.example",
              "Meridian Newswire \u00a9 {year}"],
     "url": "https://wire.{domain}/{ymd}/{n}-{slug}"},
    {"name": "Quarry Road Gazette", "domain": "quarryroadgazette.example", "skip": "Skip to main content",
     "crumbs": "Home / {section}", "byline": "updated",
     "meta": "Share: Facebook \u00b7 X \u00b7 WhatsApp \u00b7 Email",
     "foot": ["Around the web", "{related}", "{related2}",
              "Quarry Road Gazette | Privacy Notice | Contact the editor"],
     "url": "https://www.{domain}/{section_lower}/{slug}-{n}"},
    {"name": "Silverlake Courant", "domain": "silverlakecourant.example", "skip": "",
     "crumbs": "", "byline": "by_pipe", "meta": "Photo: Courant file",
     "foot": ["Want more stories like this? Sign up for Courant Daily.",
              "Silverlake Courant \u00a9 {year} \u2014 all rights reserved"],
     "url": "https://{domain}/{y}/{mm}/{slug}.php"},
    {"name": "Northbank Observer", "domain": "northbankobserver.example", "skip": "Skip navigation",
     "crumbs": "Observer \u203a {section}", "byline": "dotted", "meta": "",
     "foot": ["Read next", "{related}", "Northbank Observer is an independent publication. \u00a9 {year}"],
     "url": "https://www.{domain}/a/{n}"},
    {"name": "Redfern Valley News", "domain": "redfernvalleynews.example", "skip": "",
     "crumbs": "News \u00b7 {section} \u00b7 Today", "byline": "staff",
     "meta": "Last reviewed by our editors",
     "foot": ["Trending in {section}", "{related}", "{related2}",
              "Redfern Valley News Group. Reproduction in whole or in part prohibited."],
     "url": "https://{domain}/{section_lower}/{ymd}-{slug}"},
    {"name": "Blue Heron Press", "domain": "blueheronpress.example", "skip": "",
     "crumbs": "", "byline": "iso", "meta": "Tags: {tags}",
     "foot": ["Blue Heron Press accepts letters to the editor of up to 250 words.",
              "\u00a9 {year} Blue Heron Press"],
     "url": "https://{domain}/{y}/{mm}/{dd}/{slug}"},
    {"name": "Summit County Ledger-Post", "domain": "ledgerpost.example", "skip": "Skip to main content",
     "crumbs": "Ledger-Post \u00bb {section} \u00bb County", "byline": "updated", "meta": "",
     "foot": ["Editor's picks", "{related}",
              "Ledger-Post Media \u2014 Subscriber Services \u2014 e-Edition \u2014 {year}"],
     "url": "https://www.{domain}/news/{slug}/article_{n}.html"},
    {"name": "Crossroads Daily Report", "domain": "crossroadsdailyreport.example", "skip": "",
     "crumbs": "TOP STORIES", "byline": "posted", "meta": "{mins}-minute read",
     "foot": ["Disclosure: Crossroads Daily Report republishes wire copy automatically; errors are the "
              "source's.",
              "{related}", "Crossroads Daily Report {year}"],
     "url": "https://{domain}/read/{slug}-{n}"},
]

AUTHORS = ["Imogen Achterberg", "Tobias Renwick", "Priya Nandakumar", "Declan Ferriter", "Marisol Etxeberria",
           "Oluwaseun Adebayo", "Hattie Brannigan", "Kasper Lindholm", "Rosalind Okonkwo", "Ewan McCready",
           "Beatriz Salgueiro", "Ngaio Whitaker"]
TAGS = ["local news", "public safety", "economy", "community", "courts", "weather", "schools", "transport",
        "health", "politics", "sport", "business"]

AD_LINES = [
    "PROMOTED: This little-known savings account pays five times the national average",
    "Sponsored | The walk-in tub seniors are talking about",
            "\u2014 Story continues after this message \u2014",
    "[Ad]", "SPONSORED STORY", "Get breaking news alerts on your phone: download our free app.",
    "SEE ALSO: {related}", "More coverage: {related}", "Don't miss: {related}",
            "Advertisement \u2022 Scroll to continue",
    "Enjoying this story? Support us for just \u00a31 a week.",
]

READ_MORE = [
    "Read the full story on {src}.", "The complete article is available at {src}.",
    "(Continued on {src})", "Originally published by {src}. Click here for the full report.",
    "To read the rest of this story, visit {src}.", "More at {src} \u2192",
]

RETITLE_TAGS = ["UPDATED: ", "JUST IN: ", "LIVE: ", "OPINION: ", "FACT CHECK: ", "VIDEO: "]


def _dateparts(rng: random.Random) -> tuple[int, int, int, int, int]:
    y, m, d = rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
    return y, m, d, rng.randint(0, 23), rng.randint(0, 59)


def byline(site: dict, rng: random.Random) -> str:
    y, m, d, hh, mm = _dateparts(rng)
    who = rng.choice(AUTHORS)
    style = site["byline"]
    if style == "iso":
        return f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00Z"
    if style == "staff":
        return f"By {who}, Staff Writer" + (f" \u2014 {d} {MONTHS[m - 1]} {y}" if rng.random() < 0.6 else "")
    if style == "posted":
        clock = f"{hh % 12 or 12}:{mm:02d} {'am' if hh < 12 else 'pm'}"
        return f"Posted by {who.split()[0].lower()} on {MONTHS[m - 1][:3]} {d}, {y} at {clock}"
    if style == "updated":
        return f"Last updated: {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}"
    if style == "by_pipe":
        return f"By {who.upper()} | {site['name']} | {DAYS[(d + m) % 7]}, {MONTHS[m - 1]} {d}"
    return f"{d}. {MONTHS[m - 1]} {y} \u00b7 {who}"  # dotted


class AltRenderer(nd.Renderer):
    """Wraps a story in one invented site's page furniture."""

    def fill(self, line: str, site: dict, section: str, year: int) -> str:
        line = super().fill(line, site, section, year)
        tags = ", ".join(self.rng.sample(TAGS, 3))
        return line.replace("{mins}", str(self.rng.randint(2, 9))).replace("{tags}", tags)

    def page(self, site: dict | None, title: str | None, paras: list[str], section: str = "News",
             header: bool = True, footer: bool = True) -> str:
        rng = self.rng
        year = rng.choice([2023, 2024, 2025])
        blocks: list[str] = []
        if site and header:
            head = []
            if site["skip"] and rng.random() < 0.75:
                head.append(site["skip"])
            head.append(site["name"] if rng.random() < 0.8 else site["name"].upper())
            if site["crumbs"]:
                head.append(self.fill(site["crumbs"], site, section, year))
            blocks.append("\n".join(head))
        top: list[str] = [title] if title else []
        if site and header:
            top.append(byline(site, rng))
            if site["meta"] and rng.random() < 0.65:
                top.append(self.fill(site["meta"], site, section, year))
        if top:
            blocks.append("\n".join(top))
        blocks.extend(paras)
        if site and footer:
            blocks.append("\n".join(self.fill(x, site, section, year) for x in site["foot"]))
        return "\n\n".join(blocks)


def url_for_site(site: dict, slug: str, rng: random.Random, section: str = "news") -> str:
    y, m, d, _, _ = _dateparts(rng)
    return (site["url"].replace("{domain}", site["domain"]).replace("{section_lower}", section.lower())
            .replace("{slug}", slug).replace("{n}", str(rng.randint(10000, 999999)))
            .replace("{ymd}", f"{y}{m:02d}{d:02d}").replace("{y}", str(y)).replace("{mm}", f"{m:02d}")
            .replace("{dd}", f"{d:02d}"))


# ~150-word site footers shared by different short articles (neg-footer)
LONG_FOOTERS = [
    ("The Lantern Street Journal is owned by its readers. Since 2003 our cooperative has reported on the "
     "neighbourhoods "
     "east of the river without a paywall, and every story we publish is paid for by more than six thousand "
     "members who "
     "chip in what they can. If you value what you just read, please consider joining them: membership "
     "starts at three "
     "pounds a month and includes our Sunday long-read newsletter, early access to events and a vote at our "
     "annual "
     "meeting. Spotted an error? Our corrections policy explains how we fix mistakes and how to tell us "
     "about them. "
     "Letters may be edited for length and clarity. Lantern Street Journal Cooperative Ltd, registered "
     "society number "
     "31877R. Cookie preferences | Accessibility statement | Complaints | Work with us | Contact"),
    ("You are reading the Three Counties Courier, part of the Pennine Local Media network of twelve "
     "community titles. "
     "Our journalists abide by the Editors' Code of Practice, and complaints can be sent to our standards "
     "editor in "
     "writing. Want the day's headlines first thing in the morning? Register for free to get our breakfast "
     "briefing, "
     "the weekend sport round-up and breaking news alerts straight to your inbox. Registered users can also "
     "save "
     "articles, follow their favourite topics and comment on stories. Please be respectful when commenting: "
     "abusive "
     "posts will be removed and repeat offenders banned. Advertising in print and online is available "
     "through our "
     "sales team. All content copyright Pennine Local Media. Privacy | Terms | Sitemap | Jobs | "
     "Announcements"),
    ("This report comes to you from the Rio Verde Bureau, a nonpartisan newsroom supported by the "
     "Cordillera Community "
     "Trust and by thousands of individual donors across the basin. We make our journalism free to read and "
     "free to "
     "republish under a Creative Commons licence, as long as partners keep the byline, link back to the "
     "original and "
     "do not alter the facts. Sign up for our Tuesday and Friday newsletters for water, land and growth "
     "coverage you "
     "will not find anywhere else. Story ideas and tips are welcome through our secure contact form; we "
     "protect "
     "sources. A list of our funders and our independence policy are published on our website. Rio Verde "
     "Bureau is a "
     "fiscally sponsored project. Donate | Newsletters | Republish | Staff | Ethics"),
]

# 20-40-word briefs filled from one template (neg-brief); some get re-posted copies
BRIEF_TEMPLATES = [
    ("Power has been restored to about {n} customers in {town} after a {cause} knocked out service for "
     "{hours} hours "
     "on {day}, {utility} said. Crews were still working on scattered outages near {road}."),
    ("{district} schools will open {delay} late on {day} because of {reason}, the district announced. "
     "Morning "
     "pre-kindergarten is cancelled and buses will run on the delayed schedule."),
    ("Police in {town} are asking for help finding {person}, {age}, who was last seen on {day} near {place}. "
     "Anyone with information is asked to call {phone}."),
    ("A boil-water notice is in effect for residents of {town} along {road} until further notice after a "
     "water main "
     "break on {day}, the {utility} said."),
    ("Firefighters from {n} departments battled a blaze at a {building} on {road} in {town} early {day}. No "
     "injuries "
     "were reported and the cause is under investigation, Chief {chief} said."),
    ("The winning numbers in {day}'s {game} drawing were {n1}, {n2}, {n3}, {n4} and {n5}. The jackpot for "
     "the next "
     "drawing is an estimated ${jackpot} million."),
]
BRIEF_SLOTS = {
    "n": ["1,200", "3,450", "640", "8,900", "2,075", "15", "4", "6"], "day": DAYS,
    "town": ["Wexford Heights", "Pell City", "Amberton", "Lowry Falls", "Castle Rock Junction", "Dunmore",
             "Halsey"],
    "cause": ["fallen tree", "car striking a utility pole", "transformer fire", "lightning strike",
              "squirrel"],
    "hours": ["two", "three", "five", "nine", "11"],
    "utility": ["Tri-County Electric", "Northgate Power", "the municipal utilities board",
                "Cascade Water Authority"],
    "road": ["Quarry Road", "Bellmont Avenue", "Route 44", "Sycamore Lane", "Old Post Road", "Harbor Drive"],
    "district": ["Lowry Falls Unified", "Amberton Area", "Halsey County", "Pell City Consolidated"],
    "delay": ["two hours", "90 minutes", "one hour"],
    "reason": ["icy roads", "heavy fog", "a water main break", "a power outage", "freezing rain"],
    "person": ["Dana Whitford", "Luis Carrasco", "Mia Lindgren", "Tyrone Bellamy", "Ava Kowalski"],
    "age": ["14", "16", "72", "81", "35", "19"],
    "place": ["the public library", "Riverside Mall", "Jackson Park", "the bus station",
              "Hillview Apartments"],
    "phone": ["555-0142", "555-0178", "555-0119", "555-0163"],
    "building": ["vacant warehouse", "two-storey home", "strip mall", "barn", "auto repair shop"],
    "chief": ["Ron Decker", "Alma Pruitt", "Gus Ferreira", "Janelle Ross"],
    "game": ["Pick 5", "Lucky Lines", "Cash Five", "Daily Derby"],
    "n1": ["03", "07", "11", "02"], "n2": ["14", "19", "22", "16"], "n3": ["25", "28", "31", "24"],
    "n4": ["33", "36", "38", "35"], "n5": ["40", "42", "44", "39"],
    "jackpot": ["1.2", "3.4", "12", "27.5", "6.8"],
}


def fill_brief(tpl: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], tpl)


def brief_values(tpl: str, rng: random.Random, base: dict[str, str] | None, n_change: int) -> dict[str, str]:
    keys = list(dict.fromkeys(re.findall(r"\{(\w+)\}", tpl)))
    if base is None:
        return {k: rng.choice(BRIEF_SLOTS[k]) for k in keys}
    vals = dict(base)
    for k in rng.sample(keys, min(n_change, len(keys))):
        vals[k] = rng.choice([v for v in BRIEF_SLOTS[k] if v != vals[k]])
    return vals
