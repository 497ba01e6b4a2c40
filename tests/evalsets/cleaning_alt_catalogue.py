"""Catalogue of the held-out-style cleaning set (see cleaning_alt.py): people, boilerplate and
spam here; sites in cleaning_alt_sites.py, negative controls and language tables in
cleaning_alt_controls.py — all written for this set only. Nothing here is
copied from the DEV generator's catalogue; ``cleaning_alt_disjoint.dev_overlaps`` checks that.

Strings with ``{...}`` are templates (literal braces doubled). Per-language tables are keyed
by a language code: en es id fr pt de ru ko (ja, zh: related headings only).
"""

from __future__ import annotations

try:
    from .cleaning_alt_controls import (
        DAMAGE_MIX,
        DE_STOP,
        ID_DAYS,
        KEEP,
        KEEP_BOILERPLATE_EN,
        KEEP_SHARED,
        MONTHS,
        NAMED,
        PT_STOP,
        VOWELS,
    )
    from .cleaning_alt_sites import SITES
except ImportError:  # run as a script
    from cleaning_alt_controls import (  # type: ignore[no-redef]
        DAMAGE_MIX,
        DE_STOP,
        ID_DAYS,
        KEEP,
        KEEP_BOILERPLATE_EN,
        KEEP_SHARED,
        MONTHS,
        NAMED,
        PT_STOP,
        VOWELS,
    )
    from cleaning_alt_sites import SITES  # type: ignore[no-redef]

__all__ = ["DAMAGE_MIX", "DE_STOP", "ID_DAYS", "KEEP", "KEEP_BOILERPLATE_EN", "KEEP_SHARED", "MONTHS", "NAMED",
           "PT_STOP", "SITES", "VOWELS"]

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
