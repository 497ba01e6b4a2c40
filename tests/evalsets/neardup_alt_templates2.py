"""Long fill-in templates, second part: obituary, court sentencing, election results
(see neardup_alt_templates.py for how families, groups and variants work).
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
    STATES,
    TOWN_A,
    WEEKDAYS,
    date,
    money,
    num,
    person,
    town,
)


def obit_vals(r: random.Random) -> dict[str, str]:
    v = {"name": person(r, "f"), "age": num(r, 58, 101), "town": town(r), "weekday": r.choice(WEEKDAYS),
         "ddate": date(r), "btown": town(r), "bstate": r.choice(STATES),
         "bdate": f"{date(r)}, {r.randint(1922, 1965)}",
         "father": person(r, "m"), "mother": person(r, "f").split()[0], "maiden": r.choice(LAST),
         "hs": town(r), "gyear": str(r.randint(1940, 1983)), "college": f"{r.choice(TOWN_A)} State",
         "employer": f"{r.choice(CO_A)} {r.choice(CO_B)}", "wtown": town(r), "years": num(r, 12, 41),
         "ryear": str(r.randint(1985, 2020)), "spouse": person(r, "m"),
         "mdate": f"{date(r)}, {r.randint(1945, 1988)}",
         "myears": num(r, 20, 70), "ngc": num(r, 2, 19), "nggc": num(r, 0, 14), "sib": person(r, "f"),
         "bro": person(r, "m"), "broyear": str(r.randint(1990, 2023)), "vstart": str(r.randint(1, 5)),
         "vend": str(r.randint(6, 8)), "vday": r.choice(WEEKDAYS), "fh": r.choice(LAST),
         "fhno": num(r, 10, 2900),
         "fhstreet": f"{r.choice(TOWN_A)} Street", "stime": str(r.randint(9, 11)), "sday": r.choice(WEEKDAYS),
         "church": f"St. {r.choice(['Ann', 'Luke', 'Brigid', 'Paul', 'Agnes'])}'s Church",
         "rev": person(r, "m"),
         "cem": f"{r.choice(TOWN_A)} Hill", "hospice": f"{r.choice(TOWN_A)}view Hospice",
         "border": r.choice(["eldest", "youngest", "second"]), "nsib": num(r, 3, 11),
         "cyears": num(r, 20, 70),
         "nstates": num(r, 12, 49), "fairs": num(r, 8, 40)}
    for i in range(1, 4):
        v.update({f"c{i}": person(r), f"c{i}town": town(r), f"c{i}kids": num(r, 0, 6)})
    return v


OBIT = {
    "name": "obituary", "gen": obit_vals, "section": "Obituaries",
    "subject": ["name", "spouse", "father", "mother", "maiden", "sib", "bro", "c1", "c2", "c3", "btown"],
    "title": "{name}, {age}, of {town}",
    "fixed": {"cause": ["short illness", "long illness", "brief stay in hospital"],
              "job": ["bookkeeper", "teacher", "nurse", "postal clerk"],
              "field": ["education", "nursing", "accounting", "music"]},
    "identity": ["name", "town", "btown", "bstate", "father", "maiden", "spouse", "employer", "church", "rev",
                 "fh"],
    "lead": ("{name}, {age}, a longtime resident of {town}, died {weekday}, {ddate}, after a {cause}. She "
             "was born {bdate}, in {btown}, {bstate}, to the late {father} and {mother} {maiden}."),
    "paras": [
        ("She graduated from {hs} High School in {gyear} and earned a degree in {field} from {college}. She "
         "worked for "
         "{years} years as a {job} at {employer} in {wtown} before retiring in {ryear}."),
        ("She married {spouse} on {mdate}, and they shared {myears} years together. She loved her garden, "
         "her church "
         "choir and the card club that met on the first Tuesday of every month, and she never missed a "
         "grandchild's "
         "game or recital."),
        ("Born the {border} of {nsib} children, she grew up on her family's farm outside {btown}, where she "
         "learned "
         "to drive a tractor before she could ride a bicycle. She often said those years taught her that "
         "hard work "
         "and a good meal could fix most problems, and she kept that conviction all her life."),
        ("After their marriage the couple settled in {town}, where they raised their family in the house on "
         "{fhstreet} that became the gathering place for every birthday, graduation and holiday for more "
         "than "
         "{myears} years. Her kitchen table was rarely empty, and no visitor left without a plate of "
         "something."),
        ("She was a member of {church} for {cyears} years, where she sang in the choir, taught Sunday "
         "school and "
         "organised the parish rummage sale every autumn. She also volunteered at the {town} public library "
         "and "
         "delivered meals to homebound neighbours until well into her eighties."),
        ("Friends remember her quick wit, her generosity and her fierce loyalty. She kept a list of every "
         "birthday "
         "in the family, and each of her {ngc} grandchildren received a handwritten card, without fail, "
         "every year. "
         "She loved travelling with her husband, and together they visited {nstates} states by car."),
        "#1-3 She is survived by a child, {c#}, of {c#town}, and {c#kids} of her grandchildren.",
        ("She is also survived by {ngc} grandchildren, {nggc} great-grandchildren and a sister, {sib}. She "
         "was "
         "preceded in death by her parents and a brother, {bro}, who died in {broyear}."),
        ("Visitation will be from {vstart} to {vend} p.m. {vday} at {fh} Funeral Home, {fhno} {fhstreet}, "
         "{town}. A "
         "funeral service will be held at {stime} a.m. {sday} at {church}, with the Rev. {rev} officiating. "
         "Burial "
         "will follow at {cem} Cemetery."),
        ("In lieu of flowers, memorial contributions may be made to {hospice}, whose nurses and volunteers "
         "cared for "
         "her with such kindness. The family thanks them, and the staff of the hospital, for their "
         "compassion."),
        ("Online condolences may be shared with the family through the funeral home. Arrangements are by "
         "{fh} Funeral "
         "Home of {town}, which is also handling the livestream of the service for relatives who cannot "
         "attend."),
        ("The family will receive friends for a luncheon in the parish hall immediately after the burial. "
         "Those "
         "who wish to share a memory are invited to bring a photograph for the memory table, which the "
         "family will "
         "keep as a gift for her great-grandchildren."),
        ("In her later years she moved to {wtown} to be closer to her daughter, but she returned to {town} "
         "every "
         "summer for the county fair, where she entered her peach preserves in the canning contest {fairs} "
         "times and "
         "took home a blue ribbon more often than anyone could remember."),
        ("Her family described her as the glue that held them together. \"She always knew when someone "
         "needed a "
         "phone call,\" her son said. \"She would call just to say she was thinking of you, and somehow it "
         "was "
         "always the right day.\""),
    ],
}


def court_vals(r: random.Random) -> dict[str, str]:
    v = {"county": r.choice(COUNTIES), "defendant": person(r, "m"), "age": num(r, 19, 67), "town": town(r),
         "weekday": r.choice(WEEKDAYS[:5]), "years": num(r, 2, 35), "street": f"{r.choice(TOWN_A)} Avenue",
         "month": r.choice(MONTHS), "year": str(r.randint(2019, 2024)), "judge": person(r),
         "hours": num(r, 3, 19),
         "days": num(r, 2, 5), "vdate": date(r), "nwit": num(r, 6, 31), "rest": money(r, 900, 250000, 0),
         "fine": money(r, 500, 25000, 0), "defl": person(r, "m"), "pros": person(r),
         "served": num(r, 40, 900),
         "parole": num(r, 1, 20), "codef": person(r, "m"), "codef_age": num(r, 18, 60),
         "pleamonth": r.choice(MONTHS),
         "codef_years": num(r, 1, 10), "appeal": num(r, 10, 60), "victim": person(r),
         "case": f"{r.randint(2019, 2024)}-CF-{r.randint(1000, 9999)}",
         "hour": str(r.randint(1, 4)), "arrest": num(r, 2, 30), "items": num(r, 12, 140),
         "priors": num(r, 2, 7),
         "prioryear": str(r.randint(2005, 2018)),
         "caseload": num(r, 40, 400), "wait": num(r, 6, 30)}
    for i in range(1, 4):
        v[f"s{i}"] = num(r, 1, 25)
    return v


COURT = {
    "name": "court", "gen": court_vals, "section": "Courts",
    "subject": ["defendant", "codef", "victim", "street"],
    "title": "{town} man sentenced to {years} years in {county} County case",
    "fixed": {"charge1": ["armed robbery", "aggravated assault", "burglary"],
              "charge2": ["theft", "reckless endangerment", "witness intimidation"],
              "incident": ["break-in", "confrontation", "robbery"],
              "conc": ["concurrently", "consecutively"]},
    "identity": ["county", "defendant", "town", "street", "judge", "defl", "pros", "codef", "victim"],
    "lead": ("A {county} County judge on {weekday} sentenced {defendant}, {age}, of {town}, to {years} years "
             "in "
             "state prison after a jury found him guilty of {charge1} and {charge2} in connection with a "
             "{incident} "
             "on {street} in {month} {year}."),
    "paras": [
        ("The jury deliberated for about {hours} hours over {days} days before returning its verdict on "
         "{vdate}. "
         "Prosecutors called {nwit} witnesses during the trial, including two neighbours who said they saw "
         "a man "
         "running from the building shortly after midnight."),
        "#1-3 On count #, Judge {judge} imposed a sentence of {s#} years, to run {conc} with the other "
        "counts in case "
        "number {case}.",
        ("\"You made a choice that night, and other people are still paying for it,\" {judge} told "
         "{defendant} before "
         "announcing the sentence. \"The court has considered everything your family said about you, but "
         "the law and "
         "the harm done leave me little room.\""),
        ("{defendant} was also ordered to pay ${rest} in restitution to {victim} and a fine of ${fine}. He "
         "will receive "
         "credit for {served} days already spent in the {county} County jail and will be eligible for "
         "parole after "
         "{parole} years."),
        ("Defense attorney {defl} said the sentence was far harsher than the facts warranted and that his "
         "client would "
         "appeal. The defense has {appeal} days to file a notice of appeal with the district court of "
         "appeal."),
        ("Assistant prosecutor {pros} said in a statement that the verdict and sentence \"send a clear "
         "message that "
         "violence against people in their own homes will be met with the full force of the law\" and "
         "thanked the "
         "witnesses who came forward."),
        ("A co-defendant, {codef}, {codef_age}, pleaded guilty in {pleamonth} to a reduced charge and was "
         "sentenced to "
         "{codef_years} years. He testified for the prosecution as part of his plea agreement."),
        ("In a victim impact statement read aloud in court, {victim} said the {incident} had changed how "
         "the family "
         "lived. \"We do not open the door at night any more,\" the statement said. \"We moved the children "
         "into one "
         "room. We are trying to get back to normal.\""),
        ("According to testimony at trial, {defendant} and {codef} forced their way into the home through a "
         "back "
         "door at about {hour} a.m., threatened the occupants and took cash, jewellery and two laptops. "
         "Police "
         "arrested {defendant} {arrest} days later after tracing one of the laptops to a pawn shop in "
         "{town}."),
        ("Investigators from the {county} County sheriff's office told the jury they recovered {items} "
         "items from "
         "a storage unit rented in {defendant}'s name. Fingerprints found on a window frame matched those "
         "taken "
         "from {defendant} after an earlier arrest, a crime-scene analyst testified."),
        ("{defendant} has {priors} prior convictions, including a {prioryear} conviction for theft, "
         "according to "
         "court records. His lawyer asked for the minimum sentence, citing his work history and his care "
         "for an "
         "elderly parent, but the judge said the record showed a pattern that had only grown more serious."),
        ("Several relatives of {defendant} wept in the gallery as the sentence was read. His mother told "
         "reporters "
         "outside the {county} County courthouse that her son had been \"led astray\" and that the family "
         "would "
         "keep fighting for him on appeal."),
        ("The case is one of {caseload} violent felony cases set for trial in {county} County this year, "
         "according "
         "to the clerk of courts. A shortage of public defenders has pushed the average wait for trial to "
         "{wait} "
         "months, court administrators told county commissioners last month."),
    ],
}


def election_vals(r: random.Random) -> dict[str, str]:
    v = {"winner": person(r), "loser": person(r), "county": r.choice(COUNTIES),
         "weekday": r.choice(WEEKDAYS[1:3]),
         "wpct": money(r, 50.5, 71), "other": money(r, 0, 3), "prec_more": num(r, 0, 30),
         "prec": num(r, 40, 120),
         "precincts": num(r, 40, 120),
         "wvotes": num(r, 4000, 90000), "lvotes": num(r, 3000, 80000), "turnout": money(r, 18, 74),
         "reg": num(r, 20000, 250000), "cert": date(r), "margin": money(r, 0.1, 0.5, 2),
         "bond": money(r, 5, 140),
         "yes": money(r, 30, 70), "no": money(r, 30, 70), "hq": f"{r.choice(LAST)} Hall", "clerk": person(r),
         "wyears": num(r, 6, 40), "ntowns": num(r, 5, 19), "wraised": num(r, 20000, 400000),
         "lraised": num(r, 20000, 400000), "outside": num(r, 5000, 250000), "wait": num(r, 25, 90),
         "voted": num(r, 20, 55),
         "lastchange": str(r.randint(1994, 2018)), "incyears": num(r, 8, 28), "ncand": num(r, 3, 9)}
    for i in range(1, 5):
        v.update({f"town{i}": town(r), f"tmargin{i}": num(r, 12, 3900), f"tw{i}": num(r, 500, 9000),
                  f"tl{i}": num(r, 400, 8000)})
    for i in range(1, 4):
        v.update({f"inc{i}": person(r), f"chal{i}": person(r), f"ov{i}a": num(r, 2000, 40000),
                  f"ov{i}b": num(r, 2000, 40000)})
    return v


def _int(x: str) -> int:
    return int(x.replace(",", ""))


def election_derive(v: dict[str, str]) -> None:
    """Keep dependent numbers coherent after values are re-drawn."""
    v["lpct"] = f"{100 - float(v['wpct']) - float(v['other']):.1f}"
    v["precincts"] = f"{_int(v['prec']) + _int(v['prec_more']):,}"
    v["lvotes"] = f"{round(_int(v['wvotes']) * float(v['lpct']) / float(v['wpct'])):,}"
    v["no"] = f"{100 - float(v['yes']):.1f}"
    for i in range(1, 5):
        v[f"tw{i}"] = f"{_int(v[f'tl{i}']) + _int(v[f'tmargin{i}']):,}"


ELECTION = {
    "name": "election", "gen": election_vals, "section": "Politics",
    "subject": ["winner", "loser", "county", "town1", "town2", "town3", "town4", "hq", "clerk"],
    "title": "{winner} wins {county} County {office} race", "derive": election_derive,
    "fixed": {"office": ["county commissioner", "sheriff", "county clerk", "school board president"],
              "purpose": ["road repairs", "a new middle school", "parks and trails"],
              "background": ["teacher", "small-business owner", "police officer", "nurse"],
              "result": ["approved", "rejected"]},
    "identity": ["winner", "loser", "county", "hq", "clerk", "town1", "town2", "inc1", "chal1", "inc2",
                 "chal2"],
    "lead": ("{winner} won the race for {office} in {county} County on {weekday}, taking {wpct} percent of "
             "the vote "
             "to {lpct} percent for {loser} with {prec} of {precincts} precincts reporting, according to "
             "unofficial "
             "results from the county board of elections."),
    "paras": [
        ("{winner} received {wvotes} votes and {loser} {lvotes}. Turnout was {turnout} percent of the "
         "county's {reg} "
         "registered voters, election officials said, with more than half of all ballots cast by mail."),
        "#1-4 In {town#}, {winner} led by {tmargin#} votes, {tw#} to {tl#}.",
        ("\"Tonight is not about me, it is about every neighbour who knocked on a door or made a phone "
         "call,\" "
         "{winner} told supporters gathered at {hq}. \"We ran on fixing the basics, and now the work "
         "starts.\""),
        ("{loser} conceded shortly before midnight. \"The voters have spoken and I respect their "
         "decision,\" {loser} "
         "said in a statement, thanking volunteers and urging supporters to give the new {office} a fair "
         "chance."),
        "#1-3 In the race for seat # on the county council, incumbent {inc#} defeated {chal#}, {ov#a} votes "
        "to {ov#b}.",
        ("Voters {result} a ${bond} million bond measure for {purpose}, {yes} percent to {no} percent. "
         "Supporters had "
         "argued the money was needed now; opponents said the county should live within its current budget."),
        ("{winner}, a former {background} who has lived in {town1} for {wyears} years, will take office in "
         "January "
         "and serve a four-year term. During the campaign {winner} promised to publish the county's "
         "spending online "
         "every month and to hold evening meetings in each of the county's {ntowns} towns."),
        ("Campaign finance reports filed last month showed {winner} had raised about ${wraised} and {loser} "
         "about "
         "${lraised}, much of it from small donors in {town2} and {town3}. Outside groups spent another "
         "${outside} "
         "on mailers and radio advertising in the final three weeks of the race."),
        ("Election officials reported no significant problems at the polls, although voters at two "
         "precincts in "
         "{town4} waited more than {wait} minutes after a ballot scanner jammed in the morning. A backup "
         "machine "
         "was brought in, and all ballots were counted, the board said."),
        ("Voters interviewed outside polling places in {town1} said roads, property taxes and the cost of "
         "childcare "
         "were their biggest concerns. \"I just want someone who answers the phone,\" said one voter, a "
         "retired "
         "machinist who said he had voted in every county election for {voted} years."),
        ("The last time the seat changed hands was {lastchange}, when the incumbent retired after "
         "{incyears} years in "
         "office. This year's race was the most expensive in the county's history, according to the board of "
         "elections, and drew {ncand} candidates in the spring primary."),
        ("Results for state and federal races on the {county} County ballot are reported separately. A full "
         "list of "
         "results by precinct is posted at the board of elections office in {hq} and will be updated as the "
         "remaining ballots are counted."),
        ("County clerk {clerk} said provisional and late-arriving mail ballots would be counted over the "
         "next week and "
         "that results would be certified on {cert}. A recount is automatic if the final margin is under "
         "{margin} "
         "percentage points."),
    ],
}
