"""Categories the held-out cleaning sets bring that DEV does not show: generated here, each
on a small site of real BBC article bodies dressed with one kind of noise. Every noise item
must go and every article paragraph must stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.inprocess import run
from tests.outputs import corpus


def bodies(n: int, skip: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of real articles."""
    out = []
    for line in (SHARED / "eval/corpora/bbc_articles.jsonl").read_text().split("\n")[skip:]:
        if not line:
            continue
        rec = json.loads(line)
        parts = [p.strip() for p in rec["text"].split("\n") if p.strip()]
        if len(parts) >= 4 and all(len(p) < 1200 for p in parts):
            out.append((rec["title"], parts[:4]))
        if len(out) == n:
            return out
    raise AssertionError("not enough base articles")


def dress(kind: str, i: int, title: str, paras: list[str], others: list[str]) -> tuple[list[str], list[str]]:
    """(lines of the document, the noise strings that must not survive)."""
    p = list(paras)
    if kind == "related_other_languages":
        heading = ["Lihat juga", "Ver también", "Lesen Sie auch", "À lire aussi", "Читайте также", "관련 기사"][i % 6]
        noise = [heading, others[0], others[1]]
        return [title, *p, heading, others[0], others[1]], noise
    if kind == "breadcrumb_title":
        crumb = ["Inicio › Mundo › ", "Home › World › Asia › ", "Beranda » Internasional » "][i % 3] + title
        return [crumb, title, *p], [crumb]
    if kind == "bylines":
        names = ["Jane Doe", "Ravi Menon", "Ana Ruiz", "Tom Berg", "Lena Vogel", "Chen Wei"]
        by = [f"By {names[i]}, Staff Writer", f"Published 2024-0{i % 9 + 1}-1{i}T10:2{i}:00Z",
              f"2024-03-0{i + 1} | {names[i]}"][i % 3]
        return [title, by, *p], [by]
    if kind == "script_ads":
        code = "googletag.cmd.push(function() { googletag.display('div-gpt-ad-" + str(1000 + i) + "'); });"
        p[1] = p[1] + " " + code
        tab = "window._taboola = window._taboola || []; _taboola.push({article: 'auto'});"
        return [title, p[0], tab, *p[1:]], [code, "_taboola"]
    if kind == "soft_hyphens":
        words = p[0].split(" ")
        long = max(range(len(words)), key=lambda k: len(words[k]))
        w = words[long]
        words[long] = w[:3] + "\u00ad" + w[3:]
        p[0] = " ".join(words)
        return [title, *p], ["\u00ad"]
    if kind == "latin_gambling_spam":
        spam = ["slot gacor maxwin", "nhà cái uy tín", "situs judi slot terpercaya"][i % 3]
        words = p[1].split(" ")
        words.insert(len(words) // 2, spam)
        p[1] = " ".join(words)
        return [title, *p], [spam]
    if kind == "script_spam":
        token = ["바카라사이트", "百家乐官网", "สล็อตเว็บตรง", "オンカジ"][i % 4]
        words = p[2].split(" ")
        words[3] = words[3] + token
        p[2] = " ".join(words)
        return [title, *p], [token]
    if kind == "bracketed_spam_near_gloss":
        p[1] = p[1] + " Locals call it 평화공원 (Peace Park) [파워볼사이트] these days."
        return [title, *p], ["[파워볼사이트]", "파워볼사이트"]
    raise ValueError(kind)


KINDS = ["related_other_languages", "breadcrumb_title", "bylines", "script_ads", "soft_hyphens",
         "latin_gambling_spam", "script_spam", "bracketed_spam_near_gloss"]


@pytest.mark.parametrize("kind", KINDS)
def test_category(tmp_path: Path, kind: str) -> None:
    arts = bodies(6, skip=10 * KINDS.index(kind))
    titles = [t for t, _ in arts]
    docs, expect = [], {}
    for i, (title, paras) in enumerate(arts):
        lines, noise = dress(kind, i, title, paras, [titles[(i + 1) % 6], titles[(i + 2) % 6]])
        doc_id = f"{kind}-{i}"
        docs.append({"id": doc_id, "url": f"https://site-{kind}.example/{i}", "text": "\n\n".join(lines)})
        expect[doc_id] = (noise, paras, title)
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    run([path], tmp_path / "out", tmp_path / "state")
    texts = corpus(tmp_path / "out")
    for doc_id, (noise, paras, title) in expect.items():
        out = texts[doc_id]
        for n in noise:
            if kind == "related_other_languages" and n != noise[0]:
                assert out.count(n) == 0, (doc_id, n)
            else:
                assert n not in out, (doc_id, n)
        assert out.startswith(title), doc_id  # the title stays, once
        assert out.count(title) == 1, doc_id
        if kind == "bracketed_spam_near_gloss":
            assert "평화공원 (Peace Park)" in out
        for para in paras:
            kept = para.replace("\u00ad", "")
            if kind in ("script_ads", "latin_gambling_spam", "script_spam", "bracketed_spam_near_gloss"):
                kept = kept[:40]  # the paragraph that carried the noise is checked by its start
            assert kept in out, (doc_id, kept[:60])
