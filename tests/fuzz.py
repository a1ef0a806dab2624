"""Fuzzing mch: hypothesis strategies for hostile inputs, the checks every input must pass, and
a fuzz run (`make fuzz`, or `python tests/fuzz.py -n 600`).

Inputs: random bytes; the seed pages' lines shuffled, with every kind of line end, in every
encoding mch reads; seed pages corrupted (bytes flipped, cut, duplicated, NULs and byte-order
marks inserted, truncated inside a character); random Unicode from every plane; broken HTML;
cp1252 and Latin-1 pages; layered mojibake (1 to 4 readings deep); WET files gzipped as one
stream (some cut short) and truncated .zst files, read as files; and, after the batch, all the
pages as JSON Lines on stdin.
Each input is cleaned in-process (a crash is any exception but the documented DecodeError
refusal; the record must be one valid JSON line and, for text, account for every non-empty input
line exactly once), then all of them go through the real `mch clean` as one batch (exit 0 or 1,
no traceback, valid JSON Lines, one stderr line per error record).

The tests (tests/test_reliability.py) use the same strategies and checks with fewer examples.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tests/fuzz.py` from anywhere
    sys.path.insert(0, str(ROOT))

from mch_cli import Document, Options  # noqa: E402
from mch_cli.decode import DecodeError, decode_text  # noqa: E402
from mch_cli.html import looks_like_html  # noqa: E402
from mch_cli.pipeline import clean_document  # noqa: E402
from mch_cli.script import normalise  # noqa: E402
from mch_cli.write import article_text  # noqa: E402

SEED_PAGES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
SEED_LINES = [line for page in SEED_PAGES for line in page.splitlines()]

# --- strategies ---------------------------------------------------------------------------------

LINE_ENDS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\u2028", "\x85",
                             "\f\n", "\x0b", "\x1c"])
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


@st.composite
def _bulk_bytes(draw) -> bytes:
    """Large random inputs (hypothesis draws small ones): any bytes, only high bytes (no NUL to
    give them away: the decoders' fallbacks), or printable ASCII, up to 64 KB."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    n = rng.randint(0, 64 * 1024)
    alphabet = draw(st.sampled_from([None, bytes(range(0x80, 0x100)), bytes(range(0x20, 0x7f)) + b"\n"]))
    if alphabet is None:
        return rng.randbytes(n)
    return bytes(rng.choice(alphabet) for _ in range(n // 4))


random_bytes = st.one_of(st.binary(min_size=0, max_size=4096), _bulk_bytes())


@st.composite
def shuffled_seed_lines(draw) -> bytes:
    """Seed lines in a random order, with random line ends, in a random encoding."""
    lines = draw(st.lists(st.sampled_from(SEED_LINES), min_size=0, max_size=80))
    ends = draw(st.lists(LINE_ENDS, min_size=len(lines), max_size=len(lines)))
    return _encode("".join(a + b for a, b in zip(lines, ends)), draw(st.sampled_from(ENCODINGS)))


@st.composite
def seed_text_pages(draw) -> str:
    """Text (not bytes) of seed lines, shuffled and mixed with random lines: for the properties
    about lines, which need to know the text."""
    lines = draw(st.lists(st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(SEED_LINES),
                                    st.text(max_size=60), st.just("")), max_size=60))
    return "\n".join(lines)


_CORRUPTIONS = st.lists(st.tuples(
    st.sampled_from(["flip", "delete", "insert", "nul", "truncate", "duplicate", "bom", "crlf"]),
    st.floats(0, 1), st.integers(1, 64), st.binary(min_size=1, max_size=16)), min_size=1, max_size=6)


@st.composite
def corrupted_seed_pages(draw) -> bytes:
    """A seed page, encoded, then broken in a few places."""
    data = bytearray(_encode(draw(st.sampled_from(SEED_PAGES)), draw(st.sampled_from(ENCODINGS))))
    for op, where, n, junk in draw(_CORRUPTIONS):
        at = int(where * len(data))
        if op == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << (n % 8)
        elif op == "delete":
            del data[at:at + n]
        elif op == "insert":
            data[at:at] = junk
        elif op == "nul":
            data[at:at] = b"\x00" * n
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            data[at:at] = data[at:at + n * 16]
        elif op == "bom":
            data[at:at] = b"\xef\xbb\xbf" if n % 2 else b"\xff\xfe"
        elif op == "crlf":
            data[at:at] = b"\r" * (n % 4 + 1)
    return bytes(data)


_PLANES = [(0x0, 0x7F), (0x80, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x2000, 0x206F),
           (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xE000, 0xF8FF), (0xFE00, 0xFFFF),
           (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF), (0xF0000, 0x10FFFF)]


@st.composite
def random_unicode(draw) -> bytes:
    """Any code points (every plane, controls, combining marks, right-to-left, private use,
    noncharacters, emoji, CJK extensions), in lines, in a random encoding; small ones drawn
    by hypothesis, large ones (up to 20,000 characters) from a seeded generator."""
    if draw(st.booleans()):
        text = "\n".join(draw(st.lists(st.text(st.characters(codec=None), max_size=120), max_size=30)))
    else:
        rng = random.Random(draw(st.integers(0, 2**32)))
        planes = rng.sample(_PLANES, rng.randint(1, 4))
        chars = []
        for _ in range(rng.randint(0, 20_000)):
            lo, hi = rng.choice(planes)
            chars.append(chr(rng.randint(lo, hi)) if rng.random() > 0.05 else rng.choice("\n \t"))
        text = "".join(chars)
    return _encode(text, draw(st.sampled_from(ENCODINGS)))


_TAGS = ["p", "div", "span", "a", "h1", "li", "td", "br", "script", "style", "title", "b", "table"]


@st.composite
def broken_html(draw) -> bytes:
    """Seed lines in random, often unclosed, markup, sometimes declaring the wrong charset."""
    parts = [draw(st.sampled_from(["<html>", "<!doctype html><html><head>", "<body>", ""]))]
    if draw(st.booleans()):
        parts.append(f'<meta charset="{draw(st.sampled_from(["gbk", "utf-8", "big5", "latin-1", "x-bogus"]))}">')
    for line in draw(st.lists(st.sampled_from(SEED_LINES), max_size=40)):
        tag = draw(st.sampled_from(_TAGS))
        close = draw(st.sampled_from([f"</{tag}>", "", "</div>", "<!--", "]]>"]))
        parts.append(f"<{tag}>{line}{close}")
    return "\n".join(parts).encode(draw(st.sampled_from(["utf-8", "gb18030"])), errors="replace")


_WESTERN = ["Le café du coin a ouvert ses portes à l’été, « très tôt » déjà.",
            "São Paulo’s maternity ward — “a model” — opened in 2024.",
            "Die Ärztin prüft die Säuglinge; Müller’s Klinik hilft Müttern.",
            "El niño recibió atención prenatal en la clínica señalada."]


@st.composite
def western_pages(draw) -> bytes:
    """An English/French/German/Spanish page in cp1252 or Latin-1 (issue 18)."""
    lines = draw(st.lists(st.sampled_from(_WESTERN + [line for line in SEED_LINES if line.isascii()]),
                          min_size=1, max_size=30))
    return "\n".join(lines).encode(draw(st.sampled_from(["cp1252", "latin-1"])), errors="replace")


def _read_as(data: bytes, via: str) -> str:
    """Bytes read as Latin-1, or as cp1252 the way browsers do (its five undefined bytes as C1)."""
    return data.decode("latin-1") if via == "latin-1" else "".join(
        bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


@st.composite
def layered_mojibake(draw) -> bytes:
    """A seed page in UTF-8 or GBK read as Latin-1/cp1252 and saved as UTF-8, 1 to 4 times."""
    data = draw(st.sampled_from(SEED_PAGES)).encode(draw(st.sampled_from(["utf-8", "gbk"])), errors="ignore")
    via = draw(st.sampled_from(["latin-1", "cp1252"]))
    for _ in range(draw(st.integers(1, 4))):
        data = _read_as(data, via).encode("utf-8")
    return data


@st.composite
def one_stream_warc_gz(draw) -> bytes:
    """WET records, gzipped as one stream (`gzip file.warc`), sometimes cut short."""
    import gzip
    import io

    from warcio.warcwriter import WARCWriter
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n, text in enumerate(draw(st.lists(st.sampled_from(SEED_PAGES), min_size=1, max_size=3))):
        headers = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                   "WARC-Date": "2025-01-01T00:00:00Z"}  # no random id or clock: hypothesis replays
        writer.write_record(writer.create_warc_record("https://example.org/", "conversion",
                                                      payload=io.BytesIO(text.encode("utf-8")),
                                                      warc_headers_dict=headers))
    data = gzip.compress(out.getvalue(), mtime=0)
    return _cut(data, draw(st.integers(1, 1000))) if draw(st.booleans()) else data


def _cut(data: bytes, thousandths: int) -> bytes:
    """`data` cut to that many thousandths of it (at least one byte, never all of it)."""
    return data[: max(1, min(len(data) - 1, len(data) * thousandths // 1000))]


@st.composite
def truncated_zst(draw) -> bytes:
    """A seed page, zstd-compressed and cut short (never cleaned as if whole)."""
    import zstandard
    data = zstandard.ZstdCompressor().compress(draw(st.sampled_from(SEED_PAGES)).encode("utf-8"))
    return _cut(data, draw(st.integers(1, 999)))


KINDS = {"random bytes": random_bytes, "shuffled seed lines": shuffled_seed_lines(),
         "corrupted seed pages": corrupted_seed_pages(), "random Unicode": random_unicode(),
         "broken HTML": broken_html(), "Western page": western_pages(), "layered mojibake": layered_mojibake()}
# inputs read as files (their name says what they are): checked through read.iter_documents
FILE_KINDS = {"one-stream .warc.gz": (one_stream_warc_gz(), ".warc.wet.gz"),
              "truncated .zst": (truncated_zst(), ".txt.zst")}
any_input = st.one_of(*(s.map(lambda data, k=kind: (k, data)) for kind, s in
                        [*KINDS.items(), *((k, s) for k, (s, _) in FILE_KINDS.items())]))


def file_name(kind: str) -> str:
    return "fuzz" + (".html" if kind == "broken HTML" else FILE_KINDS[kind][1] if kind in FILE_KINDS else ".txt")
options = st.builds(Options, lang=st.sampled_from([None, None, "zh", "en"]))

# --- checks -------------------------------------------------------------------------------------


def nonempty_lines(text: str) -> list[int]:
    """The 1-based numbers of the lines that hold something after normalisation (SCHEMA.md)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if normalise(line)]


def accounted_lines(record: dict) -> list[int]:
    """title_line + paragraphs[].lines + removed[].line of an `--explain` record."""
    found = [record["title_line"]] if record["title_line"] is not None else []
    for p in record["paragraphs"]:
        found += p["lines"]
    return found + [r["line"] for r in record["removed"]]


def check(data: bytes, name: str = "fuzz.txt", opts: Options = Options()) -> str:
    """Clean one input in-process and check what must hold; returns "cleaned" or "refused".
    Any other exception, or an AssertionError, is a crash."""
    try:
        article = clean_document(Document(data, name), opts)
    except DecodeError:
        return "refused"
    record = article.to_dict(explain=True)
    line = json.dumps(record, ensure_ascii=False)
    assert "\n" not in line and json.loads(line) == record, "not one valid JSON line"
    if not looks_like_html(data, name):
        found = accounted_lines(record)
        assert sorted(found) == nonempty_lines(decode_text(data).text), \
            "title_line + paragraphs[].lines + removed[].line != every non-empty line once"
    return "cleaned"


def check_file(data: bytes, name: str) -> str:
    """A file read through read.iter_documents: each page checked as above, each failure one
    line; a truncated .zst is refused, never cleaned (issue 18)."""
    from mch_cli.article import Failure
    from mch_cli.read import iter_documents
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(iter_documents([str(path)]))
    failures = [x for x in items if isinstance(x, Failure)]
    assert all("\n" not in f.error for f in failures), "an error of more than one line"
    assert not name.endswith(".zst") or [type(x) for x in items] == [Failure], "a cut .zst cleaned"
    outcomes = [check(x.data, x.path) for x in items if not isinstance(x, Failure)]
    return "cleaned" if "cleaned" in outcomes else "refused"


def check_input(kind: str, data: bytes, opts: Options = Options()) -> str:
    return check_file(data, file_name(kind)) if kind in FILE_KINDS else check(data, file_name(kind), opts)


def check_cli_stdin_jsonl(pages: list[str]) -> int:
    """The pages as JSON Lines on stdin (`--text-field`): one record each, in order (issue 18)."""
    lines = "".join(json.dumps({"id": n, "body": page}, ensure_ascii=False) + "\n" for n, page in enumerate(pages))
    r = subprocess.run(mch_command() + ["clean", "-", "--text-field", "body", "-f", "jsonl"],
                       input=lines, capture_output=True, text=True, timeout=1800)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr, r.stderr[-2000:]
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["path"] for rec in records] == [f"-#{n}" for n in range(1, len(pages) + 1)], "stdin JSON Lines"
    return len(records)


def idempotent(data: bytes, name: str = "fuzz.txt") -> bool | None:
    """Does cleaning the text output again give it back? None when the input is refused."""
    try:
        once = article_text(clean_document(Document(data, name)))
    except DecodeError:
        return None
    return article_text(clean_document(Document(once.encode("utf-8"), "-"))) == once


def mch_command() -> list[str]:
    script = Path(sys.executable).parent / "mch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mch_cli"]


def check_cli_batch(inputs: list[tuple[str, bytes]], workdir: Path) -> dict:
    """All inputs as files of one directory through the real `mch clean DIR --glob '*'`:
    exit 0 or 1, no traceback, one valid JSON line per page, one stderr line per error."""
    batch = workdir / "batch"
    batch.mkdir()
    from mch_cli.read import iter_documents
    expected = 0
    for k, (kind, data) in enumerate(inputs):
        path = batch / f"{k:05d}{file_name(kind)}"
        path.write_bytes(data)
        expected += len(list(iter_documents([str(path)])))  # a WARC: a record a page
    r = subprocess.run(mch_command() + ["clean", str(batch), "--glob", "*", "-f", "jsonl", "--explain"],
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode in (0, 1), f"exit {r.returncode}: {r.stderr[-2000:]}"
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(records) == expected, f"{len(records)} records for {expected} pages"
    errors = [rec for rec in records if "error" in rec]
    assert all(set(rec) == {"path", "id", "error"} and rec["id"] is None for rec in errors)
    stderr = r.stderr.splitlines()
    assert len(stderr) == len(errors) and all(line.startswith("mch: ") for line in stderr), stderr[:5]
    assert r.returncode == (1 if errors else 0)
    return {"exit": r.returncode, "records": len(records), "errors": len(errors)}


# --- the fuzz run -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--inputs", type=int, default=600, help="how many inputs (default 600)")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random, printed)")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % 100_000
    seen: list[tuple[str, bytes]] = []
    outcomes: collections.Counter = collections.Counter()
    crashes: list[tuple[str, bytes, str]] = []

    @settings(max_examples=args.inputs, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=["generate"])
    @given(item=any_input, opts=options)
    def run(item, opts):
        kind, data = item
        seen.append(item)
        try:
            outcomes[(kind, check_input(kind, data, opts))] += 1
        except Exception as exc:  # noqa: BLE001 — counted and shown, the run goes on
            crashes.append((kind, data, f"{type(exc).__name__}: {exc}"))

    started = time.time()
    hypothesis_seed(seed)(run)()
    in_process = time.time() - started
    kinds = collections.Counter(kind for kind, _ in seen)
    print(f"fuzz (seed {seed}): {len(seen)} inputs in {in_process:.1f} s — "
          + ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
    cleaned = sum(n for (_, outcome), n in outcomes.items() if outcome == "cleaned")
    print(f"  in-process: {cleaned} cleaned, {len(seen) - cleaned - len(crashes)} refused "
          f"(binary or not text), {len(crashes)} crashes")
    for kind, data, error in crashes[:10]:
        print(f"  CRASH [{kind}] {error}\n    input: {data[:200]!r}")
    same = [idempotent(data, file_name(kind)) for kind, data in seen if kind not in FILE_KINDS]
    print(f"  idempotent (information, not a crash): {same.count(True)} of {len(same) - same.count(None)} cleaned inputs")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            cli = check_cli_batch(seen, Path(tmp))
            print(f"  CLI batch: exit {cli['exit']}, {cli['records']} records, {cli['errors']} error "
                  f"records = stderr lines, no traceback")
        except AssertionError as exc:
            crashes.append(("CLI batch", b"", str(exc)))
            print(f"  CRASH [CLI batch] {exc}")
    pages = [data.decode("utf-8", "replace") for kind, data in seen if kind not in FILE_KINDS]
    try:
        print(f"  JSON Lines on stdin: {check_cli_stdin_jsonl(pages)} records, one a line")
    except AssertionError as exc:
        crashes.append(("stdin JSON Lines", b"", str(exc)))
        print(f"  CRASH [stdin JSON Lines] {exc}")
    print(f"fuzz: {len(seen)} inputs, {len(crashes)} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
