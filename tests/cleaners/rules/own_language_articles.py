"""News articles in ten languages, each with glosses in other scripts (a name in its own
script in brackets, a foreign word in quotes), and script-mixing spam to insert into them:
whole lines in a script foreign to the article, and a bracketed spam token dropped
mid-sentence into the alphabetic ones. Written for the tests; no sample text copied."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    lang: str
    title: str
    paras: tuple[str, ...]
    spam_line: str  # a line in a script foreign to the article, unrelated to it
    inline: tuple[str, str] | None = None  # (word to follow, bracketed spam token)

    @property
    def text(self) -> str:
        return "\n\n".join((self.title, *self.paras))


KO_SPAM = "바카라사이트 먹튀검증 안전놀이터 추천 가입코드 777 https://toto-safe77.top"
ZH_SPAM = "【百家乐平台】真人娱乐城 时时彩计划 足球投注网 https://bjl-888.vip"
TH_SPAM = "สล็อตเว็บตรง แทงบอลออนไลน์ ฝากถอนไม่มีขั้นต่ำ https://slot-th88.xyz"

ARTICLES = (
    Article("zh", "北京地铁十六号线南段年底开通 沿线居民通勤时间有望缩短", (
        "新华社北京12月1日电(记者 王明) 北京市交通委员会周一宣布(见附表);地铁十六号线南段将于今年十二月底正式开通运营。"
        "新线路全长约二十公里(含地下段十四公里),共设十二座车站,连接丰台区和房山区的多个居住区。",
        "据介绍,新线路采用全自动驾驶系统,高峰时段发车间隔将缩短至两分钟。交通委负责人表示,开通后沿线居民前往市中心的"
        "通勤时间预计可减少二十分钟左右。",
        "不少市民对此表示欢迎。在丰台区工作的李女士说,她每天需要换乘两次公交车才能到达单位,“新线路开通后,"
        "我可以直接坐地铁上班了。”",
        "值得一提的是,部分车站的换乘标识借鉴了首尔地铁的做法,在中文站名下方加注英文和韩文,例如“환승”(换乘,transfer)。"
        "车站内还设有由日本设计师参与打造的“見守り”(守护)服务区,为老人和儿童提供帮助。",
    ), TH_SPAM),
    Article("ja", "京都の老舗旅館、外国人客の増加で予約が三か月先まで埋まる", (
        "京都市東山区にある創業百五十年の老舗旅館では、今年の秋以降、外国人観光客の予約が急増している。"
        "女将の山田恵子さんによると、十一月の紅葉シーズンはすでに三か月先まで満室だという。",
        "宿泊客の半数以上は韓国や台湾、欧米からの旅行者だ。旅館では今年から英語と韓国語の案内を用意し、"
        "玄関には「환영합니다」(ようこそ)と書かれた木札を掛けている。",
        "山田さんは「一期一会の精神で、一人ひとりのお客様を大切にしたい」と話す。"
        "英語の案内では、この言葉を \"ichigo ichie\" (once in a lifetime) と紹介している。",
        "一方で、人手不足は深刻だ。府内の旅館組合の調べでは、加盟する旅館の約六割が従業員の確保に苦労していると答えた。"
        "組合は来年度、外国人従業員の研修制度を拡充する方針だ。",
    ), KO_SPAM),
    Article("ko", "부산 해운대 해수욕장, 올여름 방문객 천만 명 넘어", (
        "부산 해운대구는 올여름 해운대 해수욕장을 찾은 방문객이 천만 명을 넘어섰다고 1일 밝혔다. "
        "이는 지난해보다 약 12% 늘어난 수치로, 코로나19 이전 수준을 처음으로 회복한 것이다.",
        "특히 외국인 관광객이 크게 늘었다. 구청 관계자는 "
        "\"일본과 중국, 동남아시아에서 온 관광객이 눈에 띄게 많아졌다\"며 "
        "\"안내 표지판에 일본어 '海水浴場'과 중국어 '海滨浴场'을 함께 적었다\"고 설명했다.",
        "해수욕장 주변 상인들도 반기는 분위기다. 30년째 횟집을 운영하는 김영수 씨는 \"손님들이 메뉴판을 보며 "
        "'사시미(刺身)'라고 일본어로 주문하는 경우도 많다\"고 말했다.",
        "구는 내년부터 해수욕장 운영 기간을 9월 중순까지 늘리는 방안을 검토하고 있다. 다만 안전요원 확보와 수질 관리가 "
        "과제로 꼽힌다.",
    ), ZH_SPAM),
    Article("th", "เชียงใหม่เตรียมจัดเทศกาลยี่เป็ง คาดนักท่องเที่ยวทะลุหนึ่งล้านคน", (
        "จังหวัดเชียงใหม่เตรียมจัดงานเทศกาลยี่เป็งประจำปีระหว่างวันที่ 14 ถึง 16 พฤศจิกายนนี้ "
        "โดยคาดว่าจะมีนักท่องเที่ยวทั้งชาวไทยและชาวต่างชาติเดินทางมาร่วมงานมากกว่าหนึ่งล้านคน",
        "ผู้ว่าราชการจังหวัดกล่าวว่า ปีนี้ได้เพิ่มจุดปล่อยโคมลอยที่ได้รับอนุญาตเป็นสิบแห่ง "
        "เพื่อลดความเสี่ยงต่อการเกิดไฟไหม้และเพื่อความปลอดภัยของการบิน",
        "นักท่องเที่ยวชาวญี่ปุ่นหลายคนรู้จักเทศกาลนี้ในชื่อ \"コムローイ\" (โคมลอย) "
        "ขณะที่ป้ายประชาสัมพันธ์ภาษาจีนใช้คำว่า \"天灯节\" ซึ่งแปลว่าเทศกาลโคมลอย",
        "ด้านสมาคมโรงแรมไทยภาคเหนือระบุว่า อัตราการจองห้องพักในช่วงเทศกาลเต็มแล้วกว่าร้อยละ 90 "
        "และแนะนำให้นักท่องเที่ยวจองที่พักล่วงหน้า",
    ), KO_SPAM),
    Article("ru", "В Казани открылся первый в Поволжье центр корейского языка", (
        "В Казанском федеральном университете в понедельник открылся центр корейского языка и культуры. Как сообщили "
        "в пресс-службе вуза, в первый год обучение в нём пройдут около трёхсот студентов.",
        "Центр создан при поддержке Национального института корейского языка. На церемонии открытия гости из Сеула "
        "подарили библиотеке центра более тысячи книг, в том числе роман Хан Ган «채식주의자» («Вегетарианка»).",
        "Директор центра Ирина Сафина рассказала, что интерес к Корее среди молодёжи растёт уже несколько лет. "
        "«Многие студенты приходят к нам после сериалов, а потом открывают для себя историю и литературу», — "
        "отметила она.",
        "В следующем году центр планирует запустить курсы японского и китайского языков. Вывеска у входа уже "
        "написана на трёх языках, а слово «환영» («добро пожаловать») встречает посетителей у лестницы.",
    ), ZH_SPAM, ("университете", "[바카라사이트]")),
    Article("ar", "دبي تفتتح أكبر معرض للكتاب الآسيوي في المنطقة", (
        "افتتحت دبي يوم الاثنين معرضاً للكتاب الآسيوي يشارك فيه أكثر من مئتي ناشر من اليابان وكوريا الجنوبية والصين "
        "والهند، ويستمر المعرض عشرة أيام في مركز دبي التجاري العالمي.",
        "وقال مدير المعرض إن الإقبال فاق التوقعات منذ الساعات الأولى، مشيراً إلى أن الجناح الياباني شهد طوابير طويلة "
        "أمام ركن فن الخط المعروف باسم \"書道\" (شودو).",
        "كما يعرض الجناح الكوري ترجمات عربية لروايات حديثة، من بينها رواية \"채식주의자\" (النباتية) للكاتبة هان كانغ "
        "الحائزة جائزة نوبل للأدب.",
        "ويأمل المنظمون أن يتحول المعرض إلى موعد سنوي يعزز حركة الترجمة بين العربية واللغات الآسيوية، خاصة بعد أن "
        "ارتفع عدد الكتب المترجمة من الكورية إلى العربية خلال السنوات الخمس الأخيرة.",
    ), KO_SPAM, ("الاثنين", "【真人娱乐城】")),
    Article("de", "Südkoreas Sportlotterie meldet Rekordumsatz", (
        "Die staatliche Sportlotterie Südkoreas hat im vergangenen Jahr so viele Lose verkauft wie nie zuvor. Nach "
        "Angaben des Betreibers stieg der Umsatz von Sports Toto (스포츠토토) um elf Prozent auf umgerechnet rund "
        "vier Milliarden Euro.",
        "Die Lotterie ist in Südkorea die einzige legale Möglichkeit, auf Fußballspiele zu wetten. Ein Teil der "
        "Einnahmen fließt in den Breitensport und in die Förderung von Nachwuchsathleten.",
        "Kritiker warnen jedoch vor den Folgen. Der Suchtforscher Lee Min-ho von der Yonsei-Universität sagte, die "
        "Zahl der jungen Menschen, die wegen Spielsucht Hilfe suchten, habe sich seit 2019 verdoppelt.",
        "Im Volksmund heißt die Spielsucht „도박 중독“ (Glücksspielsucht). Beratungsstellen wollen das Thema im "
        "kommenden Jahr mit einer landesweiten Kampagne stärker ins Bewusstsein rücken.",
    ), TH_SPAM, ("vergangenen", "[에볼루션카지노]")),
    Article("pl", "Festiwal kultury japońskiej w Gdańsku przyciągnął tłumy", (
        "Trzydniowy festiwal kultury japońskiej w Gdańsku odwiedziło w ten weekend ponad dwadzieścia tysięcy osób. "
        "Organizatorzy przyznają, że tak dużej frekwencji się nie spodziewali.",
        "Największym zainteresowaniem cieszyły się pokazy kaligrafii, czyli „書道” (shodō), oraz warsztaty parzenia "
        "herbaty. Kolejka do stoiska z ramenem ciągnęła się przez cały dzień wzdłuż Długiego Targu.",
        "Jak mówi współorganizatorka wydarzenia Anna Kowalczyk, festiwal ma pokazać, że Japonia to nie tylko anime "
        "i nowoczesna technologia. „Chcemy, by goście poznali też codzienność zwykłych Japończyków” — podkreśla.",
        "Miasto zapowiada, że w przyszłym roku festiwal potrwa cały tydzień. Na stronie wydarzenia pojawiło się już "
        "hasło „また会いましょう” („Do zobaczenia”).",
    ), KO_SPAM, ("kultury", "【足球投注网】")),
    Article("fr", "À Lyon, un restaurant vietnamien fête ses quarante ans", (
        "Ouvert en 1985 dans le quartier de la Guillotière, le restaurant de la famille Nguyen fête cette semaine "
        "ses quarante ans, une longévité rare dans un secteur où beaucoup d'établissements ferment vite.",
        "À la carte, rien n'a changé ou presque : le phở y est toujours servi le matin, comme à Hanoï, et les nems "
        "sont roulés à la main chaque jour. La fondatrice, aujourd'hui octogénaire, vient encore goûter le bouillon.",
        "Son petit-fils, qui a repris l'affaire, a récemment ajouté au menu un plat coréen, le « 비빔밥 » "
        "(bibimbap), à la demande d'étudiants. « Il fallait évoluer sans trahir l'esprit de la maison », dit-il.",
        "Pour l'anniversaire, le restaurant accrochera jusqu'à dimanche une enseigne calligraphiée en chinois, "
        "« 四十周年 » (quarantième anniversaire), offerte par une association du quartier.",
    ), ZH_SPAM, ("restaurant", "[온라인슬롯]")),
    Article("vi", "Đà Nẵng đón lượng khách quốc tế kỷ lục dịp cuối năm", (
        "Theo Sở Du lịch Đà Nẵng, trong tháng 11 thành phố đã đón hơn 500.000 lượt khách quốc tế, tăng gần 30% so "
        "với cùng kỳ năm ngoái. Khách Hàn Quốc tiếp tục chiếm tỷ trọng lớn nhất.",
        "Nhiều nhà hàng trên đường Bạch Đằng đã in thực đơn bằng tiếng Hàn, chẳng hạn món phở được ghi là "
        "\"쌀국수\" (phở) và bánh mì là \"반미\". Một số cửa hàng còn treo biển \"환영합니다\" để chào đón du khách.",
        "Bà Trần Thị Lan, chủ một khách sạn ở quận Sơn Trà, cho biết công suất phòng đã đạt trên 90% từ giữa tháng. "
        "\"Chúng tôi phải tuyển thêm nhân viên biết tiếng Hàn và tiếng Nhật\", bà nói.",
        "Ngành du lịch thành phố đặt mục tiêu đón 1,5 triệu lượt khách quốc tế vào năm tới, đồng thời mở thêm các "
        "đường bay thẳng tới Nhật Bản và Đài Loan.",
    ), TH_SPAM, ("tháng", "[바카라사이트]")),
)


def with_spam(art: Article) -> str:
    """The article with its spam: the foreign-script line after the second paragraph, and
    the bracketed token after the first occurrence of its word."""
    paras = list(art.paras)
    if art.inline is not None:
        word, token = art.inline
        at = paras[0].index(word) + len(word)
        paras[0] = paras[0][:at] + " " + token + paras[0][at:]
    paras.insert(2, art.spam_line)
    return "\n\n".join((art.title, *paras))
