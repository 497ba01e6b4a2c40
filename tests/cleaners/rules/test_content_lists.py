"""Lists that are the article's content (tour dates with venues, a race's stages with dates
and towns, results with scores) stay, whatever heads them; lists of headlines that lead
to other pages still go. Decided by the items' shape, in several languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners.config import CleanConfig
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner
from tests.inprocess import run
from tests.outputs import corpus

PROSE = {
    "en": ("Harbour Lights will return to Europe in May for their first tour in a decade, the band said on "
           "Tuesday, after two years spent recording in a farmhouse outside Cork.\n"
           "The singer said the set would mix the new songs with the early records that fans still ask for."),
    "de": ("Die diesjährige Rundfahrt beginnt am Freitag in Brest und führt in sieben Etappen quer durch die "
           "Bretagne bis nach Rennes, teilten die Veranstalter am Montag mit.\n"
           "Erstmals seit Jahren gibt es ein Zeitfahren am Schlusstag, das die Gesamtwertung noch einmal "
           "durcheinanderwirbeln könnte."),
    "ru": ("Петербургский «Зенит» одержал третью победу подряд и вернулся на первое место в турнирной таблице, "
           "обыграв в субботу московский «Спартак» со счётом 2:1.\n"
           "Главный тренер команды после матча похвалил игроков обороны и отдельно отметил вратаря."),
    "fr": ("Le Tour de Bretagne féminin partira le 5 juillet de Lille et traversera le nord du pays en six "
           "étapes avant l'arrivée à Rouen, ont annoncé mardi les organisateurs.\n"
           "La course, créée il y a trente ans, accueillera cette année vingt équipes venues de douze pays."),
}
CONTENT = {
    "en": ("More on the tour", ["12 May – Lisbon, Coliseu dos Recreios", "14 May – Madrid, WiZink Center",
                                "17 May – Paris, Olympia", "20 May – Berlin, Columbiahalle"]),
    "de": ("Mehr zum Thema", ["Etappe 1, 4. Juli: Brest – Morlaix, 168 km",
                              "Etappe 2, 5. Juli: Morlaix – Lannion, 142 km",
                              "Etappe 3, 6. Juli: Lannion – Saint-Brieuc, 175 km",
                              "Etappe 4, 7. Juli: Saint-Brieuc – Rennes, Zeitfahren 32 km"]),
    "ru": ("По теме", ["«Зенит» – «Спартак» 2:1", "ЦСКА – «Локомотив» 0:0", "«Динамо» – «Краснодар» 1:3",
                       "«Ростов» – «Рубин» 2:2"]),
    "fr": ("Voir aussi", ["Étape 1, 5 juillet : Lille – Dunkerque (185 km)",
                          "Étape 2, 6 juillet : Calais – Amiens (172 km)",
                          "Étape 3, 7 juillet : Amiens – Rouen (160 km)"]),
}
HEADLINES = {
    "en": ("Related", ["Council Approves New Budget After Long Debate", "Mayor Faces Questions Over Hospital Delays",
                       "Flood Defences Finished Two Years Late (12 March 2024)",
                       "New 13-Inch Laptop With Quieter Keyboard Expected in First Half of 2026",
                       "'Light After Dark': the 7th Harbour Lights Festival Opens on the Quay"]),
    "de": ("Mehr zum Thema", ["Stadtrat streitet über die Zukunft des Hallenbads",
                              "Warum die Brücke über die Weser erneut gesperrt werden muss",
                              "Bürgermeisterin verteidigt Sparkurs der Verwaltung"]),
    "ru": ("Читайте также", ["Власти города пообещали отремонтировать набережную к лету",
                             "Жители пожаловались на шум от новой стройки в центре",
                             "В городе открылась выставка работ молодых художников"]),
    "fr": ("Lire aussi", ["Le maire défend son projet de piétonnisation du centre-ville",
                          "Les commerçants inquiets après la fermeture du marché couvert",
                          "La région promet de nouveaux trains pour la rentrée"]),
}


def clean(text: str) -> str:
    return Cleaner(CleanConfig()).clean(text, DocContext(source="news.example.org"))[0]


@pytest.mark.parametrize("lang", sorted(CONTENT))
def test_a_list_of_the_articles_facts_stays(lang: str) -> None:
    heading, items = CONTENT[lang]
    out = clean("\n".join([PROSE[lang], heading, *items]))
    # the heading may go as furniture on its own words; the list is the article's
    assert out.split("\n")[-len(items):] == items
    assert out.startswith(PROSE[lang])


@pytest.mark.parametrize("lang", sorted(HEADLINES))
def test_a_list_of_headlines_still_goes(lang: str) -> None:
    heading, items = HEADLINES[lang]
    assert clean("\n".join([PROSE[lang], heading, *items])) == PROSE[lang]


@pytest.mark.parametrize("lang", sorted(CONTENT))
def test_a_headline_list_after_the_articles_own_list_still_goes(lang: str) -> None:
    heading, items = CONTENT[lang]
    own = "\n".join([PROSE[lang], *items])
    other, headlines = HEADLINES[lang]
    assert clean("\n".join([own, other, *headlines])) == own


def test_a_numbered_list_with_a_link_under_each_item_stays() -> None:
    items = ["1) Giradischi Crosley Cruiser Deluxe, anni ’60", "2) Cubo di Rubik 3x3 originale",
             "3) Walkman Sony WM-2, ricondizionato", "4) Game Boy Classic, console portatile del 1989"]
    lines = [PROSE["en"], "Related"]
    for k, item in enumerate(items):
        lines += [item, f"https://shop.example.com/item/{k + 17}"]
    out = clean("\n".join(lines)).split("\n")
    assert all(item in out for item in items)


def test_a_dated_headline_list_still_goes() -> None:
    heading, items = HEADLINES["en"]
    lines = [PROSE["en"], heading]
    for k, item in enumerate(items):
        lines += [item, f"{k + 3} March 2024"]
    assert clean("\n".join(lines)) == PROSE["en"]


def test_the_same_results_on_two_pages_of_a_site_stay_on_both(tmp_path: Path) -> None:
    """A results brief that opens with the scores, and a report that ends with them: the
    scores head one page of the site, yet they are no link to it."""
    _, items = CONTENT["ru"]
    brief = "\n".join([*items, PROSE["ru"]])
    report = "\n".join([PROSE["ru"].replace("третью", "очередную"), *items])
    src = tmp_path / "in.jsonl"
    rows = [{"id": "brief", "text": brief, "url": "https://sport.example.org/brief"},
            {"id": "report", "text": report, "url": "https://sport.example.org/report"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    run([src], tmp_path / "out", tmp_path / "state")
    kept = corpus(tmp_path / "out")
    assert kept.get("report") == report
