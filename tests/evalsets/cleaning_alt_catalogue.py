"""Catalogue of the held-out-style cleaning set (see cleaning_alt.py): sites, boilerplate,
spam, damage scripts and negative controls written for this set only. Nothing here is
copied from the DEV generator's catalogue; ``dev_overlaps`` checks that mechanically.

Strings with ``{...}`` are templates (literal braces doubled). Per-language tables are keyed
by a language code: en es id fr pt de ru ko (ja, zh: related headings only).
"""

from __future__ import annotations

import re

AUTHORS = {
    "en": [
        "Hana Okafor",
        "Rafael Quintero",
        "Dewi Santoso",
        "Liam Fitzgerald",
        "Chiara Lombardi",
        "Oluwaseun Adeyemi",
        "Mei Tanaka",
        "Ingrid Solberg",
        "Arjun Mehta",
        "Carmen Vidal",
    ],
    "pt": ["Gabriel Souza", "Fernanda Ribeiro", "Thiago Martins"],
    "de": ["Tobias Kramer", "Johanna Weiß", "Felix Hartmann"],
    "ru": ["Анна Смирнова", "Дмитрий Волков", "Ольга Кузнецова"],
    "ko": ["김민준", "이서연", "박지훈"],
}
EDITORS = ["Siti Rahmawati", "Bayu Pratama", "Yusuf Demir"]
AGENCIES = ["EPA", "Xinhua", "Anadolu Agency", "Kyodo News", "dpa", "Antara Foto", "Yonhap", "ANP"]
PHOTOGRAPHERS = ["Erik Lindqvist", "Rina Hartono", "Paulo Mendes", "Kim Ji-ho", "Sophie Marchand"]
PARTNERS = ["ProPublica", "Rest of World", "CalMatters", "Mongabay", "Inside Climate News"]
CITIES = ["Manila", "Osaka", "Busan", "Taipei", "Hanoi", "Jakarta", "Bangkok"]
TAGS = {
    "en": [
        "Transport",
        "Education",
        "Housing",
        "Energy",
        "Elections",
        "Courts",
        "Agriculture",
        "Media",
        "Travel",
        "Labour",
    ],
    "es": ["Inmigración", "Vivienda", "Educación", "Elecciones", "Salud", "Empleo"],
    "id": ["Internasional", "Hukum", "Ekonomi Global", "Teknologi", "Olahraga"],
    "fr": ["Politique", "Environnement", "Transport", "Santé", "Éducation"],
}


# ------------------------------------------------------------------ generic boilerplate
GEN: dict[str, dict[str, list]] = {
    "ad_label": {
        "en": ["Sponsored", "Story continues below this ad"],
        "es": ["Publicidad", "PUBLICIDAD"],
        "id": ["Iklan", "Gulir ke bawah untuk melanjutkan"],
        "fr": ["PUBLICITÉ", "Publicité"],
        "pt": ["Publicidade", "CONTINUA DEPOIS DA PUBLICIDADE"],
        "de": ["Anzeige", "– Anzeige –"],
        "ru": ["Реклама"],
        "ko": ["광고"],
    },
    "share_bar": {
        "en": [
            ["Post to Facebook", "Post to X", "Send by WhatsApp", "Copy link"],
            ["SHARE", "Email this story", "Print this page"],
        ],
        "es": [["Comparte esta noticia", "Compartir en WhatsApp", "Compartir en X", "Copiar enlace"]],
        "id": [["Bagikan artikel ini:", "WhatsApp", "Telegram", "Salin tautan"]],
        "fr": [["Partager cet article", "Partager sur Facebook", "Envoyer par courriel"]],
        "pt": [["Compartilhe esta notícia:", "Compartilhar no WhatsApp", "Compartilhar no Facebook"]],
        "de": [["Artikel teilen", "Per E-Mail versenden", "Link kopieren"]],
        "ru": [["Поделиться:", "ВКонтакте", "Одноклассники"]],
        "ko": [["공유하기", "카카오톡", "페이스북", "URL 복사"]],
    },
    "follow": {
        "en": [
            "Follow us on Instagram, Threads and Bluesky for breaking updates.",
            "Get breaking alerts first: follow our channel on WhatsApp.",
        ],
        "es": ["Síguenos en Facebook, Instagram y TikTok"],
        "id": [
            "Ikuti kami di Google News untuk berita terbaru",
            "Dapatkan update berita pilihan setiap hari di kanal WhatsApp kami.",
        ],
        "fr": ["Suivez-nous sur Facebook et Instagram"],
        "pt": ["Siga-nos no Instagram e no WhatsApp"],
        "de": ["Folgen Sie uns auf Instagram und Mastodon"],
        "ru": ["Подписывайтесь на наш канал в Telegram"],
        "ko": ["네이버 뉴스에서 구독하기"],
    },
    "newsletter": {
        "en": [
            "Get the five stories you need each morning — sign up for our free briefing.",
            "Enjoyed this story? Join 40,000 readers who get our weekday email.",
        ],
        "es": ["Suscríbete a nuestro boletín y recibe las noticias del día"],
        "id": ["Berlangganan buletin kami, gratis setiap pagi"],
        "fr": ["Inscrivez-vous à notre infolettre quotidienne"],
        "pt": ["Assine a newsletter e receba as principais notícias do dia"],
        "de": ["Jetzt den kostenlosen Newsletter abonnieren"],
        "ru": ["Подпишитесь на нашу рассылку"],
        "ko": ["뉴스레터 구독 신청"],
    },
    "cookie": {
        "en": [
            "By clicking “Accept all”, you agree to the storing of cookies on your device to enhance site navigation.",
            "We and our partners store and access information on your device, such as cookies, to "
            "show personalised ads.",
        ],
        "es": ["Utilizamos cookies propias y de terceros. Si continúas navegando, consideramos que aceptas su uso."],
        "id": ["Situs ini menggunakan cookie untuk memberikan pengalaman terbaik."],
        "fr": ["Ce site utilise des témoins (cookies) pour améliorer votre expérience."],
        "pt": [
            "Usamos cookies para melhorar sua experiência. Ao continuar, você concorda com a nossa "
            "Política de Privacidade."
        ],
        "de": ["Wir verwenden Cookies, um Inhalte zu personalisieren. Mit der Nutzung der Seite stimmen Sie dem zu."],
        "ru": ["Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим."],
        "ko": ["이 사이트는 쿠키를 사용합니다. 계속 이용하시면 쿠키 사용에 동의하는 것으로 간주됩니다."],
    },
    "comment_form": {
        "en": [
            [
                "Have your say",
                "Comments are reviewed before they appear. Be kind.",
                "Display name",
                "Your comment",
                "Submit",
            ],
            ["Add a comment", "You must be logged in to comment.", "Log in", "Create an account"],
        ],
        "es": [
            [
                "Deja un comentario",
                "Tu dirección de correo electrónico no será publicada.",
                "Correo electrónico",
                "Publicar comentario",
            ]
        ],
        "id": [["Tinggalkan Komentar", "Alamat email Anda tidak akan dipublikasikan.", "Kirim Komentar"]],
        "fr": [["Laisser un commentaire", "Votre adresse courriel ne sera pas publiée.", "Envoyer"]],
        "pt": [["Deixe um comentário", "O seu endereço de e-mail não será publicado.", "Publicar comentário"]],
        "de": [["Kommentar schreiben", "Ihre E-Mail-Adresse wird nicht veröffentlicht.", "Kommentar absenden"]],
        "ru": [["Добавить комментарий", "Ваш адрес email не будет опубликован.", "Отправить комментарий"]],
        "ko": [["댓글 쓰기", "댓글 등록"]],
    },
    "read_more_tail": {
        "en": ["Keep reading ›", "[Continue to full story]"],
        "es": ["Leer más ›"],
        "id": ["Baca selengkapnya »"],
        "fr": ["Lire la suite…"],
        "pt": ["Continue lendo →"],
        "de": ["Weiterlesen »"],
        "ru": ["Читать далее →"],
        "ko": ["기사 더보기 ▶"],
    },
    "related_heading": {
        "en": ["See also", "Further reading", "More on this story", "Trending now"],
        "es": ["Ver también", "Te puede interesar"],
        "id": ["Lihat juga", "Berita terkait"],
        "fr": ["À lire aussi", "Sur le même sujet"],
        "pt": ["Leia também", "Notícias relacionadas"],
        "de": ["Siehe auch", "Mehr zum Thema"],
        "ru": ["Смотрите также", "Ещё по теме"],
        "ko": ["관련 기사", "많이 본 뉴스"],
        "ja": ["関連記事", "あわせて読みたい"],
        "zh": ["相关新闻", "推荐阅读"],
    },
    "inline_related": {
        "en": ["ALSO READ: {title}", "Related coverage: {title}"],
        "es": ["Ver también: {title}", "LEA TAMBIÉN: {title}"],
        "id": ["Lihat juga: {title}", "Simak juga: {title}"],
        "fr": ["À lire aussi : {title}"],
        "pt": ["Leia também: {title}"],
        "de": ["Lesen Sie auch: {title}"],
        "ru": ["Читайте ещё: {title}"],
        "ko": ["관련기사: {title}"],
    },
    "post_nav": {
        "en": [["« Previous story: {title}", "Next story: {title} »"]],
        "es": [["← Anterior: {title}", "Siguiente: {title} →"]],
        "id": [["Artikel sebelumnya: {title}", "Artikel selanjutnya: {title}"]],
        "fr": [["Article précédent : {title}", "Article suivant : {title}"]],
        "pt": [["Notícia anterior: {title}", "Próxima notícia: {title}"]],
        "de": [["Vorheriger Artikel: {title}", "Nächster Artikel: {title}"]],
        "ru": [["Предыдущая статья: {title}", "Следующая статья: {title}"]],
        "ko": [["이전 기사: {title}", "다음 기사: {title}"]],
    },
    "tags": {
        "en": ["Topics: {tags}", "Filed under: {tags}"],
        "es": ["Etiquetas: {tags}"],
        "id": ["Tag: {tags}"],
        "fr": ["Mots-clés : {tags}"],
    },
    "photo_credit": {
        "en": [
            "Photo: {person}/{agency}",
            "Header image courtesy of {agency}",
            "Illustration by {site} staff; source photo {agency}",
        ],
        "es": ["Foto: {person}/{agency}", "Fotografía: {agency}"],
        "id": ["Foto: {agency}/{person}", "Ilustrasi: {agency}"],
        "fr": ["Photo : {person}/{agency}"],
        "pt": ["Foto: {person}/Divulgação", "Crédito da imagem: {agency}"],
        "de": ["Foto: {agency}/{person}", "Bild: {agency}"],
        "ru": ["Фото: {agency}"],
        "ko": ["사진={agency}"],
    },
    "originally": {
        "en": [
            "A version of this story originally appeared in {partner} and is republished under a "
            "Creative Commons licence.",
            "This story was produced by {partner} and is republished with permission.",
        ],
        "es": ["Este artículo fue publicado originalmente en {partner}."],
        "id": ["Artikel ini pertama kali tayang di {partner}."],
        "fr": ["Cet article a d’abord été publié par {partner}."],
        "pt": ["Este texto foi publicado originalmente em {partner}."],
        "de": ["Dieser Beitrag erschien zuerst bei {partner}."],
        "ru": ["Материал впервые опубликован на сайте {partner}."],
        "ko": ["이 기사는 {partner}에 먼저 게재됐습니다."],
    },
    "copyright": {
        "en": [
            "© {site} {year}. Some rights reserved.",
            "Copyright {year} {site} Inc. Reproduction in whole or in part without permission is prohibited.",
        ],
        "es": ["© {year} {site}. Todos los derechos reservados."],
        "id": ["Hak Cipta © {year} {site}. Dilarang mengutip tanpa izin redaksi."],
        "fr": ["© {site}, {year}. Tous droits réservés."],
        "pt": ["© {year} {site}. Todos os direitos reservados. Proibida a reprodução sem autorização."],
        "de": ["© {site} {year} – Alle Rechte vorbehalten."],
        "ru": ["© {year} {site}. Перепечатка материалов без согласия редакции запрещена."],
        "ko": ["ⓒ {site}, 무단전재 및 재배포 금지"],
    },
}

# Ad-tag script text that scrapers keep as text (a line of its own, or glued to a paragraph).
SCRIPT_ADS = [
    "googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-{n}-0'); }});",
    "window._taboola = window._taboola || []; _taboola.push({{mode: 'thumbnails-a', "
    "container: 'taboola-below-article-{n}'}});",
    "var ezstandalone = window.ezstandalone || {{}}; ezstandalone.cmd = ezstandalone.cmd || []; "
    "ezstandalone.cmd.push(function() {{ ezstandalone.showAds({n}); }});",
    "(window.__mgq = window.__mgq || []).push(['widget', 'mgid-{n}']);",
]


# ------------------------------------------------------------------ spam
SPAM = {
    "ko": ["바카라사이트", "먹튀검증", "파워볼사이트", "온라인슬롯", "에볼루션카지노"],
    "zh": ["百家乐平台", "时时彩计划", "真人娱乐城", "足球投注网"],
    "ja": ["ネットカジノ入金不要", "スロット必勝攻略", "ブックメーカー投資"],
    "th": ["บาคาร่าออนไลน์", "สล็อตเว็บตรง", "แทงบอลออนไลน์", "เว็บพนันถูกกฎหมาย"],
    "id": [
        "slot88 maxwin",
        "bandar togel terpercaya",
        "link alternatif sbobet",
        "daftar slot deposit pulsa",
        "rtp slot live",
    ],
    "vi": [
        "nhà cái uy tín",
        "soi kèo bóng đá hôm nay",
        "nổ hũ đổi thưởng",
        "tải game bài đổi thưởng",
        "cá cược bóng đá trực tuyến",
    ],
    "url": [
        "https://bk8-thai99.com",
        "http://maxwin-slot88.vip",
        "https://meoktwi-verify.kr",
        "www.nhacai-uytin.vn",
        "https://baccarat-royal.top",
        "http://togel-sgp.live",
    ],
}
# how tokens are injected: Latin-script phrases stand alone or in brackets; other scripts are
# also glued to the end of a word (as in "Bangkokบาคาร่าออนไลน์")
SPAM_MODES = {
    "url": ["url_after_sentence"],
    "id": ["standalone", "standalone", "bracket"],
    "vi": ["standalone", "standalone", "bracket"],
    "*": ["glue_end", "glue_end", "standalone", "bracket"],
}
BRACKETS = {"ko": "[{}]", "zh": "【{}】", "ja": "【{}】", "th": "[{}]", "id": "({})", "vi": "({})"}
SPAM_LINES = [
    "{th} {th2} ฝากถอนไม่มีขั้นต่ำ {url}",
    "{vi} – {vi2} tại {url}",
    "Daftar sekarang: {id} + {id2} {url}",
    "{ko} {ko2} 가입코드 777 {url}",
    "【{zh}】{ja} {url}",
]


# ------------------------------------------------------------------ sites
# header/footer: (line, probability), site_repeated; byline: (template, p), site_template;
# breadcrumb: (template, p) -- with {title}: a duplicated title, without: a site template;
# title_decor: (template, p), the title repeated as "Title | Site" / "Site - Title".
# ui: language of the furniture ("article": the article's language). Values may be dicts by language.
# whole_doc: chance that a damaged document is mojibaked whole (default 0.1).
SITES = [
    {
        "name": "The Ridgeback Courier",
        "domain": "ridgebackcourier.com",
        "sep": "\n\n",
        "langs": ["en"],
        "ui": "en",
        "header": [
            ("Sections ▾  |  Today’s Paper  |  Subscribe for $1", 0.8),
            ("The Ridgeback Courier · Straight talk from the high plains", 0.7),
        ],
        "breadcrumb": [("Home › {section} › {title}", 0.5)],
        "sections": ["News", "Region", "Nation", "Money"],
        "byline": [("By {author}, Staff Writer", 0.8), ("Published {iso}T{hh}:{mm}:00Z", 0.7)],
        "footer": [
            ("The Ridgeback Courier is published by Plainsview Media Group.", 0.7),
            ("Tips? Call the newsroom at 555-0143.", 0.5),
        ],
        "generic": {
            "share_bar": 0.5,
            "follow": 0.4,
            "script_tail": 0.35,
            "related_heading": 0.5,
            "photo_credit": 0.5,
            "comment_form": 0.5,
            "copyright": 0.8,
            "newsletter": 0.4,
        },
        "dup_title": 0.3,
        "spam": 0.4,
        "spam_langs": ["ko", "ko", "zh", "url", "id", "vi"],
        "damage": 0.5,
    },
    {
        "name": "Lakeshore Sentinel",
        "domain": "lakeshoresentinel.net",
        "sep": "\n",
        "langs": ["en"],
        "ui": "en",
        "header": [("LAKESHORE SENTINEL  ☰  Local  Lake County  Schools  Crime  Weather", 0.85)],
        "title_decor": [("{title} | Lakeshore Sentinel", 0.5)],
        "byline": [("{author} | {iso}", 0.8)],
        "footer": [
            ("Lakeshore Sentinel Co-operative · Member-owned since 1988", 0.6),
            ("Report a correction: corrections@lakeshoresentinel.net", 0.6),
        ],
        "generic": {
            "ad_label": 0.8,
            "script_line": 0.4,
            "inline_related": 0.5,
            "newsletter": 0.5,
            "cookie": 0.4,
            "tags": 0.5,
            "originally": 0.3,
            "read_more_tail": 0.3,
        },
        "dup_title": 0.2,
        "spam": 0.35,
        "spam_langs": ["ko", "th", "url", "id", "zh"],
        "damage": 0.5,
    },
    {
        "name": "El Puente Herald",
        "domain": "elpuenteherald.com",
        "sep": "\r\n",
        "langs": ["en"],
        "ui": "es",
        "header": [
            ("Inicio  Noticias  Inmigración  Negocios  Deportes  Opinión", 0.85),
            ("El Puente Herald — la voz bilingüe del valle", 0.7),
        ],
        "breadcrumb": [("Inicio / {section} / {title}", 0.5)],
        "sections": ["Mundo", "Nacional", "Comunidad"],
        "byline": [("Por {author} | {date_es}", 0.8)],
        "footer": [("El Puente Herald es una publicación de Frontera Media LLC.", 0.7)],
        "generic": {
            "ad_label": 0.8,
            "share_bar": 0.5,
            "follow": 0.5,
            "inline_related": 0.5,
            "related_heading": 0.4,
            "comment_form": 0.4,
            "copyright": 0.7,
            "photo_credit": 0.5,
            "read_more_tail": 0.3,
        },
        "dup_title": 0.3,
        "spam": 0.3,
        "spam_langs": ["ko", "url", "vi", "zh"],
        "damage": 0.4,
    },
    {
        "name": "Kabar Asia Daily",
        "domain": "kabarasiadaily.id",
        "sep": "\n\n",
        "langs": ["en"],
        "ui": "id",
        "header": [
            ("Beranda | Nasional | Internasional | Ekonomi | Olahraga | Indeks", 0.85),
            ("Kabar Asia Daily — edisi bahasa Inggris", 0.6),
        ],
        "breadcrumb": [("Beranda › {section} › {title}", 0.4)],
        "sections": ["Internasional", "Ekonomi", "Dunia"],
        "byline": [("Penulis: {author} | Editor: {editor}", 0.8), ("{date_id} | {hh}:{mm} WIB", 0.7)],
        "footer": [("Kabar Asia Daily telah terverifikasi Dewan Pers.", 0.7)],
        "generic": {
            "ad_label": 0.7,
            "inline_related": 0.6,
            "read_more_tail": 0.3,
            "share_bar": 0.4,
            "follow": 0.5,
            "script_tail": 0.3,
            "copyright": 0.6,
            "tags": 0.3,
        },
        "dup_title": 0.3,
        "spam": 0.7,
        "spam_langs": ["id", "id", "vi", "vi", "url", "ko", "th"],
        "damage": 0.4,
    },
    {
        "name": "Two Rivers Bulletin",
        "domain": "tworiversbulletin.ca",
        "sep": "\n",
        "langs": ["en"],
        "ui": "fr",
        "header": [
            ("Two Rivers Bulletin | Le Bulletin des Deux-Rivières", 0.85),
            ("Actualités · Nouvelles locales · Sports · Arts", 0.6),
        ],
        "title_decor": [("Two Rivers Bulletin - {title}", 0.4)],
        "byline": [("{author} — {iso}T{hh}:{mm}:00-05:00", 0.7)],
        "footer": [("Ce média est membre du Conseil de presse du Québec.", 0.6)],
        "generic": {
            "ad_label": 0.8,
            "related_heading": 0.5,
            "share_bar": 0.4,
            "newsletter": 0.4,
            "cookie": 0.4,
            "post_nav": 0.3,
            "photo_credit": 0.4,
            "tags": 0.3,
        },
        "dup_title": 0.3,
        "spam": 0.3,
        "spam_langs": ["ko", "zh", "ja", "url"],
        "damage": 0.4,
    },
    {
        "name": "Pacific Rim Monitor",
        "domain": "pacrimmonitor.com",
        "sep": "\n\n",
        "langs": ["en"],
        "ui": "en",
        "ui_mix": {"related_heading": ["ko", "ja", "zh"]},
        "header": [
            ("PACIFIC RIM MONITOR", 0.8),
            ("Asia-Pacific · Markets · Tech · Security · 한국어 · 日本語 · 中文", 0.8),
        ],
        "breadcrumb": [("Home › World › Asia › {title}", 0.4)],
        "byline": [("Staff Reporter · Updated {iso} {hh}:{mm} KST", 0.6), ("By {author} in {city}", 0.5)],
        "footer": [("Pacific Rim Monitor is an independent newsroom funded by readers in 40 countries.", 0.7)],
        "generic": {
            "related_heading": 0.6,
            "ad_label": 0.5,
            "script_line": 0.3,
            "photo_credit": 0.5,
            "tags": 0.4,
            "newsletter": 0.3,
            "originally": 0.3,
        },
        "dup_title": 0.4,
        "spam": 0.7,
        "spam_langs": ["th", "th", "ko", "zh", "ja", "url"],
        "damage": 0.4,
    },
    {
        "name": "Vale em Foco",
        "domain": "valeemfoco.com.br",
        "sep": "\n",
        "langs": ["pt"],
        "ui": "pt",
        "header": [
            ("Início | Cidades | Educação | Esporte | Cultura | Classificados", 0.9),
            ("Vale em Foco — notícias do Vale do Itajaí", 0.7),
        ],
        "breadcrumb": [("Início » {section} » {title}", 0.5)],
        "sections": ["Cidades", "Educação", "Esporte"],
        "byline": [("Por {author} em {date_pt}", 0.8)],
        "footer": [("Vale em Foco: jornalismo local desde 2009.", 0.7)],
        "generic": {
            "ad_label": 0.7,
            "related_heading": 0.5,
            "share_bar": 0.5,
            "follow": 0.4,
            "comment_form": 0.4,
            "copyright": 0.7,
            "post_nav": 0.3,
        },
        "dup_title": 0.3,
        "spam": 0.4,
        "spam_langs": ["url", "id"],
        "damage": 0.7,
        "whole_doc": 0.5,
    },
    {
        "name": "Mosaik Rundschau",
        "domain": "mosaik-rundschau.eu",
        "sep": "\n\n",
        "langs": ["de", "ru", "ko"],
        "ui": "article",
        "header": [("Mosaik Rundschau · Europa · Welt · Kultur · Wissen", 0.9)],
        "breadcrumb": {
            "de": [("Startseite › Wissen › {title}", 0.5)],
            "ru": [("Главная / Статьи / {title}", 0.5)],
            "ko": [("홈 > 연예 > {title}", 0.5)],
        },
        "byline": {
            "de": [("Von {author} | {date_de}", 0.8)],
            "ru": [("Автор: {author} · {date_ru}", 0.8)],
            "ko": [("{author} 기자 | 입력 {date_ko}", 0.8)],
        },
        "footer": [("Mosaik Rundschau — Presseschau in vielen Sprachen.", 0.7)],
        "generic": {
            "ad_label": 0.7,
            "related_heading": 0.5,
            "share_bar": 0.4,
            "copyright": 0.7,
            "follow": 0.4,
            "cookie": 0.3,
        },
        "dup_title": 0.3,
        "spam": 0.5,
        "spam_langs": ["url"],
        "damage": 0.5,
        "whole_doc": 0.3,
    },
]


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


# ------------------------------------------------------------------ disjointness from DEV
def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in _strings(v)]
    return []


def catalogue_strings() -> list[str]:
    return _strings(
        [
            AUTHORS,
            EDITORS,
            AGENCIES,
            PHOTOGRAPHERS,
            PARTNERS,
            CITIES,
            TAGS,
            GEN,
            SCRIPT_ADS,
            SPAM,
            SPAM_LINES,
            [{k: v for k, v in s.items() if k not in ("langs", "ui", "sep")} for s in SITES],
            KEEP,
            KEEP_SHARED,
        ]
    )


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def dev_overlaps(dev) -> list[tuple[str, str]]:
    """(DEV string, our string) pairs where a DEV catalogue string appears in ours: a DEV spam
    token, or a DEV phrase of 2+ words (a template's literal parts counted apart), anywhere
    (case-insensitive); a one-word DEV entry ("Related", "Website"...) as a whole string of ours."""
    spam = [t for toks in dev.SPAM.values() for t in toks]
    dev_sites = [{k: v for k, v in s.items() if k not in ("sep", "lang")} for s in dev.SITES]
    phrases = _strings(
        [
            dev.GENERIC,
            dev.SPAM_LINES,
            dev_sites,
            dev.AUTHORS,
            dev.PHOTO_AGENCIES,
            dev.PHOTOGRAPHERS,
            dev.PARTNERS,
            dev.TAG_POOL,
            dev.KEEP_BOILERPLATE_WORDS,
            dev.KEEP_CJK,
            dev.KEEP_GAMBLING_WORDS,
            dev.KEEP_URLS,
            dev.KEEP_SHARED,
        ]
    )
    multi, single = set(), set()
    for s in phrases:
        for frag in PLACEHOLDER.split(s):
            frag = frag.strip(" .,:;|·—-()*").casefold()
            n_words = len(re.findall(r"\w+", frag))
            if n_words >= 2:
                multi.add(frag)
            elif n_words == 1 and not PLACEHOLDER.search(s):
                single.add(frag)
    hits = []
    for o in catalogue_strings():
        low = o.casefold()
        hits += [(t, o) for t in spam if t.casefold() in low]
        hits += [(m, o) for m in multi if m in low]
        hits += [(w, o) for w in single if w == low.strip(" .,:;|·—-()*")]
    return sorted(set(hits))
