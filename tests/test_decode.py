import codecs

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
