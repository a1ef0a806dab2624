import codecs
import re

import pytest

from mch_cli.decode import DecodeError, decode

ZH = "妇幼保健院举办培训班，提升儿童保健服务水平。"


@pytest.mark.parametrize("data, encoding", [
    (ZH.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8"),
    (ZH.encode("gb18030"), "gb18030"),
    (ZH.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16"),
    (("Health news: " + ZH).encode("utf-16-le"), "utf-16"),
    (("Health news: " + ZH).encode("utf-16-be"), "utf-16"),
])
def test_decodes_to_the_same_text(data, encoding):
    text, got = decode(data)
    assert ZH in text
    assert got == encoding
    assert not text.startswith("\ufeff")


def test_binary_data_is_refused():
    with pytest.raises(DecodeError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes_become_replacement_characters():
    text, encoding = decode(b"abc \xff\xfe\xfd" * 3 + b"\x81")
    assert text.count("abc") == 3 and "\ufffd" in text


BIG5_MIXED = "這兩款平板是 Samsung 的熱門機型，市面上的Galaxy Tab 10.1和Tab 7.0 Plus平板電腦。"
ZH_NO_NUL = "妇幼保健院举办培训班，提升儿童保健服务水平，全面加强高危孕产妇专案管理。"  # no byte is 0x00 in UTF-16


def test_utf16_without_a_bom_and_without_nul_bytes():
    data = ZH_NO_NUL.encode("utf-16-le")
    assert b"\x00" not in data and decode(data) == (ZH_NO_NUL, "utf-16")


def test_big5_that_charset_detection_cannot_place(monkeypatch):
    # charset-normalizer gives no answer on some short mixed pages; GB18030 decodes Big5 bytes
    # too, into rare characters: the strict decoding into ordinary characters wins.
    import mch_cli.decode as decoding
    monkeypatch.setattr(decoding, "_detect", lambda data: None)
    assert decode(BIG5_MIXED.encode("big5")) == (BIG5_MIXED, "big5")


def test_english_with_a_stray_byte_is_not_read_as_utf16():
    data = b"stfeeding, because curren\xfftly many mothers attempt"
    assert decode(data) == (data.decode("utf-8", "replace"), "utf-8")


EN_CURLY = """Hospital expands support for new mothers
The county hospital said on Tuesday it will double the number of lactation nurses on its maternity ward, after a survey found that many mothers felt they hadn’t had enough help in the first days after birth.
“Mothers told us they wanted someone to sit with them at three in the morning,” said the ward’s head nurse. “Now there’ll be someone there every night.”
The hospital’s programme also includes home visits during the first month, and a telephone line that parents can call at any hour with questions about feeding, sleep or their baby’s health."""
C1 = re.compile("[\u0080-\u009f]")


def _clean(data: bytes, name: str):
    from mch_cli import clean_bytes
    return clean_bytes(data, name)


@pytest.mark.parametrize("bad, good", [
    ("It\x92s the mother\x92s choice \x97 and the doctor\x92s.", "It’s the mother’s choice — and the doctor’s."),
    ("The cityâ\x80\x99s clinics â\x80\x94 all twelve â\x80\x94 open today.", "The city’s clinics — all twelve — open today."),
])
def test_c1_controls_never_reach_the_output(bad, good):
    # cp1252 text read as Latin-1 and saved as UTF-8 (the bytes C2 92 …), and UTF-8 read so:
    # the C1 controls are cp1252's punctuation.
    article = _clean(f"Mothers and doctors\n{bad} {EN_CURLY.splitlines()[1]}".encode("utf-8"), "page.txt")
    assert article.text.startswith(good) and not C1.search(article.text) and article.repaired
