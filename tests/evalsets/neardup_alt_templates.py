"""Long fill-in templates for the `neg-template` hard negatives of neardup_alt.py.

Each family is one newsroom template (earnings report, match report, weather forecast,
obituary, court sentencing, election results) of about 500-800 words. A *group* picks a
paragraph skeleton of a target length (50-600 words) and base values; every document of
the group keeps the skeleton and differs only in names, places and numbers (some of
them re-drawn), so each is a different story and its own gold cluster. `#A-B ` at the
start of a paragraph marks an indexed repeat (segments, days, towns, goals...).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from neardup_alt_tpl_base import (  # noqa: E402
    CO_A,
    CO_B,
    COUNTIES,
    LAST,
    MONTHS,
    NICK,
    WEEKDAYS,
    date,
    money,
    num,
    person,
    town,
)

# ----------------------------------------------------------------------------
# value generators: identity = names/places that make it another story; the rest
# (numbers, dates) may be re-drawn; FIXED keys stay constant within a group
# ----------------------------------------------------------------------------
SEGMENTS = ["industrial", "consumer", "aerospace", "healthcare", "services", "packaging", "digital", "retail",
            "automotive", "specialty chemicals"]


def earnings_vals(r: random.Random) -> dict[str, str]:
    co = f"{r.choice(CO_A)} {r.choice(CO_B)}"
    v = {"company": co, "ticker": "".join(w[0] for w in co.split()) + r.choice("KLMNRSTX"), "hq": town(r),
         "ceo": person(r), "cfo": person(r), "analyst": person(r),
         "region1": r.choice(["Europe", "Asia", "Canada"]),
         "region2": r.choice(["Latin America", "the Middle East", "Australia"]),
         "weekday": r.choice(WEEKDAYS[:5]),
         "year": str(r.randint(2023, 2025)), "rev": money(r, 80, 2400), "rev_prev": money(r, 80, 2400),
         "rev_chg": money(r, 0.5, 19), "net": money(r, 3, 310), "eps": money(r, 0.05, 3.9, 2),
         "eps_est": money(r, 0.05, 3.9, 2), "rev_est": money(r, 80, 2400), "pct": money(r, 0.4, 14),
         "price": money(r, 8, 240, 2), "cash": money(r, 40, 900), "debt": money(r, 100, 3000),
         "buyback": money(r, 0.2, 6),
         "g_lo": money(r, 0.4, 9), "g_hi": money(r, 0.4, 9), "geps_lo": money(r, 0.5, 9, 2),
         "geps_hi": money(r, 0.5, 9, 2),
         "gp_lo": money(r, 0.4, 9), "gp_hi": money(r, 0.4, 9), "div": num(r, 4, 90), "paydate": date(r),
         "recdate": date(r), "employees": num(r, 900, 48000), "ncountries": num(r, 3, 40),
         "target": money(r, 10, 300, 0),
         "cuts": num(r, 80, 2400), "savings": money(r, 5, 120), "sav_target": money(r, 5, 150),
         "ypct": money(r, 1, 60),
         "idx_chg": money(r, 1, 25), "pe": money(r, 7, 40), "founded": str(r.randint(1890, 2005)),
         "ftown": town(r),
         "cust1": f"{r.choice(CO_A)} Group", "cust2": f"{r.choice(LAST)} & Sons",
         "cust3": f"{r.choice(CO_A)} Retail"}
    for i, seg in enumerate(r.sample(SEGMENTS, 4), 1):
        v[f"segname{i}"] = seg
        v.update({f"segshare{i}": num(r, 8, 45), f"segrev{i}": money(r, 20, 900),
                  f"segchg{i}": money(r, 0.3, 22),
                  f"segmargin{i}": money(r, 2, 31), f"segmprev{i}": money(r, 2, 31)})
    return v


EARNINGS = {
    "name": "earnings", "gen": earnings_vals, "section": "Business",
    "subject": ["company", "ticker", "hq", "ceo", "cfo", "ftown"],
    "title": "{company} {quarter}-quarter revenue {rev_dir} to ${rev} million",
    "fixed": {"quarter": ["first", "second", "third", "fourth"], "rev_dir": ["rises", "falls"],
              "dir": ["rose", "fell", "climbed", "slipped"], "session": ["morning", "afternoon", "late"],
              "rating": ["buy", "hold", "overweight", "neutral"], "adj": ["better", "no worse"]},
    "identity": ["company", "hq", "ceo", "cfo", "analyst", "cust1", "cust2", "ftown"],
    "lead": ("{company} ({ticker}), the {hq}-based group, on {weekday} reported {quarter}-quarter revenue of "
             "${rev} million, a change of {rev_chg} percent from ${rev_prev} million a year earlier, and "
             "net income "
             "of ${net} million, or ${eps} a share, for the period ended in {paydate}, {year}."),
    "paras": [
        ("Analysts polled by market data providers had on average expected earnings of ${eps_est} a share "
         "on revenue "
         "of ${rev_est} million. Shares of {company} {dir} {pct} percent to ${price} in {session} trading "
         "after the "
         "results were released."),
        ("\"We delivered a solid {quarter} quarter in a demanding market,\" chief executive {ceo} said in a "
         "statement. "
         "\"Our teams in {region1} and {region2} kept costs under control, and demand from our largest "
         "customers held "
         "up better than we had planned for at the start of the year.\""),
        "#1-4 The {segname#} division, which accounts for about {segshare#} percent of group sales, posted "
        "revenue of "
        "${segrev#} million, a change of {segchg#} percent. Operating margin in the unit moved to "
        "{segmargin#} percent "
        "from {segmprev#} percent a year ago, the company said.",
        ("Chief financial officer {cfo} told analysts on a conference call that the company ended the "
         "quarter with "
         "${cash} million in cash and equivalents and ${debt} million of long-term debt, and that it had "
         "bought back "
         "{buyback} million shares during the period."),
        ("For the full year {company} now expects revenue of between ${g_lo} billion and ${g_hi} billion "
         "and adjusted "
         "earnings of ${geps_lo} to ${geps_hi} a share, compared with its earlier forecast of ${gp_lo} "
         "billion to "
         "${gp_hi} billion."),
        ("The board declared a quarterly dividend of {div} cents a share, payable on {paydate} to "
         "shareholders of "
         "record on {recdate}. The company, which employs about {employees} people in {ncountries} "
         "countries, will "
         "publish its next results in the autumn."),
        ("\"The numbers were {adj} than feared,\" said {analyst}, an analyst who rates the stock {rating} "
         "with a "
         "price target of ${target}. \"The question now is whether the business can sustain this pace once "
         "the "
         "comparison with last year gets harder.\""),
        ("{company} cut about {cuts} jobs last year as part of a restructuring plan, and said on {weekday} "
         "that the "
         "programme had so far produced savings of ${savings} million, ahead of its target of ${sav_target} "
         "million "
         "for the year."),
        ("Over the past twelve months the stock has moved {ypct} percent, compared with a {idx_chg} percent "
         "change in "
         "the broader market. The shares trade at about {pe} times expected earnings."),
        ("Founded in {founded} in {ftown}, {company} makes components and services for industrial "
         "customers. Its "
         "largest customers include {cust1}, {cust2} and {cust3}."),
        ("On the call, {ceo} said order books for the coming two quarters were \"healthy but not "
         "spectacular\" and "
         "that the company would keep investing in automation at its plants in {hq} and {ftown}, where it "
         "plans to "
         "spend about ${savings} million on new equipment before the end of {year}."),
        ("Raw material costs fell {segchg1} percent from the previous quarter, while freight and energy "
         "costs were "
         "broadly flat. The company said currency movements reduced reported revenue by about ${net} "
         "million."),
    ],
}


def sports_vals(r: random.Random) -> dict[str, str]:
    home, away = town(r), town(r)
    v = {"home": f"{home} {r.choice(NICK)}", "away": f"{away} {r.choice(NICK)}",
         "venue": f"{r.choice(LAST)} Park",
         "weekday": r.choice(WEEKDAYS), "hs": str(r.randint(2, 5)), "as_": str(r.randint(0, 1)),
         "pts": num(r, 20, 70),
         "played": num(r, 12, 34), "gap": num(r, 1, 9), "rival": f"{town(r)} {r.choice(NICK)}",
         "pos": r.choice(["second", "third", "fourth"]), "att": num(r, 1800, 24000), "hcoach": person(r, "m"),
         "acoach": person(r, "m"), "keeper": person(r, "m"), "akeeper": person(r, "m"), "ref": person(r, "m"),
         "reftown": town(r), "inj1": person(r, "m"), "inj2": person(r, "m"), "cards": str(r.randint(5, 10)),
         "next_opp": f"{town(r)} {r.choice(NICK)}", "next_day": r.choice(WEEKDAYS), "poss": num(r, 38, 68),
         "shots": num(r, 4, 19), "ashots": num(r, 2, 14), "wins": num(r, 3, 8), "lastn": num(r, 8, 10),
         "since": r.choice(MONTHS), "apos": r.choice(["ninth", "12th", "15th", "bottom"]),
         "apts": num(r, 8, 30),
         "dist": num(r, 8, 25), "att2": num(r, 10, 30), "book1": person(r, "m"), "book2": person(r, "m")}
    for i in range(1, 5):
        v.update({f"m{i}": str(r.randint(3 + 20 * (i - 1), 20 * i)), f"scorer{i}": person(r, "m"),
                  f"assist{i}": person(r, "m")})
    for i in range(1, 12):
        v[f"h{i}"] = r.choice(LAST)
        v[f"a{i}"] = r.choice(LAST)
    return v


SPORTS = {
    "name": "match-report", "gen": sports_vals, "section": "Sport",
    "subject": (["home", "venue", "hcoach", "keeper", "inj1", "inj2"]  # the home side and its players
                + [f"{p}{i}" for p in ("scorer", "assist") for i in range(1, 5)]
                + [f"h{i}" for i in range(1, 12)]),
    "title": "{home} {hs}-{as_} {away}: hosts extend their lead at the top",
    "fixed": {"tod": ["afternoon", "evening", "night"],
              "league": ["Northern Premier", "Southern Counties League"],
              "injury": ["hamstring", "knee", "ankle", "groin"]},
    "identity": ["home", "away", "venue", "hcoach", "acoach", "keeper", "ref", "reftown", "rival",
                 "next_opp"],
    "lead": ("{home} beat {away} {hs}-{as_} at {venue} on {weekday} {tod}, moving to {pts} points from "
             "{played} games, "
             "{gap} clear of {rival} in {pos} place in the {league} with the second half of the season "
             "still to come."),
    "paras": [
        ("In front of a crowd of {att}, {home} started brightly and {scorer1} opened the scoring in the "
         "{m1}th minute, "
         "turning in a low cross from {assist1} at the near post after {away} had failed to clear a corner."),
        ("{home} had {poss} percent of possession before the break and {shots} shots to {ashots}, but "
         "goalkeeper "
         "{akeeper} kept {away} in the game with two fine saves, the second a fingertip stop from a free "
         "kick."),
        "#2-4 In the {m#}th minute {scorer#} made it count again for the hosts, finishing from {dist} yards "
        "after "
        "{assist#} had won the ball back in midfield and carried it forward almost unchallenged.",
        ("\"I thought we were excellent for the first hour,\" {home} coach {hcoach} said. \"We knew {away} "
         "would come "
         "at us after the break, and the way the players dug in and defended for each other in the last "
         "twenty "
         "minutes pleased me more than the goals.\""),
        ("{away} coach {acoach} was less happy. \"We gave them two goals, and at this level you cannot do "
         "that and "
         "expect to get anything,\" he said. \"We have a week to put it right before a big game at home.\""),
        ("The visitors had their best spell just after the hour, when {a8} hit the post from {dist} yards "
         "and {a9} "
         "saw a header cleared off the line by {h3}. {keeper} then had to be alert to tip over a dipping "
         "shot from "
         "{a10}, and {acoach} responded by sending on {a11} for the final {att2} minutes."),
        ("{home} might have added to their tally in stoppage time, but {h10} dragged his shot wide with only "
         "{akeeper} to beat. The home supporters, who had been quiet for long spells of the second half, "
         "stayed "
         "behind to applaud the players off at the final whistle."),
        ("Tickets for the game against {next_opp} go on sale on {next_day} morning, with season ticket "
         "holders given "
         "priority for the first {att2} hours. The club said it expected a crowd of more than {att} for the "
         "fixture."),
        ("{home} were without {inj1}, who has a {injury} injury, and {inj2}, suspended after picking up his "
         "{cards}th "
         "yellow card of the season. {hcoach} said both should be available for the trip to {next_opp} on "
         "{next_day}."),
        ("{home}: {keeper}; {h1}, {h2}, {h3}, {h4}; {h5}, {h6}, {h7}; {h8}, {h9}, {h10}. Substitutes used: "
         "{h11}."),
        ("{away}: {akeeper}; {a1}, {a2}, {a3}, {a4}; {a5}, {a6}, {a7}; {a8}, {a9}, {a10}. Substitutes used: "
         "{a11}."),
        "Referee: {ref} ({reftown}). Attendance: {att}. Booked: {book1}, {book2}.",
        ("{home} have now won {wins} of their last {lastn} league matches and have not lost at home since "
         "{since}. "
         "{away} remain {apos} with {apts} points and have scored only once away from home in their last "
         "five trips."),
    ],
}


def weather_vals(r: random.Random) -> dict[str, str]:
    v = {"city": town(r), "county": r.choice(COUNTIES), "nws": town(r), "met": person(r),
         "gust": num(r, 30, 65),
         "ridge": r.choice(LAST), "lake": r.choice(LAST), "route": num(r, 2, 99),
         "interstate": num(r, 10, 95),
         "sunrise": f"{r.randint(5, 7)}:{r.randint(10, 59)}",
         "sunset": f"{r.randint(5, 8)}:{r.randint(10, 59)}",
         "rec_hi": num(r, 60, 104), "rec_hi_year": str(r.randint(1890, 2022)), "rec_lo": num(r, -20, 40),
         "rec_lo_year": str(r.randint(1890, 2022)), "mtd": money(r, 0.1, 6, 2), "normal": money(r, 1, 5, 2),
         "ytd": money(r, 5, 40, 2), "ydiff": money(r, 0.1, 6, 2), "aqi": num(r, 20, 140),
         "trucks": num(r, 6, 60),
         "salt": num(r, 300, 9000),
         "frost": num(r, 3, 40), "lakeft": money(r, 570, 590, 2), "lakediff": money(r, 0.1, 3, 2),
         "day0": r.choice(WEEKDAYS)}
    for i in range(0, 7):
        v.update({f"hi{i}": num(r, 30, 95), f"spread{i}": num(r, 6, 28), f"wsp{i}": num(r, 3, 15),
                  f"wg{i}": num(r, 15, 35), f"prec{i}": str(r.randrange(0, 100, 10)),
                  f"day{i}": WEEKDAYS[(WEEKDAYS.index(v["day0"]) + i) % 7]})
    for i in range(1, 5):
        v.update({f"town{i}": town(r), f"thi{i}": num(r, 30, 95), f"tspread{i}": num(r, 6, 28),
                  f"train{i}": money(r, 0.1, 2.5, 2)})
    return v


def weather_derive(v: dict[str, str]) -> None:
    for i in range(1, 7):
        v[f"day{i}"] = WEEKDAYS[(WEEKDAYS.index(v["day0"]) + i) % 7]
    for i in range(0, 7):
        v[f"lo{i}"] = str(int(v[f"hi{i}"]) - int(v[f"spread{i}"]))
    for i in range(1, 5):
        v[f"tlo{i}"] = str(int(v[f"thi{i}"]) - int(v[f"tspread{i}"]))


WEATHER = {
    "name": "weather", "gen": weather_vals, "section": "Weather",
    "subject": ["city", "town1", "town2", "town3", "town4", "ridge", "lake"],
    "title": "{city} forecast: highs near {hi0} on {day0}, chance of rain {prec1} percent",
    "derive": weather_derive,
    "fixed": {"cond": ["clouds giving way to sun", "periods of rain", "a mix of sun and clouds",
                       "scattered storms"],
              "wdir": ["Northwest", "Southwest", "East"],
              "hazard": ["strong winds", "patchy fog", "heavy downpours"]},
    "identity": ["city", "county", "nws", "met", "ridge", "lake", "town1", "town2", "town3", "town4"],
    "lead": ("{city} and the rest of {county} County can expect {cond} on {day0}, with highs near {hi0} "
             "degrees and "
             "lows around {lo0}, according to the National Weather Service office in {nws}."),
    "paras": [
        "#1-6 {day#}: {cond}, with a high near {hi#} and a low around {lo#}. {wdir} wind {wsp#} to {wg#} "
        "mph. Chance of "
        "precipitation {prec#} percent.",
        "#1-4 In {town#}, forecasters expect a high of {thi#} and a low of {tlo#}, with {train#} inches of "
        "rain possible by "
        "the end of the week.",
        ("The weather service said {hazard} and gusts of up to {gust} mph are possible along {ridge} Ridge "
         "and near "
         "{lake} Lake, and urged drivers of high-profile vehicles to take extra care on Route {route} and "
         "Interstate "
         "{interstate}."),
        ("\"Residents should keep an eye on the forecast and have a way to receive warnings overnight,\" "
         "meteorologist "
         "{met} said. \"Conditions can change quickly in the valleys, and what starts as a quiet evening "
         "can turn "
         "into a rough night.\""),
        ("Sunrise on {day0} is at {sunrise} a.m. and sunset at {sunset} p.m. The record high for the date "
         "in {city} is "
         "{rec_hi} degrees, set in {rec_hi_year}, and the record low is {rec_lo}, set in {rec_lo_year}."),
        ("So far this month {city} has recorded {mtd} inches of rain, compared with a normal of {normal} "
         "inches. Since "
         "January 1 the total stands at {ytd} inches, {ydiff} inches away from normal for the date."),
        ("The air quality index is forecast to be {aqi} on {day1}. People with heart or lung disease, older "
         "adults and "
         "children should limit prolonged outdoor exertion if readings climb during the afternoon."),
        ("Road crews in {county} County said they had {trucks} trucks and about {salt} tons of salt ready if "
         "temperatures drop below freezing overnight, and asked residents to park off the street on snow "
         "routes so "
         "plows can get through."),
        ("Looking further ahead, the extended outlook for {city} calls for temperatures close to normal and "
         "near-normal "
         "rainfall through the middle of next month, the weather service said. Gardeners should still be "
         "ready to "
         "cover tender plants, since the average date of the last frost in {city} is still {frost} days "
         "away."),
        ("Water levels on {lake} Lake stood at {lakeft} feet on {day0}, {lakediff} feet away from the "
         "long-term "
         "average for the date. Boaters were reminded that the no-wake zone near the {ridge} Ridge marina "
         "remains "
         "in place until further notice."),
    ],
}


from neardup_alt_templates2 import COURT, ELECTION, OBIT  # noqa: E402

FAMILIES = [EARNINGS, SPORTS, WEATHER, OBIT, COURT, ELECTION]
