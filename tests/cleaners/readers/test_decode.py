"""Bytes to text: encodings decoded correctly, binary recognised (in the order `decode` documents)."""

from __future__ import annotations

import os

import pytest

from cleaners.readers.decode import DecodeFailure, decode_bytes

WESTERN = "Le café est très bon. Über die Brücke gehen wir morgen früh zum Markt und kaufen Äpfel. " * 3
CASES = [
    (WESTERN, "cp1252"), (WESTERN, "latin-1"), (WESTERN, "utf-8"), (WESTERN, "utf-16"), (WESTERN, "utf-16-le"),
    ("日本語のテキストです。東京都で新しい公園が開かれました。多くの人が訪れています。" * 3, "shift_jis"),
    ("서울시는 새로운 어린이 놀이터를 학교 옆에 열었다고 밝혔다. 많은 시민이 방문했다." * 3, "euc-kr"),
    ("Москва — столица России, крупнейший город страны и один из крупнейших городов мира. " * 2, "cp1251"),
]


@pytest.mark.parametrize(("text", "encoding"), CASES)
def test_decodes(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding))[0] == text


def test_bom_wins_over_declared_charset() -> None:
    data = "\ufeff<meta charset='latin-1'><p>naïve café</p>".encode("utf-8")
    assert decode_bytes(data, html=True)[0] == "<meta charset='latin-1'><p>naïve café</p>"


def test_declared_charset_is_used_and_unknown_names_fall_through() -> None:
    page = "<meta charset='windows-1251'><p>Москва столица России и крупнейший город</p>"
    assert decode_bytes(page.encode("cp1251"), html=True)[0] == page
    odd = "<meta charset='no-such-codec'><p>plain text</p>"
    assert decode_bytes(odd.encode(), html=True)[0] == odd


@pytest.mark.parametrize("data", [os.urandom(4000), bytes(range(256)) * 20, b"\x89PNG\r\n\x1a\n" + os.urandom(3000),
                                  b"\x00" * 500])
def test_binary_is_rejected(data: bytes) -> None:
    with pytest.raises(DecodeFailure) as err:
        decode_bytes(data)
    assert err.value.reason == "binary"


def test_a_few_nul_bytes_do_not_make_text_binary() -> None:
    text, _ = decode_bytes(("A long sentence about the council vote. " * 20 + "\x00").encode())
    assert text.startswith("A long sentence")


def test_stray_invalid_bytes_in_utf8_keep_the_valid_characters() -> None:
    """A few bad bytes in UTF-8 text: U+FFFD for them, not a single-byte codepage for all."""
    data = "Our café reopened on Monday after the long strike. ".encode() * 5 + b"\xff\xfe \xe2\x82 end"
    text, name = decode_bytes(data)
    assert name == "utf-8" and text.startswith("Our café reopened") and "\ufffd" in text


def test_ascii_range_utf16_without_bom_is_not_binary() -> None:
    page = "<html><body><p>The council met on Monday to discuss the new bridge.</p></body></html>"
    assert decode_bytes(page.encode("utf-16-le"), html=True)[0] == page


def test_latin1_spanish_is_not_read_as_baltic() -> None:
    line = "Señor Muñoz said the façade of the café looked déjà vu, très chic to Zoë. "
    text, _ = decode_bytes((line + "The market reopened after the storm and the council voted. " * 3).encode("latin-1"))
    assert text.startswith(line)


@pytest.mark.parametrize("label", ["gb2312", "GBK", "GB2312", "x-gbk"])
def test_gb_labels_decode_as_browsers_do(label: str) -> None:
    """A page labelled GB2312 or GBK is GBK as browsers read it: its em dashes stay em
    dashes (Python's narrow gb2312 codec makes horizontal bars of them)."""
    page = f"<meta charset='{label}'><p>演员喊出誓言———“兄弟，放心吧！”</p>"
    assert decode_bytes(page.encode("gb18030"), html=True)[0] == page
