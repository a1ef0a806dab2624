"""Keywords: jieba.analyse's TF-IDF for Chinese (checked against jieba itself), TF-IDF over
words and glossary phrases for English, per page or for the corpus."""
import json
import re
from collections import Counter

import pytest
from typer.testing import CliRunner

from mch_cli import segment as S
from mch_cli import terms as T
from mch_cli.cli import app

from .conftest import SEEDS
from .jieba_ref import tokenizer
from .test_segment import SEED_LINES, SENTENCES

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture(scope="module")
def seg():
    return S.segmenter()


def test_chinese_keywords_are_jieba_analyse_tfidf(seg):
    from jieba.analyse.tfidf import TFIDF
    ref = TFIDF()
    ref.tokenizer = tokenizer(S.mch_dict())   # jieba with the same dictionary
    chinese = [line for line in SEED_LINES + [s for s, _ in SENTENCES]
               if line and not re.search(r"[A-Za-z0-9０-９]", line)]
    for text in ["\n".join(chinese), "\n".join(chinese[::3]), chinese[5] + chinese[9]]:
        ours = T.top_keywords(T.keyword_candidates(text, seg, T.default_glossary()), Counter(), 1, 30)
        assert [(k.word, k.weight) for k in ours] == [(w, round(x, 6)) for w, x in
                                                      ref.extract_tags(text, topK=30, withWeight=True)]
        assert all(k.lang == "zh" for k in ours)


def test_mch_terms_are_keywords_whole(seg):
    text = "高危孕产妇专案管理。高危孕产妇要早发现、早干预。妇幼保健院加强高危孕产妇管理。"
    words = [k.word for k in T.top_keywords(T.keyword_candidates(text, seg), Counter(), 1, 3)]
    assert words[0] == "高危孕产妇"


def test_english_keywords_skip_stopwords_and_keep_glossary_phrases(seg):
    text = ("The maternal mortality ratio fell. The maternal mortality ratio is what the "
            "hospital reports, and the hospital is proud of it.")
    found = T.top_keywords(T.keyword_candidates(text, seg, T.default_glossary()), Counter(), 1, 4)
    assert [k.word for k in found][:2] == ["maternal mortality ratio", "hospital"]
    assert not {"the", "is", "of", "and", "it", "what"} & {k.word for k in found}
    assert all(k.lang == "en" for k in found)


def test_traditional_keywords_keep_their_characters(seg):
    text = "衛生署推廣母乳餵養。母乳餵養對嬰兒健康有益，衛生署呼籲母親堅持母乳餵養。"
    words = [k.word for k in T.top_keywords(T.keyword_candidates(text, seg), Counter(), 1, 3)]
    assert words[0] == "母乳餵養" and "衛生署" in words


def test_keywords_per_page():
    r = run("keywords", SEEDS, "-k", "5", "-f", "jsonl")
    assert r.exit_code == 0 and r.stderr == ""
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 5 and all(len(rec["keywords"]) == 5 for rec in recs)
    assert set(recs[0]) == {"path", "title", "lang", "keywords"}
    assert set(recs[0]["keywords"][0]) == {"word", "weight", "lang"}
    zh = recs[1]["keywords"]
    assert recs[1]["lang"] == "zh" and {k["lang"] for k in zh} == {"zh"}
    one = json.loads(run("keywords", SEEDS / "001_519edece9128d60e.txt", "-f", "jsonl", "-k", "10").stdout)
    assert "妇幼保健院" in [k["word"] for k in one["keywords"]]
    assert {k["lang"] for k in recs[0]["keywords"]} == {"en"}


def test_keywords_for_the_corpus_and_the_text_view():
    r = run("keywords", SEEDS, "--corpus", "-k", "12", "-f", "jsonl")
    rec = json.loads(r.stdout)
    assert rec["path"] is None and rec["documents"] == 5 and len(rec["keywords"]) == 12
    assert {k["lang"] for k in rec["keywords"]} == {"zh", "en"}
    text = run("keywords", SEEDS / "001_519edece9128d60e.txt", "-k", "3").stdout
    head, *rows = text.rstrip("\n").split("\n")
    assert head.startswith(str(SEEDS / "001_519edece9128d60e.txt")) and "榕奇携手启新程" in head
    assert [row.split()[0] for row in rows] == ["1", "2", "3"] and all(row.split()[2] == "zh" for row in rows)


def test_keywords_user_dictionary(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("标题\n援疆医疗队开展培训，援疆医疗队走访基层，援疆医疗队表示将继续努力工作下去。\n",
                    encoding="utf-8")
    d = tmp_path / "d.txt"
    d.write_text("援疆医疗队 30 nt\n", encoding="utf-8")
    plain = json.loads(run("keywords", page, "-f", "jsonl").stdout)["keywords"]
    mine = json.loads(run("keywords", page, "-f", "jsonl", "--dict", d).stdout)["keywords"]
    assert "援疆医疗队" not in [k["word"] for k in plain] and mine[0]["word"] == "援疆医疗队"
