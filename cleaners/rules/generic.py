"""Generic boilerplate by shape and position: the furniture every site emits.

Each line gets a score from independent signals — short and without a sentence, outside
the article's core (head/tail), furniture vocabulary, a copyright or separator-bar shape,
a byline/date shape, the site's own name, addressing the reader ("your inbox", "our
newsletter"), repeated within the document, seen on other sites — and negative ones
(quotation marks, a long sentence in the body). A line goes when its score reaches the
threshold; no single signal, and so no word list, is enough on its own. Long lines need
strong evidence: reader-addressing site talk at the edge ("We use cookies … our website").
"""

from __future__ import annotations

import regex as re

from cleaners.config import GenericConfig
from cleaners.rules.base import DocContext, LineRule
from cleaners.rules.gate import gated
from cleaners.rules.lexicon import WEAK_FURNITURE, furniture_count
from cleaners.rules.page import Line, Page
from cleaners.rules.sitelines import is_title
from cleaners.rules.textshape import URL

NAV = re.compile(r"(?:[|·•›»]|\s[/>-]\s|\S\s{2,}\S)")
# a copyright *notice*: the sign, "(c) 2024", "Copyright 2024 …" / "Copyright © …" or a line
# opening with the word, "all rights reserved" — not the word inside a sentence ("the
# copyright on the diaries expires next year")
COPYRIGHT = gated(re.compile(r"©|\(c\)\s*\d{4}|\b(?:copyright|hak cipta)\s*(?:©|\(c\)|\d{4})|"
                             r"all rights reserved|alle rechte|todos los derechos|"
                             r"tous droits|direitos reservados|все права", re.I))
COPYRIGHT_LEAD = re.compile(r"^\W*(?:copyright|hak cipta)\b", re.I)


def copyright_notice(text: str) -> bool:
    return bool(COPYRIGHT.search(text) or COPYRIGHT_LEAD.match(text))
DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|"
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|"
    r"dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre|janeiro|fevereiro|março|"
    r"maio|junho|julho|setembro|outubro|dezembro|januari|februari|maret|mei|agustus|desember)\w*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|märz|mai|juni|juli|oktober|"
    r"dezember|enero|marzo|abril|mayo|junio|julio|agosto|janvier|février|mars|avril|juin|juillet|août|"
    r"janeiro|março|maio|junho|julho|mei|agustus)\w*\b|\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?)\s+"
    r"(?:read|ago)\b|\b(?:reading time|lesezeit|tiempo de lectura|tempo de leitura|temps de lecture|"
    r"waktu baca)\b|\b\d{4}年\d{1,2}月|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}",
    re.I,
)
BYLINE = re.compile(r"^\W*(?:by|von|por|par|oleh|door|di|da|de|av|af|автор|posted|published|updated|"
                    r"last updated|written|reporting|reported|words|text|story|staff|redaksi|penulis|"
                    r"reportage|escrito|publicado|actualizado|veröffentlicht|aktualisiert|mis à jour)\b", re.I)
CREDIT = re.compile(r"^\W*(?:(?:header |cover |lead |top )?(?:photo|photos|image|images|picture|pic|illustration|"
                    r"graphic|video)|credit|credits|source|courtesy|foto|fotos|imagen|bild|ilustración|ilustração|"
                    r"gambar|ảnh|фото|사진|写真|图)\b[^.!?]{0,100}$", re.I)
# "Topics: Courts, Energy, Agriculture": a short label, then a list of three or more names
TAG_LIST = re.compile(r"^\W*\p{L}[\p{L}\p{M}' -]{1,24}\s*[:：]\s*[^.!?,]{1,40}(?:\s*[,;·|]\s*[^.!?,;·|]{1,40}){2,}$")
ADDRESS = re.compile(r"\b(?:you|your|yours|we|our|us|sie|ihr|ihre|unser\w*|usted|tu|tus|nuestr\w+|vous|votre|"
                     r"vos|nous|notre|nos|você|seu|sua|nosso|nossa|anda|kami|kita|вы|ваш\w*|мы|наш\w*)\b", re.I)
# "By Ana Ruiz", "By Ana Ruiz, Staff Writer", "By Ana Ruiz in Taipei"
BY_NAME = re.compile(r"^\W*\p{L}{2,4}\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}"
                     r"(?:\s*[,|·•–—-]|\s+\p{Ll}{2,3}\s+\p{Lu}|\s*$)")
SITE_TALK = gated(re.compile(r"\b(?:website|site|page|app|browser|cookies?|newsletter|inbox|subscri\w+|account|device|"
                       r"consent|preferences|accept|navigation|"
                       r"experience|notifications?|e-?mail|sign(?:ed)? ?up|log ?in|ad ?blocker|"
                       r"webseite|sitio|página|navegador|boletín|site web|navigateur|situs|laman|сайт)\b", re.I))
SELF = re.compile(r"\b(?:this|our) (?:article|story|post|page|site|website|report)\b|"
                  r"\b(?:dieser|diesen) (?:artikel|beitrag)|\beste (?:artículo|artigo)|\bcet article|"
                  r"\bartikel ini|\bэта статья|\bbài viết này", re.I)
QUOTE = re.compile(r"[“”\"«»„]")


def site_words(source: str | None) -> str:
    """The site's name as letters only ("coastlinedaily" for coastlinedaily.net)."""
    if not source:
        return ""
    label = source.split(".")[0] if source.count(".") <= 1 else source.split(".")[-2]
    label = re.sub(r"[^\p{L}\p{N}]", "", label.casefold())
    return label if len(label) >= 5 else ""


def score(ln: Line, ctx: DocContext, site: str) -> tuple[float, float]:
    """(shape and position score, score of signals specific to furniture)."""
    n = ln.n_words
    edge = ln.zone != "body"
    shape = (1.0 if n <= 6 else 0.5 if n <= 12 else 0.0) + (0.5 if not ln.sentence else 0.0) + (1.0 if edge else 0.0)
    spec = 0.0
    furniture = furniture_count(ln.text)
    spec += 1.0 if furniture == 1 else 1.5 if furniture >= 2 else 0.0
    if n <= 6:
        spec += 0.5 * min(2, len(WEAK_FURNITURE.findall(ln.text)))
    if copyright_notice(ln.text):
        spec += 1.5
    table_row = ln.text.lstrip().startswith("|")
    if edge and n <= 14 and not table_row and len(NAV.findall(URL.sub(" ", ln.text.strip()))) >= 2:
        spec += 1.0
    byline = bool(BYLINE.search(ln.text)) and (n <= 8 or (n <= 14 and not ln.sentence))
    if byline:
        spec += 1.0 if DATE.search(ln.text) or BY_NAME.search(ln.text) else 0.5
    elif n <= 14 and ln.zone == "head" and DATE.search(ln.text) and not ln.sentence:
        spec += 1.0
    if CREDIT.search(ln.text):
        spec += 1.0
    if edge and n <= 16 and TAG_LIST.search(ln.text):
        spec += 1.0
    if edge and len(SITE_TALK.findall(ln.text)) >= 3 and len(ADDRESS.findall(ln.text)) >= 2:
        spec += 1.0  # "you agree to the storing of cookies on your device to enhance site navigation"
    if site and not ln.sentence and site in re.sub(r"[^\p{L}\p{N}]", "", ln.text.casefold()):
        spec += 1.0
    if spec and ADDRESS.search(ln.text):
        spec += 0.5
    elif ln.sentence and n >= 6 and not (copyright_notice(ln.text) or SELF.search(ln.text)):
        spec *= 0.5  # a sentence about someone else's newsletter is news, not furniture
    if ln.key and ctx.site.sites_with(ln.key) >= 2 and n <= 20:
        spec += 1.5
    if QUOTE.search(ln.text):
        shape -= 0.5 if SITE_TALK.search(ln.text) else 1.0
    if ln.zone == "body" and ln.sentence and n >= 15:
        shape -= 2.0
    if n > 16:  # a long line needs the site-talk pattern: reader-addressing, at the edge
        talk = len(SITE_TALK.findall(ln.text))
        if not (edge and talk >= 2 and ADDRESS.search(ln.text) and n <= 45):
            shape -= 10.0
    return shape, spec


class GenericBoilerplate(LineRule):
    name = "boilerplate"

    def __init__(self, cfg: GenericConfig) -> None:
        super().__init__(cfg.enabled)
        self.cfg = cfg

    def label(self, page: Page, ctx: DocContext) -> None:
        site = site_words(ctx.source)
        threshold = 2.5 * self.cfg.min_score
        for ln in page.lines:
            if not ln.kept or is_title(ln, ctx) or (ln.zone == "body" and ln.n_words > 16):
                continue  # a long body line is never furniture on shape (score() would say -10)
            if not any(c.isalnum() for c in ln.text):
                continue
            shape, spec = score(ln, ctx, site)
            if spec >= 1.0 and shape + spec >= threshold:
                ln.label = self.name
