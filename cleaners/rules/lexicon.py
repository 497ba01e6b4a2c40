"""Word lists used as one signal among several: never as the whole mechanism.

- Stopword profiles give a cheap language guess for Latin-script text (a gambling term is
  foreign in an English story but may be the subject of an Indonesian one).
- Gambling/betting/casino vocabulary in many languages and scripts: spam is defined by its
  topic, so its vocabulary is the natural signal; rules only act on it together with
  structure (glued to a word, inserted mid-phrase without quotes or gloss, next to a spam
  URL, a line with no sentence in it).
- Web-furniture vocabulary (share, subscribe, comment, cookies, related...) in several
  languages, which raises a short edge line's boilerplate score but never removes a line
  alone.
This is general vocabulary of each category, not phrases copied from the evaluation sets.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex as re

from cleaners.rules.gate import gated

STOPWORDS = {
    "en": "the and of to in a is that for it on was with as by at he she from are be this have has an not but "
          "they his her said were which will or their its",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah ke juga oleh karena sudah bisa "
          "telah ada mereka kami saat",
    "vi": "và của là có được trong cho các những này với một người không đã từ khi đến cũng như theo",
    "es": "el la de que y en los las del se por un una con para es al lo como más pero sus le ya",
    "pt": "o a de que e do da em um uma para com não os as no na se por mais dos das foi ao",
    "fr": "le la les de des et en un une du que est pour dans qui au sur pas par plus ce avec ne",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an",
    "it": "il di che e la per un in del non una sono le si con della al dei gli da è",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er ook als",
    "tl": "ang ng sa mga na at ay si ni kay para hindi ito",
}
_PROFILES = {lang: set(ws.split()) for lang, ws in STOPWORDS.items()}
WORD_RE = re.compile(r"\p{L}+")


def latin_language(text: str) -> str:
    """Best stopword profile for a Latin-script text ("en" when nothing stands out)."""
    found = Counter(WORD_RE.findall(text[:20_000].casefold()))
    n = sum(found.values())
    if not n:
        return "en"
    counts = {lang: sum(found[w] for w in prof if w in found) for lang, prof in _PROFILES.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 0.05 * n else "en"


# Gambling vocabulary in scripts without spaces: matched as substrings of a token run.
SPAM_CJK = (
    # Korean: toto/major-site/playground-site spam, casino, baccarat, slots, "eat-and-run" checks
    "토토", "카지노", "바카라", "슬롯", "먹튀", "메이저사이트", "메이저놀이터", "안전놀이터", "사설놀이터",
    "검증놀이터", "토토사이트", "안전사이트", "배팅", "베팅", "홀덤", "파워볼", "릴게임", "꽁머니", "룰렛",
    "잭팟", "도박", "경마", "스포츠분석", "온라인카지노", "라이브카지노",
    # Chinese
    "赌场", "赌博", "博彩", "娱乐城", "百家乐", "老虎机", "投注", "下注", "真人荷官", "时时彩", "六合彩",
    "賭場", "賭博", "博弈", "棋牌", "彩金", "网赌", "網賭", "体育博彩", "线上赌", "線上賭",
    # Japanese
    "カジノ", "パチンコ", "パチスロ", "スロット", "ブックメーカー", "オンカジ", "ギャンブル", "競馬予想",
    # Thai
    "คาสิโน", "สล็อต", "บาคาร่า", "แทงบอล", "พนัน", "เว็บตรง", "เครดิตฟรี", "ฝากถอน", "หวยออนไลน์",
    # Cyrillic
    "казино", "букмекер", "игровые автоматы", "ставки на спорт",
)
# Latin-script gambling terms with the language they belong to ("*" = none: spam anywhere).
SPAM_LATIN = {
    "gacor": "*", "maxwin": "*", "sbobet": "*", "togel": "id", "judi": "id", "taruhan": "id",
    "slot88": "*", "situs slot": "id", "slot online": "*", "situs judi": "id", "agen judi": "id",
    "bandar togel": "id", "link alternatif": "id", "deposit pulsa": "id", "rtp slot": "*",
    "pola gacor": "id", "scatter hitam": "id", "akun pro": "id", "bocoran slot": "id", "judi bola": "id",
    "cá cược": "vi", "nhà cái": "vi", "nổ hũ": "vi", "tài xỉu": "vi", "đánh bạc": "vi", "cá độ": "vi",
    "lô đề": "vi", "kèo nhà cái": "vi", "soi kèo": "vi", "casino trực tuyến": "vi", "bắn cá": "vi", "game bài": "vi",
    "online casino": "*", "casino online": "*", "free spins": "*", "no deposit bonus": "*",
    "sportsbook": "*", "bet365": "*", "1xbet": "*", "tragamonedas": "es", "casino en línea": "es",
    "cassino online": "pt", "apostas esportivas": "pt", "sabung ayam": "id", "toto macau": "*",
    "toto sgp": "*", "slot demo": "*", "mahjong ways": "*", "pragmatic play": "*", "zeus slot": "*",
    "spaceman slot": "*", "hoki": "id", "jackpot slot": "*", "kasino": "*",
}
# words that join a spam run without starting one ("slot gacor hari ini", "nhà cái uy tín")
SPAM_GLUE = {
    "slot", "online", "situs", "link", "daftar", "terpercaya", "terbaik", "hari", "ini", "resmi", "gampang",
    "menang", "uy", "tín", "trực", "tuyến", "uy tín", "casino", "bet", "poker", "bonus", "deposit", "gratis",
    "terbaru", "login", "alternatif", "vip", "top", "88", "77", "99", "365", "hôm", "nay", "2024", "2025",
    "2026", "thưởng", "tặng", "miễn", "phí", "jackpot", "spin", "baccarat", "roulette",
}
SPAM_HOST = re.compile(
    r"toto|casino|kasino|slot|gacor|judi|togel|bet(?!a)|poker|baccarat|jackpot|sbobet|bandar|maxwin|"
    r"nhacai|cacuoc|meoktwi|muktwi|totosite|카지노|토토", re.I)
SPAM_TLD = re.compile(r"\.(?:xyz|top|club|vip|bet|casino|win|icu|buzz|fun|cc|lol|live|monster)(?:[/:]|$)", re.I)

# Web furniture: calls to action and site machinery, several languages. A signal only.
# Strong: phrases that name the site's machinery; weak: words that do so only in short lines.
FURNITURE = gated(re.compile(
    r"\b(?:share (?:this|on|via)|shares?:|spread the love|share the love|sharing is caring|tweet|"
    r"subscribe|subscription|newsletters?|sign ?up|signing up|signup|log ?in|contributed (?:reporting|to this)|"
    r"sign in|create an account|register|follow us|follow (?:\w+ ){0,6}on|like us|comments?|leave a reply|"
    r"folgen sie uns|folge uns|siga-nos|síguenos|siguenos|suivez-nous|seguici|volg ons|ikuti kami|"
    r"следите за нами|подписывайтесь|"
    r"reply|cookies?|privacy policy|e-?mail address|required fields|will not be published|"
    r"terms of (?:use|service)|advertisements?|advertising|sponsored|promoted|read more|continue reading|"
    r"read next|more stories|see also|you may also like|you might also like|inbox|click|tap here|"
    r"download (?:our|the) app|all rights reserved|copyright|reproduction|loading\.*|skip to|"
    r"filed under|originally (?:appeared|published)|appeared (?:first )?on|republished|"
    r"anzeige|werbung|teilen|abonnieren|kommentar\w*|weiterlesen|mehr zum thema|auch interessant|siehe auch|"
    r"publicidad|compartir|suscr[ií]bete|comentarios?|leer m[aá]s|ver tambi[eé]n|"
    r"publicit[eé]|partager|abonnez|commentaires?|lire aussi|à lire aussi|voir aussi|"
    r"publicidade|compartilhe|assine|leia mais|leia também|veja também|"
    r"iklan|bagikan|berlangganan|baca juga|baca selengkapnya|lihat juga|komentar|"
    r"quảng cáo|chia sẻ|xem thêm|đọc thêm|bình luận|"
    r"реклама|поделиться|подписаться|читайте также|читать далее|комментари\w*|"
    r"광고|공유|구독|댓글|관련 ?기사|더보기|広告|シェア|購読|コメント|関連記事|続きを読む|"
    r"广告|分享|订阅|评论|相关阅读|相关新闻|阅读更多)\b",
    re.I,
))
WEAK_FURNITURE = gated(re.compile(
    r"\b(?:share|follow|like|email|e-mail|print|menu|search|home|navigation|previous|next|tags?|"
    r"categories|topics|photo|image|credit|related|recommended|popular|trending|latest|ad|ads|app|"
    r"foto|bild|imagen|gambar|фото|사진|写真)\b",
    re.I,
))
RELATED_LABEL = (
    r"(?:related(?: posts?| articles?| stories| story| news| content| coverage| reading)?|you may also like|"
    r"you might also like|recommended(?: for you| reading)?|more (?:from|on|stories|news)\b.*|more|see more|"
    r"read (?:more|next|also)|see also|also read|also see|also|don'?t miss|must read|popular(?: posts| stories)?|"
    r"trending(?: now)?|latest(?: news| posts)?|top stories|post navigation|more in \w+|"
    r"most (?:read|popular|viewed|shared)|meistgelesen|les plus lus|lo más leído|mais lidas|самое читаемое|"
    r"많이 본 ?(?:뉴스|기사)|인기 ?기사|推荐阅读|热门(?:文章|新闻)|人気記事|よく読まれている記事|"
    r"siehe auch|mehr zum thema|auch interessant|das könnte sie auch interessieren|lesen sie auch|"
    r"ver tambi[eé]n|te puede interesar|noticias relacionadas|lee también|"
    r"lire aussi|à lire aussi|voir aussi|sur le même sujet|"
    r"leia (?:mais|também)|veja também|not[ií]cias relacionadas|"
    r"baca juga|lihat juga|berita terkait|artikel terkait|"
    r"xem thêm|tin liên quan|bài viết liên quan|"
    r"читайте также|смотрите также|(?:ещё|еще) по теме|по теме|"
    r"관련 ?기사|관련 ?뉴스|추천 ?기사|関連記事|関連ニュース|相关阅读|相关新闻|延伸阅读)"
)
RELATED_HEADING = re.compile(r"^" + RELATED_LABEL + r"\W*$", re.I)
# "Read more: <headline>", "[Related: <headline>]", "SEE MORE » <headline>"
RELATED_PREFIX = re.compile(r"^\W{0,2}" + RELATED_LABEL + r"\s*[:：»›|–—-]\s*\S", re.I)


@lru_cache(maxsize=1 << 16)
def furniture_count(line: str) -> int:
    """Furniture phrases in a line (cached: lines recur across passes and documents)."""
    return len(FURNITURE.findall(line))
