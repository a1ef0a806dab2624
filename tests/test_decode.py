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


# --- one decode order for text files and HTML (issue 15) ------------------------------------
# Pages as they come: a few paragraphs, and in HTML the bulk of the bytes markup, style sheets
# and scripts, so that a few undecodable bytes are a tiny share of the page but not of its text.
ZH_PAGE = """孕产妇健康管理新举措
为进一步保障母婴安全，市卫健委近日出台孕产妇健康管理新举措，全面加强高危孕产妇专案管理。
新举措要求各医疗机构落实首诊负责制，做好孕产妇妊娠风险筛查与评估工作，并定期随访。
市妇幼保健院将为每位孕妇建立健康档案，提供孕期营养、心理咨询和分娩指导等服务。"""
EN_CP1252 = """Midwives open a new clinic in São Paulo
São Paulo, 12 March 2024 — The city’s maternity network opened a new clinic for expectant mothers on Monday, the health department said.
“Every mother deserves care close to home,” said Dr. Hélène Dubois, who leads the project. “We’ll see women from the first weeks of pregnancy until their babies are a year old.”
The clinic offers antenatal check-ups, nutrition advice and a café where mothers can meet. Staff were trained in breastfeeding support, and the waiting room has books in Portuguese and English."""
EN_LATIN1 = """New maternity ward opens at Hôpital Saint-Éloi
Montréal, 4 April 2024. The Hôpital Saint-Éloi opened a maternity ward on Thursday, with twelve delivery rooms and a neonatal unit for premature babies.
The ward was designed with midwives from Zürich and Bogotá, said Dr. José Núñez, head of obstetrics. Mothers can stay with their newborns in the unit around the clock.
Nurses will visit new families at home during the first two weeks after birth, and the hospital's café will host weekly classes on breastfeeding and infant sleep."""
EN_CURLY = """Hospital expands support for new mothers
The county hospital said on Tuesday it will double the number of lactation nurses on its maternity ward, after a survey found that many mothers felt they hadn’t had enough help in the first days after birth.
“Mothers told us they wanted someone to sit with them at three in the morning,” said the ward’s head nurse. “Now there’ll be someone there every night.”
The hospital’s programme also includes home visits during the first month, and a telephone line that parents can call at any hour with questions about feeding, sleep or their baby’s health."""
C1 = re.compile("[\u0080-\u009f]")


def html_page(text: str, charset: str | None = None) -> str:
    """`text` as an HTML page (first line the <h1>) with a big style sheet and scripts."""
    title, *paragraphs = text.splitlines()
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    style = "".join(f".box{i} {{ margin: {i}px; color: #{i:06x}; }}\n" for i in range(800))
    script = "".join(f"var item{i} = document.getElementById('item{i}');\n" for i in range(800))
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title><style>{style}</style>"
            f"<script>{script}</script></head>\n<body><h1>{title}</h1>\n{body}</body></html>")


def _clean(data: bytes, name: str):
    from mch_cli import clean_bytes
    return clean_bytes(data, name)


def _assert_read_right(article, text: str, encoding: str, lang: str) -> None:
    title, *paragraphs = text.splitlines()
    assert article.encoding == encoding
    assert (article.title, article.text, article.lang) == (title, "\n\n".join(paragraphs), lang)
    assert "\ufffd" not in article.text and not C1.search(article.text)


def test_utf8_bytes_declaring_gb2312_are_read_as_utf8():
    # Saved by a browser or crawler as UTF-8, the declaration left as it was: GB18030 decodes
    # the bytes too (a handful of errors among 60 KB of markup) into garbage.
    data = html_page(ZH_PAGE, "gb2312").encode("utf-8")
    _assert_read_right(_clean(data, "page.html"), ZH_PAGE, "utf-8", "zh")


def test_utf8_with_a_stray_byte_declaring_gb2312_is_still_utf8():
    # Not strict UTF-8 any more, so the declaration is tried: its errors are counted over the
    # text, where they are many, not over the markup.
    data = html_page(ZH_PAGE, "gb2312").encode("utf-8").replace(b"</h1>", b"\xff</h1>")
    article = _clean(data, "page.html")
    assert article.encoding == "utf-8" and article.text == "\n\n".join(ZH_PAGE.splitlines()[1:])


@pytest.mark.parametrize("charset", ["gb2312", "utf-8", None])
def test_gbk_html_page_is_gb18030_whatever_it_declares(charset):
    data = html_page(ZH_PAGE, charset).encode("gbk")
    _assert_read_right(_clean(data, "page.html"), ZH_PAGE, "gb18030", "zh")


@pytest.mark.parametrize("text, encoding", [
    (EN_CP1252, "cp1252"),      # é, ã, ’, “ ”, —
    (EN_LATIN1, "iso8859-1"),   # accents only: no byte in 0x80–0x9F, which Latin-1 lacks
    (EN_CURLY, "cp1252"),       # curly quotes only: not UTF-8 with U+FFFD for them
])
@pytest.mark.parametrize("html", [False, True])
def test_western_single_byte_pages(text, encoding, html):
    page = html_page(text) if html else text
    data = page.encode("cp1252")
    _assert_read_right(_clean(data, "page.html" if html else "page.txt"), text, encoding, "en")


def test_western_page_declaring_latin1_with_cp1252_bytes():
    # Browsers read a page that declares ISO-8859-1 as cp1252: 0x80–0x9F are its quotes.
    data = html_page(EN_CP1252, "iso-8859-1").encode("cp1252")
    _assert_read_right(_clean(data, "page.html"), EN_CP1252, "cp1252", "en")


ZH_BIG5 = "兒童保健服務再升級\n市婦幼保健院近日啟動新一輪兒童健康管理項目，覆蓋全市十二個區縣，受到家長們的普遍歡迎和好評。"


@pytest.mark.parametrize("page, encoding", [(ZH_PAGE, "gb18030"), (ZH_BIG5, "big5")])
def test_chinese_text_files_are_unaffected(page, encoding):
    assert decode(page.encode(encoding)) == (page, encoding)


@pytest.mark.parametrize("bad, good", [
    ("It\x92s the mother\x92s choice \x97 and the doctor\x92s.", "It’s the mother’s choice — and the doctor’s."),
    ("The cityâ\x80\x99s clinics â\x80\x94 all twelve â\x80\x94 open today.", "The city’s clinics — all twelve — open today."),
])
def test_c1_controls_never_reach_the_output(bad, good):
    # cp1252 text read as Latin-1 and saved as UTF-8 (the bytes C2 92 …), and UTF-8 read so:
    # the C1 controls are cp1252's punctuation.
    article = _clean(f"Mothers and doctors\n{bad} {EN_CURLY.splitlines()[1]}".encode("utf-8"), "page.txt")
    assert article.text.startswith(good) and not C1.search(article.text) and article.repaired


# --- layered mojibake (issue 18, item 6) --------------------------------------------------------

_SEED_TEXT = (__import__("pathlib").Path(__file__).parent.parent / "seeds" / "001_519edece9128d60e.txt").read_text("utf-8")[:3000]


def mojibake(text: str, encoding: str, layers: int, via: str) -> bytes:
    """`text` in `encoding`, then `layers` times read as `via` and saved as UTF-8."""
    from .fuzz import _read_as

    data = text.encode(encoding, errors="ignore")
    for _ in range(layers):
        data = _read_as(data, via).encode("utf-8")
    return data


@pytest.mark.parametrize("layers", [1, 2, 3])
@pytest.mark.parametrize("via", ["latin-1", "cp1252"])
@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_layered_mojibake_is_repaired(encoding, via, layers):
    from mch_cli.decode import decode_text

    d = decode_text(mojibake(_SEED_TEXT, encoding, layers, via))
    assert d.repaired and d.text == _SEED_TEXT.encode(encoding, errors="ignore").decode(encoding)


def test_a_few_quotes_of_mojibake_are_repaired():
    """UTF-8 punctuation read as cp1252 ("â€™", "â€œ"): a handful on an English page, far fewer
    Latin-1 letters than repair otherwise waits for, are mojibake all the same."""
    from mch_cli.decode import decode_text

    text = "“Babies are struggling to breathe,” said Dr. Chen of Children’s Hospital — the RSV season’s worst.\n"
    d = decode_text(text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    assert d.repaired and d.text == text.replace("”", "\ufffd")  # (0x9D: no cp1252 character, lost)
    d = decode_text(text.encode("utf-8").decode("latin-1").encode("utf-8"))  # (0x9D kept as a C1 control)
    assert d.repaired and d.text == text


@pytest.mark.parametrize("via", ["latin-1", "cp1252"])
def test_mojibake_left_is_not_called_repaired(via):
    """Four readings deep (beyond the three repaired): C1 controls are still made punctuation,
    but the text stays mojibake and `repaired` says so."""
    from mch_cli.decode import decode_text

    d = decode_text(mojibake(_SEED_TEXT, "gbk", 4, via))
    assert not d.repaired and "妇幼" not in d.text


def test_badness_check_spared_where_it_cannot_match_gives_ftfy_s_answers():
    """decode._is_bad looks only around two non-ASCII characters side by side (or the few its
    regex needs alone), and must answer as ftfy's own check does, on text with few or many."""
    import random

    import ftfy.badness

    from mch_cli.decode import _is_bad

    odd = sorted({ch for ch in ftfy.badness.BADNESS_RE.pattern if ord(ch) > 127}) + ["中", "é", "’", "\xa0", "😀", "\x85"]
    plain = list(" \nabcxyzAZ-.,?!'0123456789")
    rng = random.Random(5)
    texts = ["".join(rng.choice(odd) if rng.random() < share else rng.choice(plain) for _ in range(rng.randint(5, 300)))
             for share in (0.02, 0.08, 0.5) for _ in range(700)]
    answers = [ftfy.badness.is_bad(t) for t in texts]
    assert 100 < sum(answers) < len(texts) - 100  # (both answers well represented)
    assert [_is_bad(t) for t in texts] == answers
