//! The gambling vocabulary the spam rules confirm structure with: terms in scripts
//! without spaces, Latin-script terms with their language, the words that chain onto a
//! term, and the words of spam hosts.

/// Gambling vocabulary in scripts without spaces: found as substrings.
pub const SPAM_CJK: [&str; 67] = [
    "토토", "카지노", "바카라", "슬롯", "먹튀", "메이저사이트", "메이저놀이터", "안전놀이터", "사설놀이터", "검증놀이터",
    "토토사이트", "안전사이트", "배팅", "베팅", "홀덤", "파워볼", "릴게임", "꽁머니", "룰렛", "잭팟", "도박", "경마",
    "스포츠분석", "온라인카지노", "라이브카지노", "赌场", "赌博", "博彩", "娱乐城", "百家乐", "老虎机", "投注", "下注",
    "真人荷官", "时时彩", "六合彩", "賭場", "賭博", "博弈", "棋牌", "彩金", "网赌", "網賭", "体育博彩", "线上赌",
    "線上賭", "カジノ", "パチンコ", "パチスロ", "スロット", "ブックメーカー", "オンカジ", "ギャンブル", "競馬予想",
    "คาสิโน", "สล็อต", "บาคาร่า", "แทงบอล", "พนัน", "เว็บตรง", "เครดิตฟรี", "ฝากถอน", "หวยออนไลน์", "казино",
    "букмекер", "игровые автоматы", "ставки на спорт",
];

/// Latin-script gambling terms with the language they belong to ("*": spam anywhere).
pub const SPAM_LATIN: [(&str, &str); 54] = [
    ("gacor", "*"), ("maxwin", "*"), ("sbobet", "*"), ("togel", "id"), ("judi", "id"), ("taruhan", "id"),
    ("slot88", "*"), ("situs slot", "id"), ("slot online", "*"), ("situs judi", "id"), ("agen judi", "id"),
    ("bandar togel", "id"), ("link alternatif", "id"), ("deposit pulsa", "id"), ("rtp slot", "*"),
    ("pola gacor", "id"), ("scatter hitam", "id"), ("akun pro", "id"), ("bocoran slot", "id"), ("judi bola", "id"),
    ("cá cược", "vi"), ("nhà cái", "vi"), ("nổ hũ", "vi"), ("tài xỉu", "vi"), ("đánh bạc", "vi"), ("cá độ", "vi"),
    ("lô đề", "vi"), ("kèo nhà cái", "vi"), ("soi kèo", "vi"), ("casino trực tuyến", "vi"), ("bắn cá", "vi"),
    ("game bài", "vi"), ("online casino", "*"), ("casino online", "*"), ("free spins", "*"),
    ("no deposit bonus", "*"), ("sportsbook", "*"), ("bet365", "*"), ("1xbet", "*"), ("tragamonedas", "es"),
    ("casino en línea", "es"), ("cassino online", "pt"), ("apostas esportivas", "pt"), ("sabung ayam", "id"),
    ("toto macau", "*"), ("toto sgp", "*"), ("slot demo", "*"), ("mahjong ways", "*"), ("pragmatic play", "*"),
    ("zeus slot", "*"), ("spaceman slot", "*"), ("hoki", "id"), ("jackpot slot", "*"), ("kasino", "*"),
];

/// Words that join a spam run without starting one ("slot gacor hari ini").
pub const SPAM_GLUE: [&str; 45] = [
    "slot", "online", "situs", "link", "daftar", "terpercaya", "terbaik", "hari", "ini", "resmi", "gampang", "menang",
    "uy", "tín", "trực", "tuyến", "uy tín", "casino", "bet", "poker", "bonus", "deposit", "gratis", "terbaru", "login",
    "alternatif", "vip", "top", "88", "77", "99", "365", "hôm", "nay", "2024", "2025", "2026", "thưởng", "tặng", "miễn",
    "phí", "jackpot", "spin", "baccarat", "roulette",
];

/// Words of a spam URL's host.
pub const SPAM_HOST: [&str; 20] = [
    "toto", "casino", "kasino", "slot", "gacor", "judi", "togel", "poker", "baccarat", "jackpot", "sbobet", "bandar",
    "maxwin", "nhacai", "cacuoc", "meoktwi", "muktwi", "totosite", "카지노", "토토",
];
