"""Planters for single-document files (.txt, .html): each writes its cases under base/sub
and returns what the ledger must say about them (ids are paths relative to `base`)."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from tests.badinput.helpers import (
    EXTRACTION_REJECTS,
    KEPT,
    Planted,
    first_sentence,
    html_page,
    rejected,
    story,
)

BIG = 12_000_000  # over the default read.max_doc_bytes (8,000,000)

JA = ['東京都は十五日、新しい中央図書館を来年の春に開館すると発表した。図書館は駅の北口'
      'に建設され、約二十万冊の本と千席の閲覧席を備える予定だ。担当者は「子どもから高齢'
      '者まで、誰もが気軽に立ち寄れる場所にしたい」と話した。開館に合わせて、地元の作家'
      'による講演会や朗読会も開かれる。近くの商店街では、来館者の増加に期待する声が上が'
      'っている。',
      '大阪市の鉄道会社は二日、台風の接近に備えて明日の始発から一部の路線で運転を見合わ'
      'せると発表した。運休するのは市内を走る三つの路線で、再開の時刻は天候を見て判断す'
      'るという。会社の広報担当者は「利用者の安全を最優先に考えた」と説明した。気象台に'
      'よると、台風は夜にかけて近畿地方に最も近づく見込みで、大雨や強風への警戒が呼びか'
      'けられている。']
KO = ['서울시는 십오일 한강 공원을 따라 새로운 자전거 도로를 만든다고 밝혔다.'
      ' 이 도로는 내년 봄에 완공될 예정이며, 시민들은 출퇴근길과 주말 나들이'
      '에 이용할 수 있다. 시 관계자는 "누구나 안전하고 편리하게 달릴 수 있'
      '는 길을 만들겠다"고 말했다. 공사 기간 동안 일부 구간의 통행이 제한되'
      '며, 주민들은 대체로 환영하는 분위기다.',
      '부산의 전통 시장 상인들은 이번 주말부터 야간 장터를 연다고 발표했다. '
      '장터에서는 지역 농가에서 기른 채소와 과일, 바다에서 갓 잡은 생선을 저'
      '렴한 가격에 판매한다. 상인회 회장은 "젊은 손님들이 다시 시장을 찾도록'
      ' 다양한 행사를 준비했다"고 설명했다. 시는 방문객을 위해 주차장을 무료'
      '로 개방하고 셔틀버스를 운행할 계획이다.']
CP1252 = "The café’s “new” menu costs €12 — naïve critics praised the crème brûlée"
LATIN1 = "Señor Muñoz said the façade of the Straße café looked déjà vu, très chic and schön to Zoë"
GERMAN = "Grüße aus Köln — naïve façade, Äpfel und Öl"


class Where:
    """Writes files under base/sub; `id(name)` is the ledger id, `place(name)` the path users know."""

    def __init__(self, base: Path, sub: str) -> None:
        self.base, self.sub = base, sub
        (base / sub).mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: bytes | str) -> str:
        path = self.base / self.sub / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        return self.id(name)

    def normal(self, p: Planted, name: str = "normal.txt") -> None:
        """One ordinary article beside the bad cases (a run where everything is rejected is
        its own test: this keeps each category's test about its category)."""
        text = story()
        p.add(self.write(name, text), KEPT, contains=[first_sentence(text)])

    def id(self, name: str) -> str:
        return f"{self.sub}/{name}"

    def place(self, name: str) -> str:
        return f"{self.base}/{self.sub}/{name}"


def plant_empty(base: Path, sub: str = "empty") -> Planted:
    w, p = Where(base, sub), Planted()
    cases = [("zero.txt", b""), ("spaces.txt", b"  \n\t \r\n   "), ("zero.html", b""), ("blank.html", b"\n\n   \n"),
             ("bom_only.txt", b"\xef\xbb\xbf"), ("bom_spaces.txt", b"\xef\xbb\xbf  \n "),
             ("utf16_spaces.txt", "\ufeff  \n  ".encode("utf-16"))]
    for name, data in cases:
        p.add(w.write(name, data), rejected("empty"))
    p.add(w.write("nbsp.txt", "\u00a0\u2003 \u200b\n\u00a0"), rejected("empty", "empty_after_cleaning"))
    p.add(w.write("empty_body.html", "<html><head><title>x</title></head><body>  </body></html>"),
          rejected("empty", "extraction_empty", "empty_after_cleaning"))
    w.normal(p)
    return p


def plant_binary(base: Path, sub: str = "binary") -> Planted:
    w, p, rnd = Where(base, sub), Planted(), random.Random(8)
    p.add(w.write("noise.txt", rnd.randbytes(6000)), rejected("binary"))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rnd.randbytes(5000)
    p.add(w.write("image.html", png), rejected("binary"))
    p.add(w.write("archive.txt", gzip.compress(story().encode() * 3, mtime=0)), rejected("binary"))
    p.add(w.write("program.html", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20), rejected("binary"))
    w.normal(p)
    return p


def plant_nul(base: Path, sub: str = "nul") -> Planted:
    """A few NUL bytes inside otherwise-normal text: text, kept without the NULs."""
    w, p = Where(base, sub), Planted()
    for name in ("nul.txt", "nul.html"):
        text = story()
        body = text.replace(". ", ".\x00 ", 3)
        data = html_page(body) if name.endswith(".html") else body
        p.add(w.write(name, data), KEPT, contains=[first_sentence(text)], absent=["\x00"])
    w.normal(p)
    return p


def plant_bad_utf8(base: Path, sub: str = "badutf8") -> Planted:
    w, p = Where(base, sub), Planted()
    text = story()
    data = f"Our café reopened. {text}".encode().replace(b". ", b". \xff\xfe\xe2\x82 ", 1)
    p.add(w.write("stray_bytes.txt", data), KEPT, contains=[first_sentence(text), "café"])
    # invalid after a BOM: the README's `decode_error`
    p.add(w.write("bom_then_invalid.txt", b"\xef\xbb\xbf" + story().encode() + b" \xc3\x28 \xff"),
          rejected("decode_error"))
    p.add(w.write("utf16_bom_odd.txt", "\ufeff".encode("utf-16-le") + story().encode("utf-16-le") + b"\x41"),
          rejected("decode_error"))
    w.normal(p)
    return p


def plant_utf16(base: Path, sub: str = "utf16") -> Planted:
    w, p = Where(base, sub), Planted()
    cases = [("le_bom.txt", "utf-16-le", b"\xff\xfe"), ("be_bom.txt", "utf-16-be", b"\xfe\xff"),
             ("le_nobom.txt", "utf-16-le", b""), ("be_nobom.txt", "utf-16-be", b"")]
    for name, codec, bom in cases:
        text = story()
        p.add(w.write(name, bom + f"{GERMAN}. {text}".encode(codec)), KEPT, contains=[GERMAN, first_sentence(text)])
    text = story()
    page = html_page(f"{GERMAN}. {text}", head='<meta charset="utf-16">')
    p.add(w.write("page_bom.html", b"\xff\xfe" + page.encode("utf-16-le")), KEPT, contains=[first_sentence(text)])
    text = story()
    p.add(w.write("page_nobom.html", html_page(text, head="").encode("utf-16-le")), KEPT,
          contains=[first_sentence(text)])
    w.normal(p)
    return p


def plant_legacy(base: Path, sub: str = "legacy") -> Planted:
    """cp1252, latin-1, Shift-JIS, EUC-KR: decoded correctly, kept with their characters."""
    w, p = Where(base, sub), Planted()
    text = story()
    p.add(w.write("cp1252.txt", f"{CP1252}. {text}".encode("cp1252")), KEPT,
          contains=[CP1252, first_sentence(text)])
    text = story()
    p.add(w.write("latin1.txt", f"{LATIN1}. {text}".encode("latin-1")), KEPT, contains=[LATIN1])
    p.add(w.write("shift_jis.txt", JA[0].encode("shift_jis")), KEPT, contains=[JA[0].split("。")[0]])
    p.add(w.write("euc_kr.txt", KO[0].encode("euc_kr")), KEPT, contains=[KO[0].split(". ")[0]])
    head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    page = html_page(JA[1], title="台風で運休", head=head)
    p.add(w.write("shift_jis.html", page.encode("shift_jis")), KEPT, contains=[JA[1].split("。")[0]])
    p.add(w.write("euc_kr.html", html_page(KO[1], title="야간 장터", head="").encode("euc_kr")), KEPT,
          contains=[KO[1].split(". ")[0]])
    text = story()
    page = html_page(f"{CP1252}, again. {text}", head='<meta charset="x-no-such-charset">')
    p.add(w.write("unknown_charset.html", page.encode("utf-8")), KEPT, contains=[first_sentence(text)])
    w.normal(p)
    return p


def plant_large(base: Path, sub: str = "large") -> Planted:
    """One-line documents over the default limits: rejected `too_large`, never cut."""
    w, p = Where(base, sub), Planted()
    p.add(w.write("huge.txt", b"lorem " * (BIG // 6)), rejected("too_large"))
    p.add(w.write("huge.html", b"<html><body><p>" + b"ipsum " * (BIG // 6) + b"</p></body></html>"),
          rejected("too_large"))
    p.add(w.write("long_text.txt", b"dolor " * 500_000), rejected("too_large"))  # 3 MB: over read.max_text_chars
    w.normal(p)
    return p


def plant_repeated_word(base: Path, sub: str = "repeated", times: int = 2_000_000, lines: bool = True) -> Planted:
    """One word repeated millions of times (an exact copy too; on one line, and one per line):
    each accounted for. Under the default limits (10 MB, 2M words) they are `too_large`."""
    w, p = Where(base, sub), Planted()
    body = b"news " * times
    any_outcome = {KEPT, "duplicate", *rejected("too_large", "empty_after_cleaning")}
    p.add(w.write("news.txt", body), any_outcome)
    p.add(w.write("news_copy.txt", body), any_outcome)
    if lines:
        p.add(w.write("news_lines.txt", b"news\n" * times), any_outcome)
    w.normal(p)
    return p


def plant_html(base: Path, sub: str = "html") -> Planted:
    """Very deep nesting, malformed markup, pages of only script/style."""
    w, p = Where(base, sub), Planted()
    text = story()
    deep = "<html><body>" + "<div>" * 100_000 + html_page(text) + "</div>" * 100_000 + "</body></html>"
    p.add(w.write("deep_div.html", deep), {KEPT, *EXTRACTION_REJECTS}, contains=[first_sentence(text)])
    text = story()
    unclosed = "<html><body><article>" + "<span><b><i>" * 40_000 + "".join(f"<p>{q}" for q in text.split("\n\n"))
    p.add(w.write("deep_unclosed.html", unclosed), {KEPT, *EXTRACTION_REJECTS}, contains=[first_sentence(text)])
    text = story()
    a, b, c = text.split("\n\n")
    # misnested and unclosed tags, stray closers, bogus entities, a comment never closed:
    # the parser recovers and the paragraphs inside the article survive (closing the table
    # the article opened in also closes the article, so the third paragraph is outside it;
    # an unclosed attribute quote would swallow text up to the next quote, as in browsers)
    broken = (f"<html><head><title>Broken <b>page</title><body><<<>>> &bogus; &#xZZ; <table><tr><td>"
              f"<article><h1>Broken page</h1><p class=x><b><i>{a}</b></i></span></div><p>{b}</td></tr>"
              f"</table><p>{c}</article></body><div></html><!-- never closed")
    p.add(w.write("malformed.html", broken), KEPT, contains=[first_sentence(q) for q in (a, b)])
    p.add(w.write("garbage_tags.html", "<<<<>>>></p></p></div><html></html></body><br/><br/>" * 50),
          {"rejected:empty_after_cleaning", *EXTRACTION_REJECTS})
    script = "<script>var a = 'Breaking news: the mayor resigned today after a long council meeting';</script>"
    style = "<style>body { color: red } .article p { margin: 0 }</style>"
    only_script = rejected("extraction_empty", "empty_after_cleaning")
    p.add(w.write("script_only.html", f"<html><head>{style}{script}</head><body>{script * 30}</body></html>"),
          only_script, absent=["mayor resigned"])
    p.add(w.write("style_only.html", f"<html><head>{style * 200}</head><body><style>p {{}}</style></body></html>"),
          only_script)
    p.add(w.write("noscript.html", f"<html><body>{script * 3}<noscript>Please enable JavaScript to view this "
                                   "page.</noscript></body></html>"), only_script)
    w.normal(p)
    return p
