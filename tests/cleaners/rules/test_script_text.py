"""`script_text` takes ad-script code out of prose, and never an article written in a
script that puts no spaces between words: there a whole paragraph is one token, and the
ASCII ";", "(" and "|" a page's table layout or a typist leaves in it make no code."""

from __future__ import annotations

import pytest

from cleaners.config import CleanConfig
from cleaners.rules.base import DocContext
from cleaners.rules.cleaner import Cleaner
from cleaners.stats import Stats

AD = "(adsbygoogle = window.adsbygoogle || []).push({});"
# paragraphs in scripts without spaces between words, with ASCII punctuation as pages mix it in
PARAGRAPHS = {
    "zh": ["一个约定,信守十五年,感人至深;一段真情,延续十五年(话剧《约定无期限》),催人泪下。",
           "六月三日上午,全省各市巡演活动来到张家口;演员喊出誓言:“兄弟,放心吧!”(记者 王明)",
           "演出结束后,观众们起立鼓掌;许多人流下了眼泪(现场照片见下)。"],
    "ja": ["東京都は三日、新しい計画を発表した;計画は(来年度から)実施される。",
           "知事は記者会見で「市民の協力が必要だ」と述べた;(写真)=都庁で。",
           "専門家は効果を評価しつつ、課題も指摘している;詳細は(後日)公表される。"],
    "th": ["กรุงเทพมหานครประกาศแผนใหม่;แผนนี้(เริ่มปีหน้า)จะช่วยลดปัญหาน้ำท่วมในเมือง",
           "ผู้ว่าราชการกล่าวว่า(ประชาชน)ต้องร่วมมือกัน;โครงการจะใช้งบประมาณจำนวนมาก",
           "นักวิชาการเห็นด้วยกับแผน;แต่ยังมี(ข้อกังวล)เรื่องระยะเวลาดำเนินการ"],
}


def first_stage(text: str) -> list[str]:
    return [r.rule for r in Cleaner(CleanConfig()).first_pass(text, None, None, Stats()).removals]


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
@pytest.mark.parametrize("layout", ["|     {}", "{}", "| {} |"])
def test_an_article_in_its_own_script_is_not_code(lang: str, layout: str) -> None:
    text = "\n".join(layout.format(p) for p in PARAGRAPHS[lang])
    assert "script_text" not in first_stage(text)
    assert Cleaner(CleanConfig()).clean(text, DocContext())[0].strip()


@pytest.mark.parametrize("prose", [
    "Die Stadt hat am Montag den neuen Haushalt beschlossen, sagte die Bürgermeisterin.",
    "Rada miasta przyjęła w poniedziałek nowy budżet, powiedziała burmistrz Krakowa.",
    "市议会周一通过了新的预算,市长在会上说。",
])
def test_ad_script_glued_to_prose_still_goes(prose: str) -> None:
    text = f"{prose} {AD}"
    cleaner = Cleaner(CleanConfig())
    removals = cleaner.first_pass(text, None, None, Stats()).removals
    assert [(r.rule, r.text) for r in removals] == [("script_text", f" {AD}")]
