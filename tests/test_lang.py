from collections import Counter

import pytest

from mch_cli.lang import document_lang, line_lang


@pytest.mark.parametrize("text, lang", [
    ("妇幼保健院举办培训班", "zh"),
    ("婦幼保健院舉辦培訓班", "zh"),
    ("扫码打开H5页面", "zh"),                      # a lone Latin token keeps a Chinese line zh
    ("联系邮箱 news@example.com 欢迎投稿", "zh"),     # e-mail addresses are not words
    ("月29日,受委托走访慰问。 On November 29, entrusted by the director", "mixed"),
    ("Previous post: Zibo Municipal Party Committee 淄博市委", "mixed"),
    ("The forum aims to promote the pragmatic cooperation between regions.", "en"),
    ("ʹֽ", "und"),
    ("2021-05-28 12:00", "und"),
    ("これは日本語の文です", "ja"),
    ("한국어 문장입니다", "ko"),
])
def test_line_lang(text, lang):
    assert line_lang(text) == lang


def test_document_lang_mixed_threshold():
    assert document_lang(Counter(en=85, zh=15)) == ("mixed", {"en": 0.85, "zh": 0.15})
    assert document_lang(Counter(en=95, zh=5))[0] == "en"
    assert document_lang(Counter()) == ("und", {})


def test_langdetect_is_deterministic_for_other_latin_languages():
    text = "La santé des mères et des enfants reste une priorité nationale pour le gouvernement"
    assert {line_lang(text) for _ in range(3)} == {"fr"}
