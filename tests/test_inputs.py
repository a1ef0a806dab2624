"""Every input people really have gives the same article: encodings, mojibake, stdin, JSON
Lines, WET/WARC, compressed files, HTML."""
import codecs
import gzip
import io
import json
import time

import pytest
from typer.testing import CliRunner

from mch_cli import clean_bytes
from mch_cli.cli import app
from mch_cli.decode import decode_text

from .conftest import SEEDS

SEED = SEEDS / "001_519edece9128d60e.txt"
TEXT = SEED.read_text(encoding="utf-8")
EXPECTED = clean_bytes(SEED.read_bytes()).text
runner = CliRunner()


def _records(*args, **kw):
    r = runner.invoke(app, ["clean", *map(str, args), "-f", "jsonl"], **kw)
    return r, [json.loads(x) for x in r.stdout.splitlines()]


@pytest.mark.parametrize("name, data, encoding", [
    ("gb18030", TEXT.encode("gb18030"), "gb18030"),
    ("utf-16", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-le-no-bom", TEXT.encode("utf-16-le"), "utf-16"),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    ("crlf", TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
])
def test_same_text_whatever_the_bytes(tmp_path, name, data, encoding):
    p = tmp_path / f"{name}.txt"
    p.write_bytes(data)
    r, (rec,) = _records(p)
    assert r.exit_code == 0
    assert rec["text"] == EXPECTED
    assert rec["encoding"] == encoding and rec["repaired"] is False


def test_utf8_read_as_latin1_is_repaired(tmp_path):
    p = tmp_path / "mojibake.txt"
    p.write_text(TEXT.encode("utf-8").decode("latin-1"), encoding="utf-8")
    r, (rec,) = _records(p)
    assert rec["text"] == EXPECTED and rec["repaired"] is True


def test_gbk_read_as_latin1_is_repaired():
    mojibake = TEXT.encode("gbk", errors="ignore").decode("latin-1").encode("utf-8")
    d = decode_text(mojibake)
    assert d.repaired and "妇幼保健院" in d.text


def test_big5_page():
    page = "兒童保健服務再升級\n市婦幼保健院近日啟動新一輪兒童健康管理項目，覆蓋全市十二個區縣，受到家長們的普遍歡迎和好評。\n"
    d = decode_text(page.encode("big5") * 3)
    assert d.encoding == "big5" and d.text.startswith("兒童保健服務再升級")


def test_chinese_quotes_are_not_rewritten():
    d = decode_text("他说：“你好”，‘再见’。".encode("utf-8"))
    assert d.text == "他说：“你好”，‘再见’。" and not d.repaired


def test_one_stray_byte_stays_utf8():
    d = decode_text(TEXT.encode("utf-8") + b"\xff")
    assert d.encoding == "utf-8" and d.text.startswith("返回首页")


def test_stdin():
    r, (rec,) = _records("-", input=SEED.read_bytes())
    assert rec["text"] == EXPECTED and rec["path"] == "-"


def test_jsonl_on_stdin_with_text_field():
    """Issue 18, 8: --text-field on stdin means JSON Lines (before: the raw JSON as the article)."""
    lines = "".join(json.dumps({"id": i, "body": TEXT}) + "\n" for i in (7, 8)).encode()
    r, recs = _records("-", "--text-field", "body", input=lines)
    assert r.exit_code == 0 and [(x["path"], x["id"], x["text"]) for x in recs] == [("-#1", "7", EXPECTED), ("-#2", "8", EXPECTED)]
    r, (err,) = _records("-", "--text-field", "body", input=b"just a page\n")  # never ignored
    assert r.exit_code == 1 and err["path"] == "-#1" and err["error"].startswith("invalid JSON")


@pytest.mark.parametrize("kind", ["jsonl", "warc"])
def test_jsonl_and_warc_on_stdin_are_sniffed(kind):
    data = json.dumps({"text": TEXT}).encode() + b"\n" if kind == "jsonl" else _wet_records(2)
    r, recs = _records(input=data)  # no PATH: stdin
    assert r.exit_code == 0 and [x["path"] for x in recs] == ["-#1"] * (kind == "jsonl") + ["-#1", "-#2"] * (kind == "warc")
    assert all(x["text"] == EXPECTED or x["text"].startswith(EXPECTED) for x in recs)
    r = runner.invoke(app, ["show", "-"], input=data)
    assert r.exit_code == 0 and r.stdout.startswith(clean_bytes(SEED.read_bytes()).title)


@pytest.mark.parametrize("first", [b"{not json} but a page\n", b"[1, 2]\n", b"WARC is a word\n"])
def test_stdin_that_only_looks_like_records_is_a_page(first):
    r, (rec,) = _records("-", input=first + SEED.read_bytes())
    assert rec["path"] == "-" and rec["text"].endswith(EXPECTED)


def test_jsonl_records_keep_id_url_and_path(tmp_path):
    p = tmp_path / "pages.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "url": "https://example.org/1", "text": TEXT}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": 7, "body": "nothing here"}),
        json.dumps({"html": "<html><body><h1>标题</h1><p>" + "正文内容，" * 20 + "</p></body></html>"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    r, recs = _records(p)
    assert r.exit_code == 1
    ok, bad_json, no_text, html = recs
    assert (ok["path"], ok["id"], ok["url"], ok["text"]) == (f"{p}#1", "a1", "https://example.org/1", EXPECTED)
    assert bad_json["path"] == f"{p}#2" and bad_json["error"].startswith("invalid JSON")
    assert no_text == {"path": f"{p}#3", "id": "7", "error": "no 'text' field"}  # its own id (issue 19, 5)
    assert html["title"] == "标题" and html["text"].startswith("正文内容")
    assert r.stderr.count("\n") == 2


def test_jsonl_text_field(tmp_path):
    p = tmp_path / "pages.jsonl"
    p.write_text(json.dumps({"body": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    r, (rec,) = _records(p, "--text-field", "body")
    assert rec["text"] == EXPECTED and len(rec["id"]) == 16


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for rec_type, url, payload, http in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1") if http else None
            writer.write_record(writer.create_warc_record(
                url, rec_type, payload=io.BytesIO(payload), http_headers=headers,
                warc_content_type="text/plain" if rec_type == "conversion" else None))


def test_wet_file(tmp_path):
    p = tmp_path / "crawl.warc.wet.gz"
    _warc(p, [("conversion", "https://example.org/a", TEXT.encode("utf-8"), False)])
    r, (rec,) = _records(p)
    assert rec["text"] == EXPECTED
    assert rec["url"] == "https://example.org/a" and rec["id"].startswith("<urn:uuid:")
    assert rec["path"] == f"{p}#1" and rec["fetched"] and rec["date"] == "2025-10-27"


def test_warc_response_with_html(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    html = ("<html><head><title>妇幼新闻</title></head><body><div class=nav><a href=/>首页</a> "
            "<a href=/x>新闻</a></div><h1>妇幼保健院开展义诊</h1><p>" + "医生为孕产妇提供免费咨询服务，" * 8
            + "。</p></body></html>").encode("utf-8")
    _warc(p, [("response", "https://example.org/b", html, True)])
    r, (rec,) = _records(p)
    assert rec["title"] == "妇幼保健院开展义诊" and rec["text"].startswith("医生为孕产妇")


def _wet_records(n):
    """A plain WET file of `n` conversion records, each the seed text with its number."""
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for i in range(n):
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{i}", "conversion", payload=io.BytesIO(f"{TEXT}\n{i}".encode("utf-8")),
            warc_content_type="text/plain"))
    return out.getvalue()


def test_warc_gzipped_as_one_stream_gives_every_record(tmp_path):
    """Issue 18, 4: `gzip file.warc` (one member for all records) is read like a WARC of one
    gzip member per record."""
    one = tmp_path / "one.warc.wet.gz"
    one.write_bytes(gzip.compress(_wet_records(3)))
    per_record = tmp_path / "per.warc.wet.gz"
    _warc(per_record, [("conversion", f"https://example.org/{i}", f"{TEXT}\n{i}".encode(), False) for i in range(3)])
    r, recs = _records(one, per_record)
    assert r.exit_code == 0 and r.stderr == ""
    assert [rec["path"] for rec in recs] == [f"{one}#{i}" for i in (1, 2, 3)] + [f"{per_record}#{i}" for i in (1, 2, 3)]
    assert [rec["url"] for rec in recs[:3]] == [rec["url"] for rec in recs[3:]]


def test_a_damaged_warc_record_is_one_line_with_its_number(tmp_path):
    data = _wet_records(3)
    second = data.index(b"WARC/1.0", 10)
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(data[:second] + b"NOT A WARC HEADER\r\n" + data[second:]))
    r, (ok, err) = _records(bad)
    assert ok["path"] == f"{bad}#1" and err["path"] == f"{bad}#2" and "\n" not in err["error"]
    assert r.exit_code == 1 and r.stderr == f"mch: {bad}#2: {err['error']}\n"


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_files(tmp_path, suffix):
    p = tmp_path / f"page.txt{suffix}"
    if suffix == ".gz":
        p.write_bytes(gzip.compress(SEED.read_bytes()))
    else:
        import zstandard
        p.write_bytes(zstandard.ZstdCompressor().compress(SEED.read_bytes()))
    r, (rec,) = _records(p)
    assert rec["text"] == EXPECTED


def test_corrupt_compressed_file_is_one_error(tmp_path):
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    r, (err, ok) = _records(bad, SEED)
    assert r.exit_code == 1 and "error" in err and ok["text"] == EXPECTED


@pytest.mark.parametrize("name", ["page.txt", "crawl.jsonl", "crawl.warc.wet"])
@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_a_truncated_compressed_file_is_refused_in_one_line(tmp_path, name, suffix):
    """Issue 18, 7: a .zst cut short was cleaned as if whole, a .gz refused: both refused."""
    import zstandard

    data = {"page.txt": SEED.read_bytes(), "crawl.jsonl": json.dumps({"text": TEXT}).encode() + b"\n",
            "crawl.warc.wet": _wet_records(1)}[name]
    packed = gzip.compress(data) if suffix == ".gz" else zstandard.ZstdCompressor().compress(data)
    cut = tmp_path / (name + suffix)
    cut.write_bytes(packed[: len(packed) * 2 // 3])
    r, recs = _records(cut)
    assert r.exit_code == 1 and len(r.stderr.splitlines()) == 1, r.stderr
    assert [rec.get("text") for rec in recs] == [None]
    assert recs[0]["error"].endswith("Compressed file ended before the end-of-stream marker was reached")


def test_zst_of_several_frames_is_read_whole(tmp_path):
    import zstandard

    p = tmp_path / "two.txt.zst"
    p.write_bytes(zstandard.ZstdCompressor().compress(TEXT.encode()) + zstandard.ZstdCompressor().compress(b"\n"))
    r, (rec,) = _records(p)
    assert rec["text"] == EXPECTED


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>孕产妇健康管理新举措_健康频道_示例网</title>
<meta name="author" content="王芳"><meta property="article:published_time" content="2024-03-05T09:30:00+08:00">
<script>var x = "不是正文";</script><style>p { color: red }</style></head>
<body><ul class="menu"><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li><li><a href="/h">健康</a></li></ul>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/h">健康</a></div>
<h1>孕产妇健康管理新举措</h1>
<div class="info">2024-03-05 来源：健康时报</div>
<p>为进一步保障母婴安全，市卫健委近日出台孕产妇健康管理新举措，全面加强高危孕产妇专案管理。</p>
<p>新举措要求各医疗机构落实首诊负责制，做好孕产妇妊娠风险筛查与评估工作，并<a href="/x">定期随访</a>。</p>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">儿童保健服务再升级</a></li><li><a href="/2">新生儿疾病筛查全覆盖</a></li></ul></div>
<div class="footer">版权所有 © 2024 示例网</div></body></html>"""


def test_html_page(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(HTML_PAGE.encode("gb18030"))
    r, (rec,) = _records(p, "--explain")
    assert rec["encoding"] == "gb18030"
    assert rec["title"] == "孕产妇健康管理新举措"
    assert (rec["date"], rec["source"], rec["author"]) == ("2024-03-05", "健康时报", "王芳")
    assert [x["text"][:6] for x in rec["paragraphs"]] == ["为进一步保障", "新举措要求各"]
    assert "定期随访" in rec["text"] and "不是正文" not in json.dumps(rec, ensure_ascii=False)
    reasons = {x["text"]: x["reason"] for x in rec["removed"]}
    assert reasons["新闻"] == "outside article: inside <ul class=\"menu\">" and "首页" in reasons


def test_html_is_sniffed_without_extension(tmp_path):
    p = tmp_path / "page.txt"
    p.write_bytes(HTML_PAGE.encode("gb18030"))
    r, (rec,) = _records(p)
    assert rec["title"] == "孕产妇健康管理新举措"


def test_html_text_after_a_comment_or_an_iframe_is_kept():
    from mch_cli.html import parse
    page = parse(b"<html><body><p>one<!-- ad -->two</p><div><!-- x -->three<iframe src=x></iframe>"
                 b"four<?php echo 1 ?>five</div></body></html>")
    assert page.lines == ["onetwo", "threefourfive"]


# --- one way in: every command that reads pages reads them alike (read.iter_documents) ---------

def _invoke(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_stats_terms_and_keywords_take_records_by_their_text_field(tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"id": "a", "url": "https://x.cn/1", "body": TEXT}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    r = _invoke("stats", crawl, "--text-field", "body", "-f", "jsonl")
    assert r.exit_code == 0 and r.stderr == "" and json.loads(r.stdout)["documents"] == 1
    for command in ("terms", "keywords"):
        r = _invoke(command, crawl, "--text-field", "body", "-f", "jsonl")
        assert r.exit_code == 0 and r.stderr == "" and r.stdout
    r = _invoke("stats", crawl, "-f", "jsonl")
    assert r.exit_code == 1 and r.stderr == f"mch: {crawl}#1: no 'text' field\n"


@pytest.mark.parametrize("command", ["show", "stats", "terms", "keywords", "detect", "align"])
def test_every_command_refuses_a_page_over_max_bytes_in_one_line(tmp_path, command):
    r = _invoke(command, SEED, "--max-bytes", "1K")
    assert r.exit_code == 1
    assert r.stderr == f"mch: {SEED}: too large: {SEED.stat().st_size:,} bytes, the limit is 1,024 (--max-bytes)\n"


@pytest.mark.parametrize("command", ["show", "stats", "terms", "keywords"])
def test_a_50_mb_page_is_refused_at_once_by_default(tmp_path, command):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)  # sparse: refused on its size, never read
    started = time.time()
    r = _invoke(command, big)
    assert r.exit_code == 1 and time.time() - started < 5
    assert r.stderr == f"mch: {big}: too large: 52,428,800 bytes, the limit is 20,971,520 (--max-bytes)\n"


@pytest.mark.parametrize("command", ["show", "stats", "terms", "keywords"])
def test_every_command_gives_up_a_slow_page_after_max_seconds(monkeypatch, command):
    import mch_cli.pipeline as pipeline

    monkeypatch.setattr(pipeline, "classify", lambda *a, **kw: time.sleep(5))
    started = time.time()
    r = _invoke(command, SEED, "--max-seconds", "0.2")
    assert r.exit_code == 1 and time.time() - started < 3
    assert r.stderr == f"mch: {SEED}: gave up after 0.2 s (--max-seconds)\n"


# --- issue 19, 3-5: limits, messages in words, records keep their id ------------------------------

@pytest.mark.parametrize("seconds", ["inf", "1e12", "1e9"])
def test_max_seconds_beyond_any_timer_is_no_limit(seconds):
    """--max-seconds inf or 1e12 failed every page with an internal error (OverflowError)."""
    r, (rec,) = _records(SEED, "--max-seconds", seconds)
    assert r.exit_code == 0 and r.stderr == "" and rec["text"] == EXPECTED


@pytest.mark.parametrize("seconds", ["nan", "-1", "-inf"])
def test_max_seconds_not_a_duration_is_a_usage_error(seconds):
    r, recs = _records(SEED, "--max-seconds", seconds)
    assert (r.exit_code, recs) == (2, [])
    assert r.stderr == f"mch: --max-seconds {seconds}: expected a number of seconds, 0 for no limit\n"


@pytest.mark.parametrize("size", ["1000G", "4000000000G", "99999999999999999999G"])
def test_an_enormous_max_bytes_is_no_limit(tmp_path, size):
    """A huge --max-bytes was read(size) at once: MemoryError, or an int that fits no index."""
    packed = tmp_path / "page.txt.gz"
    packed.write_bytes(gzip.compress(SEED.read_bytes()))
    r, recs = _records(SEED, packed, "-", "--max-bytes", size, input=SEED.read_bytes())
    assert r.exit_code == 0 and r.stderr == "" and [rec["text"] for rec in recs] == [EXPECTED] * 3


def test_compressed_files_that_are_not_or_are_damaged_say_so_in_words(tmp_path):
    """Python's own words reached users: "Not a gzipped file (b'th')", "CRC check failed 0x…"."""
    import zstandard

    not_gz = tmp_path / "a.txt.gz"
    not_gz.write_bytes(SEED.read_bytes())
    not_zst = tmp_path / "b.txt.zst"
    not_zst.write_bytes(SEED.read_bytes())
    crc = tmp_path / "c.txt.gz"
    packed = bytearray(gzip.compress(SEED.read_bytes()))
    packed[-8] ^= 0xFF  # the CRC-32 in the trailer
    crc.write_bytes(bytes(packed))
    sum_zst = tmp_path / "d.jsonl.zst"
    packed = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(json.dumps({"text": TEXT}).encode()))
    packed[-1] ^= 0xFF  # the checksum at the end
    sum_zst.write_bytes(bytes(packed))
    r, recs = _records(not_gz, not_zst, crc, sum_zst)
    assert r.exit_code == 1 and [rec.get("text") for rec in recs] == [None] * 4
    assert r.stderr.splitlines() == [
        f"mch: {not_gz}: not gzip data, though its name ends in .gz",
        f"mch: {not_zst}: not zstd data, though its name ends in .zst",
        f"mch: {crc}: corrupt gzip data: its checksum does not match what it holds",
        f"mch: {sum_zst}: corrupt zstd data: zstd decompressor error: Restored data doesn't match checksum"]


def test_an_empty_glob_is_said_in_words(tmp_path):
    """It read "no  files in directory", with a double space."""
    r = runner.invoke(app, ["clean", str(tmp_path), "--glob", ""])
    assert r.exit_code == 1 and r.stderr == f"mch: {tmp_path}: no files matching --glob '' in directory\n"


def test_jsonl_error_records_keep_their_id_and_say_what_is_wrong(tmp_path):
    """SCHEMA.md: an error record keeps the record's own id; a text that is no string is not
    "no 'text' field"."""
    p = tmp_path / "crawl.jsonl"
    p.write_text("\n".join(json.dumps(rec) for rec in [
        {"id": "r1", "text": 123}, {"id": 2, "text": ["a"]}, {"id": "r3"}, {"text": None, "id": "r4"},
        {"id": "r5", "text": "\x00\x01\x02" * 100}]) + "\n", encoding="utf-8")
    r, recs = _records(p)
    assert [(rec["id"], rec["error"]) for rec in recs] == [
        ("r1", "the 'text' field is a number, not a string"), ("2", "the 'text' field is a list, not a string"),
        ("r3", "no 'text' field"), ("r4", "no 'text' field"), ("r5", "binary data, not text")]


def test_stdin_after_a_file_is_still_sniffed():
    """A file before `-` made stdin JSON Lines: every line of the page an error `-#N`."""
    r, recs = _records(SEED, "-", input=SEED.read_bytes())
    assert r.exit_code == 0 and r.stderr == "" and [rec["path"] for rec in recs] == [str(SEED), "-"]
