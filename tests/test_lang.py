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
    # issue 19, 9: Latin lines of other languages were `en` when short or with few function words
    ("Wir sitzen alle im Marketing!", "de"),
    ("Das Gesundheitsamt informiert über Impfungen", "de"),
    ("La santé des mères", "fr"),
    ("Le gouvernement annonce un plan", "fr"),
    ("Los niños y las madres", "es"),
    ("Difícil pero liberador.", "es"),
    ("Português do Brasil", "pt"),
    # ... and pinyin, romanised Chinese, is Chinese
    ("Shì Fùyòu Bǎojiànyuàn Jǔbàn Yùnfù Xuéxiào", "zh"),
    ("Beijing Shi Fuyou Baojianyuan", "zh"),
    ("Quanguo Fuyou Weisheng Gongzuo Huiyi", "zh"),
    # English that only looks so stays English
    ("No Money No Worries", "en"),
    ("Open House", "en"),
    ("Game Career Guide", "en"),
    ("Asian Cuisine", "en"),
    ("América Latina", "en"),
    ("Guerrier De Lumière", "en"),
    ("Shanghai Pudong", "en"),
    ("He can change", "en"),
    ("DI DA DI", "en"),
    ("Corriere della Sera", "en"),
])
def test_line_lang(text, lang):
    assert line_lang(text) == lang


def test_a_body_in_pinyin_is_chinese_in_latin_script():
    from mch_cli.article import Article, Paragraph
    from mch_cli.pipeline import _Analyses, _language

    def script(*texts):
        paragraphs = [Paragraph(t, "body", line_lang(t), [n]) for n, t in enumerate(texts, 1)]
        article = Article(path="-", id="x")
        _language(article, paragraphs, _Analyses())
        return article.lang, article.script

    pinyin = "Jiǎngzuò xīyǐn le yìbǎi duō míng zhǔn māma hé jiāshǔ cānjiā."
    assert script(pinyin) == ("zh", "Latn")
    assert script(pinyin, "市妇幼保健院举办孕妇学校公益讲座。") == ("zh", "Hans")
    assert script("The hospital held a free lecture for pregnant women.") == ("en", None)


def test_document_lang_mixed_threshold():
    assert document_lang(Counter(en=85, zh=15)) == ("mixed", {"en": 0.85, "zh": 0.15})
    assert document_lang(Counter(en=95, zh=5))[0] == "en"
    assert document_lang(Counter()) == ("und", {})


def test_langdetect_is_deterministic_for_other_latin_languages():
    text = "La santé des mères et des enfants reste une priorité nationale pour le gouvernement"
    assert {line_lang(text) for _ in range(3)} == {"fr"}


# --- issue 5: script first, spans, Simplified/Traditional, --lang ---------------------------------

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from mch_cli import Options, clean_bytes, clean_text  # noqa: E402
from mch_cli.cli import app  # noqa: E402
from mch_cli.lang import analyse, chinese_script, split_spans  # noqa: E402
from mch_cli.script import count_han, han_variants, latin_words  # noqa: E402

from .conftest import SEEDS  # noqa: E402

LABELLED = Path(__file__).parent / "fixtures" / "lang_lines.tsv"
SEED_004 = SEEDS / "004_3fa1216b693b88b9.txt"
runner = CliRunner()


def _labelled():
    rows = [line.split("\t") for line in LABELLED.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert all(len(row) == 3 for row in rows)
    return rows


def test_labelled_lines_accuracy_at_least_98_percent():
    rows = _labelled()
    assert len(rows) >= 150
    assert {lang for lang, _, _ in rows} >= {"zh", "en", "mixed", "und", "fr", "de", "es", "ja", "ko", "ru"}
    wrong = [(want, line_lang(text), text) for want, _, text in rows if line_lang(text) != want]
    assert 1 - len(wrong) / len(rows) >= 0.98, wrong


def test_labelled_chinese_script_accuracy():
    rows = [(script, text) for _, script, text in _labelled() if script != "-"]
    assert {script for script, _ in rows} == {"Hans", "Hant"}
    wrong = [(want, text) for want, text in rows if chinese_script(text) != want]
    assert 1 - len(wrong) / len(rows) >= 0.98, wrong


@pytest.mark.parametrize("text", ["日本語", "東京都", "中华人民共和国", "國立臺灣大學", "大韓民國"])
def test_han_only_is_never_japanese_or_korean(text):
    assert line_lang(text) == "zh"


@pytest.mark.parametrize("text, lang", [
    ("米歇尔・奥巴马访问儿童医院", "zh"),             # ・ is no Kana letter
    ("来新疆吧！特别是伊犁人实在！【自由づ舞】", "zh"),    # one stray Kana in Chinese
    ("東京の天気", "ja"),
    ("岸田首相、少子化対策を発表", "ja"),              # one Kana, but 対 and 発 are Japanese kanji
    ("Intel Android 手機", "mixed"),                  # two Latin words in a row + 2 Han
    ("中 Hello world", "en"),                          # one Han character is not enough for mixed
    ("使用iPhone 15 Pro拍摄", "zh"),                   # Latin words not in a row
    ("下载APP、PC客户端", "zh"),
    ("详见 https://www.nhc.gov.cn/fys/index.html 网站", "zh"),   # a URL is no word
    ("https://www.example.com/about-us/contact-form", "und"),
    ("office@example.com", "und"),
    ("ÐÂÎÅÖÐÐÄ", "und"),                              # GBK bytes read as Latin-1
    ("Q: Favorite live event you’ve ever attended?", "en"),
    ("Hackers hit Tel Aviv Stock Exchange, El Al airline", "en"),   # names are not Spanish
    ("Mobile UPI | About UPI | UPI en Español | UPI Arabic | My Account", "en"),
    ("Главная страница", "ru"),
    ("ភាសាខ្មែរ", "km"),
])
def test_script_rules(text, lang):
    assert line_lang(text) == lang


def test_english_and_chinese_lines_do_not_load_langdetect():
    code = ("import sys; from mch_cli.lang import line_lang\n"
            "for t in ['The forum aims to promote cooperation.', 'Home | News | About us', '妇幼保健院',\n"
            "          'Previous post: Zibo Municipal Party Committee 淄博市委', 'Zhang Lixin Wu Jinju Song Xiaodong']:\n"
            "    line_lang(t)\n"
            "print('langdetect' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip() == "False", r.stderr


def test_labels_are_the_same_in_a_fresh_process():
    code = ("import sys; from mch_cli.lang import line_lang\n"
            "rows = [l.split('\\t') for l in open(sys.argv[1], encoding='utf-8').read().splitlines()"
            " if l and not l.startswith('#')]\n"
            "print(''.join(line_lang(t) + '\\n' for _, _, t in reversed(rows)), end='')")
    runs = {subprocess.run([sys.executable, "-c", code, str(LABELLED)], capture_output=True,
                           text=True).stdout for _ in range(2)}
    assert len(runs) == 1 and runs.pop().count("\n") == len(_labelled())


def test_spans_of_seed_004_line_8():
    line = SEED_004.read_text(encoding="utf-8").splitlines()[7]
    spans = split_spans(line)
    assert [s.lang for s in spans] == ["zh", "en"]
    assert spans[0].text.startswith("月29日,受市卫生健康委") and spans[0].text.endswith("工作人员。")
    assert spans[1].text.startswith("On November 29, entrusted") and spans[1].text.endswith("by our city.")
    assert all(s.text in line for s in spans)


@pytest.mark.parametrize("text, spans", [
    ("中文一。 English one here. 中文二。 English two here.",
     [("zh", "中文一。"), ("en", "English one here."), ("zh", "中文二。"), ("en", "English two here.")]),
    ("苹果公司CEO Tim Cook表示新产品将于9月发布",
     [("zh", "苹果公司"), ("en", "CEO Tim Cook"), ("zh", "表示新产品将于9月发布")]),
    ("《Running Man (动画版)》", [("en", "《Running Man"), ("zh", "(动画版)》")]),
    ("版权所有 Copyright © 2020 福州新闻网 All Rights Reserved",    # "Copyright" alone is no span
     [("zh", "版权所有 Copyright © 2020 福州新闻网"), ("en", "All Rights Reserved")]),
    ("La santé des mères et des enfants reste une priorité nationale 妇幼健康",
     [("fr", "La santé des mères et des enfants reste une priorité nationale"), ("zh", "妇幼健康")]),
])
def test_split_spans(text, spans):
    assert line_lang(text) == "mixed"
    assert [(s.lang, s.text) for s in split_spans(text)] == spans


def test_mixed_tokens_are_counted_span_by_span():
    lang, counts = analyse("世界卫生组织发布 World Health Organization guidelines")
    assert lang == "mixed" and counts == Counter(zh=8, en=4)
    assert analyse("2021-05-28") == ("und", Counter())


def test_chinese_script():
    assert chinese_script("婦幼保健院舉辦培訓班") == "Hant"
    assert chinese_script("妇幼保健院举办培训班") == "Hans"
    assert chinese_script("中文") == "Hans"          # nothing tells them apart: Simplified
    assert chinese_script("Only English") is None


def _encodes(char, codec):
    try:
        return bool(char.encode(codec))
    except UnicodeEncodeError:
        return False


def test_han_variant_table_holds_disjoint_sets_checked_against_the_codecs():
    variants = han_variants()
    hans, hant, jpan = set(variants.hans), set(variants.hant), set(variants.jpan)
    assert len(hans) > 500 and len(hant) > 500 and len(jpan) > 300
    assert not hans & hant and not (hans | hant) & jpan
    assert all(_encodes(c, "gb2312") for c in hans)      # Simplified forms are in GB2312 ...
    assert all(_encodes(c, "big5") for c in hant)        # ... Traditional forms in Big5 ...
    assert not any(_encodes(c, "gb2312") or _encodes(c, "big5") for c in jpan)   # ... Japanese in neither


def test_document_script_and_paragraph_spans_in_json():
    rec = clean_bytes(SEED_004.read_bytes()).to_dict()
    assert rec["script"] == "Hans"
    assert [s["lang"] for s in rec["paragraphs"][0]["spans"]] == ["zh", "en"]
    assert all("spans" not in p for p in rec["paragraphs"][1:])
    assert clean_bytes((SEEDS / "002_e358708e9456e5f9.txt").read_bytes()).script is None
    hant = clean_text("衛生局舉辦講座\n為了讓民眾更了解產後憂鬱症，醫院舉辦了講座，邀請專家說明相關知識與照護方法。\n")
    assert (hant.lang, hant.script) == ("zh", "Hant")


# --- --lang zh|en ---------------------------------------------------------------------------------

def _seed_004(lang=None):
    return clean_bytes(SEED_004.read_bytes(), "seeds/004", Options(lang=lang))


def test_lang_en_keeps_the_english_of_seed_004():
    full, en = _seed_004(), _seed_004("en")
    assert (en.title, en.date, en.author, en.source) == (full.title, full.date, full.author, full.source)
    assert [p.lines for p in en.paragraphs] == [[8], [10], [12], [14]]
    assert en.paragraphs[0].text.startswith("On November 29, entrusted by Song Xiaodong")
    assert en.paragraphs[1:] == full.paragraphs[1:]
    assert count_han(en.text) == 0 and {p.lang for p in en.paragraphs} == {"en"}
    assert (en.lang, en.langs, en.script) == ("en", {"en": 1.0}, None)
    assert all(p.spans is None for p in en.paragraphs)


def test_lang_zh_keeps_the_chinese_of_seed_004():
    zh = _seed_004("zh")
    assert zh.title == _seed_004().title
    assert zh.text == split_spans(SEED_004.read_text(encoding="utf-8").splitlines()[7])[0].text
    assert (zh.lang, zh.script) == ("zh", "Hans") and not latin_words(zh.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_still_accounts_for_every_line(lang):
    article = _seed_004(lang)
    raw = SEED_004.read_text(encoding="utf-8").splitlines()
    seen = [article.title_line] + [n for p in article.paragraphs for n in p.lines] \
        + [x.number for x in article.removed]
    assert sorted(seen) == [n for n, line in enumerate(raw, 1) if line.strip()]
    dropped = [x for x in article.removed if "--lang" in x.reason]
    assert all(x.label == "boilerplate" for x in dropped)
    if lang == "zh":
        assert [x.number for x in dropped] == [10, 12, 14]
        assert dropped[0].reason == "language en (--lang zh)"
    else:
        assert dropped == []  # line 8 keeps its English half


def test_clean_and_show_take_lang():
    r = runner.invoke(app, ["clean", str(SEED_004), "--lang", "en", "-f", "jsonl", "--explain"])
    assert r.exit_code == 0 and r.stderr == ""
    rec = json.loads(r.stdout)
    assert rec["paragraphs"][0]["text"].startswith("On November 29") and rec["lang"] == "en"
    assert rec["author"] == "Lina Song" and rec["title"].startswith("The leaders of the Municipal")
    r = runner.invoke(app, ["show", str(SEED_004), "--lang", "zh"])
    assert r.exit_code == 0
    body = r.stdout.split("\n\n", 1)[1]
    assert body.startswith("月29日") and "On November" not in body and "script: Hans" in r.stdout
    assert runner.invoke(app, ["clean", str(SEED_004), "--lang", "fr"]).exit_code == 2


def test_text_format_with_lang_en_is_a_clean_english_article():
    r = runner.invoke(app, ["clean", str(SEED_004), "--lang", "en"])
    title, blank, first = r.stdout.split("\n")[:3]
    assert title.startswith("The leaders") and blank == "" and first.startswith("On November 29")
    assert count_han(r.stdout) == 0
