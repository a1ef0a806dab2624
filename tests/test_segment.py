"""Segmentation: jieba's tokens (checked against jieba itself), MCH terms whole, nothing lost,
Traditional Chinese kept, and `mch segment` as a quiet filter."""
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mch_cli import segment as S
from mch_cli.cli import app
from mch_cli.pipeline import clean_text
from mch_cli.settings import Options
from mch_cli.terms import glossary

from .conftest import ROOT, SEEDS
from .jieba_ref import tokenizer, words

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SENTENCES = [line.split("\t") for line in (FIXTURES / "mch_sentences.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
SEED_LINES = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
MCH_TERMS = sorted({e.word for e in S.mch_dict()} | {t for c in glossary() for t in c.zh}, key=len, reverse=True)
TERM_RE = re.compile("|".join(map(re.escape, MCH_TERMS)))

# Written in a bulletin's Traditional Chinese (Hong Kong / Taiwan) with the Simplified it converts to.
TRADITIONAL = "衛生署家庭健康服務為孕產婦及新生兒提供產前檢查、產後訪視和母乳餵養支援，婦幼保健院亦參與。"


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def boundaries(tokens, text):
    """Token ends as offsets into text (tokens cut from it in order, whitespace skipped)."""
    ends, pos = set(), 0
    for t in tokens:
        pos = text.index(t, pos) + len(t)
        ends.add(pos)
    return ends


def broken_terms(text, tokens, terms):
    """Terms that occur in text with a token boundary inside them."""
    ends = boundaries(tokens, text)
    broken = []
    for term in terms:
        for m in re.finditer(re.escape(term), text):
            if any(b in ends for b in range(m.start() + 1, m.end())):
                broken.append(term)
    return broken


@pytest.fixture(scope="module")
def seg():
    return S.segmenter()


# --- MCH terms whole ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,terms", SENTENCES, ids=[s[:12] for s, _ in SENTENCES])
def test_mch_terms_stay_whole_in_bulletin_sentences(seg, sentence, terms):
    assert broken_terms(sentence, seg.cut(sentence), terms.split("|")) == []


def test_the_issue_examples_are_one_token_each(seg):
    for term in ["妇幼保健院", "孕产妇", "高危孕产妇", "孕产妇死亡率", "婴儿死亡率", "5岁以下儿童死亡率",
                 "新生儿", "早产儿", "高危儿", "出生缺陷", "优化生育", "母婴", "母乳喂养", "儿童保健",
                 "产前筛查", "卫健委", "妇幼健康"]:
        assert seg.cut(term) == [term]


def test_bare_jieba_breaks_them():
    bare = tokenizer()
    assert bare.lcut("妇幼保健院") == ["妇幼保健", "院"] and bare.lcut("高危儿") == ["高", "危儿"]
    assert bare.lcut("优化生育") == ["优化", "生育"]


def test_every_glossary_and_dictionary_term_is_one_token_alone(seg):
    assert [t for t in MCH_TERMS if seg.cut(t) != [t]] == []


def test_mch_terms_stay_whole_in_the_seeds(seg):
    broken = []
    for line in SEED_LINES:
        for m in TERM_RE.finditer(line):
            if broken_terms(line, seg.cut(line), [m.group()]):
                broken.append((m.group(), line[max(0, m.start() - 6):m.end() + 6]))
    # 优生育 ("better births", 优化生育 shortened) is 优/生育, not 优生 + 育: the right cut
    assert [b for b in broken if b[0] != "优生" or "优生育" not in b[1]] == []
    assert len(TERM_RE.findall("\n".join(SEED_LINES))) > 20


def test_mch_dictionary_is_jieba_userdict_format_with_300_terms():
    text = (ROOT / "mch_cli" / "data" / "mch_dict.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) >= 300 and all(re.fullmatch(r"\S+ [1-9][0-9]* [a-z]+", line) for line in lines)
    assert len({line.split()[0] for line in lines}) == len(lines)


# --- nothing lost or changed --------------------------------------------------------------------

@pytest.mark.parametrize("hmm", [True, False])
def test_no_character_lost_or_changed(seg, hmm):
    texts = SEED_LINES + [s for s, _ in SENTENCES] + [TRADITIONAL, "state-of-the-art 2.9m 𠀀丽 㐀 ★ 한국어 ✓"]
    for text in texts:
        assert "".join(seg.cut(text, hmm=hmm)) == re.sub(r"\s", "", text)


def test_latin_words_and_numbers_pass_through_whole(seg):
    tokens = seg.cut("WHO称2023年全球孕产妇死亡率为每10万活产197例，下降34.3%，见UNICEF报告")
    for word in ["WHO", "2023", "10", "197", "34.3%", "UNICEF"]:
        assert word in tokens


# --- identity with jieba -------------------------------------------------------------------------

def fuzz_strings(n=1500, seed=6):
    """Random strings over the seeds' characters, Latin, digits, jieba's special characters,
    whitespace, other scripts, symbols and the CJK ideographs outside jieba's range."""
    rnd = random.Random(seed)
    chars = sorted(set("".join(SEED_LINES)))
    extra = list("abcXYZ0123456789.-+#&_%  \t\r\n，。、（）《》“”") + [
        "é", "ß", "Ж", "α", "ア", "한", "★", "→", "①", "\ue000", "\ufffd", "😀",
        "㐀", "䶵", "\u9fd6", "\u9fef", "\uf900", "𠀀", "𪚥"]
    alphabet = chars + extra * 8
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(n)]


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_same_tokens_as_jieba_with_the_same_dictionary(engine):
    ours = S.Segmenter(engine=engine, simplify=False)
    ref = tokenizer(S.mch_dict())
    texts = SEED_LINES + [s for s, _ in SENTENCES] + fuzz_strings()
    for text in texts:
        assert ours.cut(text) == words(ref.lcut(text)), text
        assert ours.cut(text, hmm=False) == words(ref.lcut(text, HMM=False)), text
        assert ours.cut(text, "search") == words(ref.lcut_for_search(text)), text


def text_lines(seed=7):
    """Lines of every kind cut_text tells apart: plain, blank, Latin runs jieba's HMM step
    splits, ideographs outside jieba's range, Traditional, astral, carriage returns."""
    lines = [line for s in fuzz_strings(600, seed) for line in s.split("\n")]
    lines += SEED_LINES[:300] + ["", "  ", "\t\u3000", TRADITIONAL, "乾隆年间，於是著名的后来", "abc\r",
                                 "\r", "state-of-the-art 2.9m 25% 2004-12-28", "𠀀丽 㐀 婦幼", " 孕产妇 "]
    random.Random(seed).shuffle(lines)
    return lines


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
@pytest.mark.parametrize("simplify", [True, False])
def test_cut_text_is_cut_line_by_line(engine, simplify):
    """Lines cut together (joined, in groups by kind) give each line's own tokens."""
    ours = S.Segmenter(engine=engine, simplify=simplify)
    lines = text_lines()
    for mode, hmm, sep in [("default", True, " "), ("default", False, " | "), ("search", True, ""),
                           ("full", True, " "), ("default", True, "\n"), ("default", True, "\ue000")]:
        expected = "".join(sep.join(ours.cut(line, mode, hmm)) + "\n" for line in lines)
        assert ours.cut_text(lines, mode, hmm, sep) == expected, (mode, hmm, sep)
    for some in ([], [""], ["孕产妇"], ["孕产妇", ""], ["", "婦幼"], ["a\ue000b", "孕产妇"], lines[:50],
                 [" 孕产妇", "\u3000 产妇 \t", "妇幼  保健院 "]):
        for sep in (" ", "", "|", "  ", " | ", "\t", "\u3000 "):
            assert ours.cut_text(some, sep=sep) == "".join(sep.join(ours.cut(line)) + "\n" for line in some), (some, sep)
    assert set(S._WHITESPACE) == {chr(c) for c in range(0x110000) if chr(c).isspace()} - {"\n"}


def test_full_mode_and_pos_are_jiebas():
    ours = S.Segmenter(simplify=False)
    ref = tokenizer(S.mch_dict())
    import jieba.posseg
    pos = jieba.posseg.POSTokenizer(ref)
    for text in SEED_LINES[:80] + [s for s, _ in SENTENCES] + fuzz_strings(300):
        assert ours.cut(text, "full") == words(ref.lcut(text, cut_all=True)), text
    for text in [s for s, _ in SENTENCES] + SEED_LINES[:40]:
        assert ours.tag(text) == [(p.word, p.flag) for p in pos.cut(text) if not p.word.isspace()]


def test_identical_to_bare_jieba_without_the_mch_dictionary():
    ours = S.Segmenter(mch=False, simplify=False)
    bare = tokenizer()
    for text in SEED_LINES + fuzz_strings():
        assert ours.cut(text) == words(bare.lcut(text)), text


def test_identical_to_bare_jieba_on_text_without_dictionary_terms(seg):
    bare = tokenizer()
    texts = [t for t in SEED_LINES + fuzz_strings() if not TERM_RE.search(t) and S.simplify(t) == t]
    assert len(texts) > 1000
    for text in texts:
        assert seg.cut(text) == words(bare.lcut(text)), text


def test_the_fast_engine_is_used_when_installed(seg):
    assert seg.engine_name == "rjieba"
    assert S.Segmenter(user_dict=(S.DictEntry("妇幼", 0),)).engine_name == "jieba"  # jieba's force-split


# --- Traditional Chinese --------------------------------------------------------------------------

def test_traditional_is_cut_as_simplified_and_keeps_its_characters(seg):
    tokens = seg.cut(TRADITIONAL)
    assert "".join(tokens) == TRADITIONAL.replace(" ", "")
    for term in ["孕產婦", "新生兒", "產前檢查", "產後訪視", "母乳餵養", "婦幼保健院"]:
        assert term in tokens
    assert seg.cut(S.simplify(TRADITIONAL)) == [S.simplify(t) for t in tokens]
    assert S.segmenter(simplify=False).cut("婦幼保健院") != ["婦幼保健院"]


def test_simplified_text_is_not_converted():
    assert S.simplify("乾隆年间，於是著名的后来") == "乾隆年间，於是著名的后来"
    assert S.simplify("乾淨的後來們") == "干净的后来们"
    assert len(S.simplify(TRADITIONAL)) == len(TRADITIONAL)


@pytest.mark.parametrize("mode", ["search", "full"])
def test_traditional_in_every_mode(seg, mode):
    tokens = seg.cut(TRADITIONAL, mode)
    assert all(t in TRADITIONAL for t in tokens) and "婦幼保健院" in tokens
    assert [w for w, _ in seg.tag(TRADITIONAL)] == seg.cut(TRADITIONAL)


# --- user dictionary ---------------------------------------------------------------------------------

def test_user_dictionary_format_is_jiebas(tmp_path):
    p = tmp_path / "words.txt"
    p.write_bytes("\ufeff援疆医疗队 20 nt\n石柱县\n\n云计算 5\n区块链 n\n".encode("utf-8"))
    assert S.load_dict(str(p)) == (S.DictEntry("援疆医疗队", 20, "nt"), S.DictEntry("石柱县"),
                                   S.DictEntry("云计算", 5), S.DictEntry("区块链", None, "n"))
    p.write_bytes("词 3\n".encode("gb18030") + b"\xff\xfe")
    with pytest.raises(ValueError):
        S.load_dict(str(p))


def test_user_words_stay_whole_and_match_jieba():
    entries = (S.DictEntry("援疆医疗队", 20, "nt"), S.DictEntry("研修赋能"))
    ours = S.Segmenter(entries, simplify=False)
    text = "福州援疆医疗队开展研修赋能活动"
    assert "援疆医疗队" in ours.cut(text) and "研修赋能" in ours.cut(text)
    assert "援疆医疗队" not in S.segmenter().cut(text)


def test_clean_segment_uses_the_mch_and_user_dictionaries(tmp_path):
    page = "标题\n福州援疆医疗队走访奇台县妇幼保健院，开展高危孕产妇管理和研修赋能活动，效果很好。\n"
    tokens = clean_text(page, options=Options(segment=True)).paragraphs[0].tokens
    assert "妇幼保健院" in tokens and "高危孕产妇" in tokens
    d = tmp_path / "d.txt"
    d.write_text("援疆医疗队 30 nt\n", encoding="utf-8")
    r = run("clean", "-", "--segment", "--dict", d, "-f", "jsonl", input=page)
    assert r.exit_code == 0 and "援疆医疗队" in json.loads(r.stdout)["paragraphs"][0]["tokens"]


# --- mch segment -------------------------------------------------------------------------------------

def test_segment_each_line_becomes_its_tokens():
    text = "市妇幼保健院开展高危孕产妇管理。\n\nstate-of-the-art  2.9m\n婦幼保健院\n"
    r = run("segment", input=text)
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout == ("市 妇幼保健院 开展 高危孕产妇 管理 。\n\n"
                        "state - of - the - art 2.9 m\n婦幼保健院\n")


def test_segment_options():
    text = "高危孕产妇专案管理\n"
    assert run("segment", "--sep", "|", input=text).stdout == "高危孕产妇|专案|管理\n"
    assert run("segment", "--pos", input=text).stdout == "高危孕产妇/n 专案/n 管理/vn\n"
    assert "孕产 产妇 孕产妇 高危孕产妇" in run("segment", "--mode", "search", input=text).stdout
    assert run("segment", "-m", "full", input=text).stdout == "高危孕产妇 孕产 孕产妇 产妇 专案 管理\n"
    assert run("segment", "--no-mch-dict", input=text).stdout == "高危 孕产妇 专案 管理\n"
    assert run("segment", "--no-hmm", input="他来到了网易杭研大厦\n").stdout == "他 来到 了 网易 杭 研 大厦\n"
    assert run("segment", input="他来到了网易杭研大厦\n").stdout == "他 来到 了 网易 杭研 大厦\n"
    assert run("segment", "--no-simplify", input="婦幼保健院\n").stdout != "婦幼保健院\n"


def test_segment_jsonl_adds_tokens_to_records_and_paragraphs():
    recs = run("clean", SEEDS / "001_519edece9128d60e.txt", "-f", "jsonl").stdout
    r = run("segment", "-f", "jsonl", input=recs + "\n" + '{"id": 7}\n')
    assert r.exit_code == 0
    rec, other = [json.loads(line) for line in r.stdout.splitlines()]
    assert "".join(rec["tokens"]) == re.sub(r"\s", "", rec["text"])
    assert all("".join(p["tokens"]) == re.sub(r"\s", "", p["text"]) for p in rec["paragraphs"])
    assert "妇幼保健院" in rec["tokens"] and other == {"id": 7}
    r = run("segment", "-f", "jsonl", "--pos", input='{"text": "高危孕产妇管理"}\n')
    assert json.loads(r.stdout) == {"text": "高危孕产妇管理", "tokens": ["高危孕产妇", "管理"], "pos": ["n", "vn"]}


def test_segment_bad_input_is_one_line_and_the_rest_goes_on(tmp_path):
    r = run("segment", "-f", "jsonl", input='{"text": "孕妇"}\nnot json\n{"text": "产妇"}\n')
    assert r.exit_code == 1 and len(r.stdout.splitlines()) == 2
    assert r.stderr == "mch: -:2: not JSON (Expecting value)\n"
    good = tmp_path / "a.txt"
    good.write_text("孕妇\n", encoding="utf-8")
    r = run("segment", tmp_path / "missing.txt", good)
    assert r.exit_code == 1 and r.stdout == "孕妇\n" and r.stderr.startswith("mch: ")
    r = run("segment", "--dict", tmp_path / "missing.txt", input="孕妇\n")
    assert r.exit_code == 2 and "missing.txt" in r.stderr


def test_segment_reads_directories_and_compressed_files(tmp_path):
    import gzip
    (tmp_path / "a.txt").write_text("孕产妇\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("高危孕产妇管理\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("不读\n", encoding="utf-8")
    r = run("segment", tmp_path)
    assert r.exit_code == 0 and r.stderr == "" and r.stdout == "孕产妇\n高危孕产妇 管理\n"
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress("高危孕产妇管理\n".encode("gb18030")))
    r = run("segment", gz)
    assert r.exit_code == 0 and r.stdout == "高危孕产妇 管理\n"


def test_segment_takes_a_jsonl_file_whole(tmp_path):
    """Records in, records out: a JSON Lines file is not split into pages as clean splits it."""
    recs = tmp_path / "recs.jsonl.gz"
    import gzip
    recs.write_bytes(gzip.compress('{"text": "孕妇", "id": 1}\n{"text": "产妇", "id": 2}\n'.encode()))
    r = run("segment", recs, "-f", "jsonl")
    assert r.exit_code == 0 and [json.loads(x)["tokens"] for x in r.stdout.splitlines()] == [["孕妇"], ["产妇"]]


def test_segment_reports_an_empty_file_and_a_file_over_max_bytes(tmp_path):
    empty, page = tmp_path / "empty.txt", tmp_path / "page.txt"
    empty.write_bytes(b"")
    page.write_text("孕妇\n" * 100, encoding="utf-8")
    r = run("segment", empty, page)
    assert r.exit_code == 1 and r.stderr == f"mch: {empty}: empty file\n" and r.stdout == "孕妇\n" * 100
    r = run("segment", page, "--max-bytes", "100")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == f"mch: {page}: too large: 700 bytes, the limit is 100 (--max-bytes)\n"


def test_segment_a_record_of_control_characters_is_one_error_among_good_records():
    stream = '{"text": "孕妇"}\n' + "\x00\x01\x02\x03\x04\x05" * 20 + '\n{"text": "产妇"}\n'
    r = run("segment", "-f", "jsonl", input=stream)
    assert r.exit_code == 1 and r.stderr == "mch: -:2: binary data, not text\n"
    assert [json.loads(x)["tokens"] for x in r.stdout.splitlines()] == [["孕妇"], ["产妇"]]


def test_segment_on_two_workers_gives_the_same_output():
    text = "\n".join(SEED_LINES) + "\n"
    one = run("segment", "-j", "1", input=text)
    two = run("segment", "-j", "2", input=text)
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == len(SEED_LINES)
    pos = run("segment", "--pos", "-j", "2", input="\n".join(SEED_LINES[:30]) + "\n")
    assert pos.stdout == run("segment", "--pos", input="\n".join(SEED_LINES[:30]) + "\n").stdout


def test_map_batches_in_order_on_forked_children_and_none_left_behind():
    batches = [(i, [str(i)] * i) for i in range(11)]
    expected = [(n, len(lines)) for n, lines in batches]
    for jobs in (1, 2, 3, 11, 20):
        assert list(S.map_batches(lambda b: (b[0], len(b[1])), batches, jobs)) == expected

    def fails_in_a_child(batch):
        if batch[0] > 5 and os.getpid() != parent:
            raise ValueError("boom")
        return batch[0]
    parent = os.getpid()
    with pytest.raises(RuntimeError, match="worker process failed"):
        list(S.map_batches(fails_in_a_child, batches, 2))
    before = children()
    results = S.map_batches(lambda b: b[0], batches, 3)  # given up after the first result
    assert next(results) == 0
    assert len(children() - before) == 2
    results.close()
    assert children() <= before  # killed and reaped


def test_segment_on_two_workers_given_up_leaves_no_process(tmp_path):
    """--max-seconds (and so Ctrl-C, the same way out) ends the children with the parent."""
    big = tmp_path / "big.txt"
    big.write_text("\n".join(SEED_LINES * 20) + "\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "mch_cli", "segment", "-j", "2", "--max-seconds", "0.001", str(big)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _, stderr = p.communicate(timeout=120)
    assert p.returncode == 1 and stderr == f"mch: {big}: gave up after 0.001 s (--max-seconds)\n"
    group = subprocess.run(["ps", "-o", "pid=", "-g", str(p.pid)], capture_output=True, text=True).stdout
    assert group.split() == []


def test_worker_count_all_cores_for_large_inputs_unless_saturated(monkeypatch):
    seg = S.segmenter()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert S.worker_count(10_000, seg) == 1
    assert S.worker_count(10_000_000, seg) == cores
    monkeypatch.setattr(os, "getloadavg", lambda: (os.cpu_count() + 0.5, 0.0, 0.0))
    assert S.worker_count(10_000_000, seg) == cores
    monkeypatch.setattr(os, "getloadavg", lambda: (os.cpu_count() + 1.5, 0.0, 0.0))
    assert S.worker_count(10_000_000, seg) == 1  # saturated: no fork


def children():
    """The pids of this process's children (Linux)."""
    if not os.path.isdir("/proc"):
        pytest.skip("no /proc")
    found = set()
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as f:
                if name.isdigit() and int(f.read().rsplit(")", 1)[1].split()[1]) == os.getpid():
                    found.add(int(name))
        except (OSError, ValueError, IndexError):
            pass
    return found


def test_segment_process_is_quiet_and_writes_no_temporary_file(tmp_path):
    """The installed command: nothing on stderr, no jieba.cache in the temporary folder; the
    jieba cache (--pos loads jieba itself) lands in the user's cache directory."""
    tmp, cache = tmp_path / "tmp", tmp_path / "cache"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), XDG_CACHE_HOME=str(cache))
    before = set(os.listdir("/tmp"))
    mch = [sys.executable, "-m", "mch_cli"]
    text = "\n".join(SEED_LINES) + "\n"
    for args in (["segment"], ["segment", "--pos", "-j", "2"], ["segment", "-m", "full"]):
        r = subprocess.run(mch + args, input=text.encode(), capture_output=True, env=env, timeout=120)
        assert r.returncode == 0 and r.stderr == b"", r.stderr
        assert len(r.stdout.decode().splitlines()) == len(SEED_LINES)
    assert os.listdir(tmp) == []
    assert not [n for n in set(os.listdir("/tmp")) - before if n.startswith("jieba.")]
    assert os.listdir(cache / "mch") == ["jieba.cache"]
