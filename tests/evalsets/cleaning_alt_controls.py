"""Negative controls (legitimate text that looks like noise) and the language tables
(stopwords, month names, damage mix) of the held-out-style cleaning set."""

from __future__ import annotations

# ------------------------------------------------------------------ negative controls
KEEP_BOILERPLATE_EN = [
    "The sponsored trip to Lisbon was disclosed in the minister’s register of interests only last month.",
    "Residents were asked to follow the evacuation signs and to share rides where they could.",
    "The district will subscribe to a new bus-tracking service that parents can check from their phones.",
    "The staff writer who broke the story left the paper in 2019 to start her own investigative site.",
    "Breadcrumbs of evidence, the prosecutor said, led investigators from a rented van to a storage unit.",
    "Police said the cookies handed out at the fair had been laced with a sedative.",
    "“See also the footnotes,” the judge wrote, pointing to three earlier rulings on the same question.",
    "The tags on the stolen artwork were cut off before it was sold at a market in Antwerp.",
    "Her photo of the flooded subway station was shared more than a million times within a day.",
    "The union said its members would sign up for the strike fund before the vote on Thursday.",
    "The newsletter’s founder said paid subscriptions now cover the salaries of all six reporters.",
    "An ad for the vacancy drew more than 2,000 applications in its first week.",
    "Parents can comment on the draft curriculum at public meetings through the end of May.",
    "The script for the pilot episode was written in three weeks, the showrunner said.",
    "The copyright on the diaries expires next year, when they will enter the public domain.",
    "The banner at the rally read simply “Follow the money.”",
    "Privacy regulators fined the retailer for placing tracking cookies without asking shoppers first.",
    "Subscribers to the water utility will see a 6% increase on their bills from July.",
    "The newspaper’s masthead, unchanged since 1921, was redrawn by a local artist.",
    "Every story in the series was fact-checked by two editors before it was published.",
    "The footer of each leaked email carried the ministry’s confidentiality warning.",
    "Sponsored by three local dealers, the charity ride raised $18,000 for the children’s ward.",
    "The agency said it would publish a list of sponsors for the summit on its website.",
    "The photographer, who works for a regional agency, said the image had not been edited.",
    "Further reading of the contract showed that the city could walk away after five years.",
    "All rights-of-way along the new rail line must be cleared by the end of next year.",
]
KEEP = {
    "boilerplate_words": {
        "en": KEEP_BOILERPLATE_EN,
        "pt": [
            "A publicidade dirigida a crianças é proibida no Brasil, lembra a especialista.",
            "Os leitores podem deixar comentários na página da escola, segundo a diretora.",
        ],
        "de": [
            "Die Anzeige wegen Körperverletzung wurde an die Staatsanwaltschaft weitergeleitet.",
            "Wer den Newsletter der Stadtwerke abonniert, erfährt früher von Baustellen.",
        ],
        "ru": ["Реклама в социальных сетях приносит блогерам основной доход, признаётся автор."],
        "ko": ["광고 시장이 얼어붙으면서 지역 방송사들의 적자가 커지고 있다."],
    },
    "cjk_in_sentence": {
        "en": [
            "Seoul’s subway signs now add 환승 (transfer) under the English wording at every interchange.",
            "The restaurant’s name, 一期一会 (ichigo ichie), means “one time, one meeting.”",
            "Fans chanted 加油 (jiayou, “add oil”) as the runners entered the final kilometre.",
            "The word 눈치 (nunchi), the art of reading a room, has entered English dictionaries.",
            "Tokyo’s new ward office is marked 区役所 (ward office) on the station map.",
            "Her best-known novel, 채식주의자 (The Vegetarian), won the International Booker Prize.",
            "The ferry operator, 东方航运 [Dongfang Shipping], has been fined twice this year.",
            "The festival’s slogan, 함께 걸어요 (“Let’s walk together”), was painted on every lamppost.",
            "The district calls the scheme 見守り (mimamori), or “watching over” older residents.",
        ]
    },
    "foreign_gloss": {
        "en": [
            "The Thai word สนุก (sanuk), roughly “fun,” is central to how the festival is sold to tourists.",
            "Protesters held placards reading “Нет закону об иноагентах” (“No to the foreign-agent law”).",
            "The Greek ferry, named Ελπίδα (Hope), was carrying 300 passengers when it lost power.",
            "The bakery’s sign still reads “Bánh mì ngon” (“Tasty bread”) in hand-painted letters.",
            "The inscription, بسم الله (bismillah), was restored by volunteers over two summers.",
            "In Jakarta the word mudik (the annual homecoming exodus) now describes 20 million trips in a week.",
        ]
    },
    "gambling_words": {
        "en": [
            "Police in Surabaya arrested 14 people accused of running an illegal togel, a numbers lottery.",
            "Vietnam allows its own citizens to gamble at only a handful of casinos under a pilot scheme.",
            "Thai lawmakers debated a bill that would license casinos inside large entertainment complexes.",
            "Baccarat tables in Macau were full again over the Golden Week holiday, analysts said.",
            "The broadcaster lost its Saturday evening slot after ratings fell for a third season.",
            "South Korea’s sports betting lottery is the only legal way to bet on football there.",
            "The online betting firm was fined £4 million for failing to check where customers’ money came from.",
            "Airport slots at Gatwick are allocated twice a year by an independent coordinator.",
        ]
    },
    "legit_url": {
        "en": [
            "Forecasts and warnings are posted at https://www.bmkg.go.id in Indonesian and English.",
            "Households can check their flood risk at https://www.gov.uk/check-long-term-flood-risk.",
            "The central bank publishes the reference rates daily at www.ecb.europa.eu.",
            "The court’s rulings can be searched at https://www.supremecourt.gov/opinions.",
            "Tickets go on sale at https://www.olympics.com on Friday morning, organisers said.",
            "The code for the tool is published at https://github.com/openstreetmap under an open licence.",
        ]
    },
}
# Legitimate lines two articles of one site share (sub-headings, a stock quote).
KEEP_SHARED = {
    "en": [
        "The background",
        "What comes next",
        "By the numbers",
        "Key questions",
        "“No decision has been taken yet,” the ministry said in a brief statement.",
        "Officials have not said when the report will be released.",
        "The company did not respond to a request for comment.",
    ],
    "pt": ["“Ainda não há prazo para a conclusão”, informou a prefeitura."],
}


# ------------------------------------------------------------------ languages, dates, damage
PT_STOP = set(
    [
        "de",
        "que",
        "e",
        "o",
        "a",
        "da",
        "do",
        "em",
        "para",
        "com",
        "uma",
        "os",
        "no",
        "na",
        "não",
        "se",
        "por",
        "as",
        "dos",
        "mais",
        "ao",
    ]
)
DE_STOP = set(
    [
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "mit",
        "den",
        "von",
        "zu",
        "im",
        "sich",
        "auch",
        "auf",
        "ein",
        "eine",
        "für",
        "dem",
        "des",
    ]
)
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
VOWELS = set("aeiouyáéíóúãõâêôàèìòùäöüаеёиоуыэюя")
NAMED = {
    "’": "&rsquo;",
    "‘": "&lsquo;",
    "“": "&ldquo;",
    "”": "&rdquo;",
    "—": "&mdash;",
    "–": "&ndash;",
    "é": "&eacute;",
    "á": "&aacute;",
    "í": "&iacute;",
    "ó": "&oacute;",
    "ã": "&atilde;",
    "õ": "&otilde;",
    "ç": "&ccedil;",
    "ê": "&ecirc;",
    "ü": "&uuml;",
    "ö": "&ouml;",
    "ä": "&auml;",
    "ß": "&szlig;",
}
DAMAGE_MIX = [
    "mojibake",
    "mojibake",
    "mojibake",
    "soft_hyphen",
    "soft_hyphen",
    "soft_hyphen",
    "html_entity",
    "html_entity_named",
    "zero_width",
    "word_joiner",
    "nbsp",
    "nbsp_entity",
    "narrow_nbsp",
]
