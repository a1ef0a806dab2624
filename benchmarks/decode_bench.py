"""How often the decoding policy gives back exactly the text that was encoded, against
charset-normalizer alone (and chardet, when it is installed), on the same samples.

    python benchmarks/decode_bench.py [--shared ../shared] [--per-page 2] [--seed 7]

Samples: stretches of 20–1,000 characters cut (seeded) from the reference texts of
../shared/dev and ../shared/dev-daniel, each saved as every encoding people have for it:
UTF-8, UTF-16 with and without a byte-order mark, GB18030 (Chinese), Big5 (Chinese that Big5 can
hold), and UTF-8 with one stray byte in it (exact then means: the text with one replacement
character, as a strict-then-lenient UTF-8 reader gives it).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = range(0x4E00, 0xA000)


def samples(shared: Path, per_page: int, rng: random.Random):
    """(label, bytes, the text a perfect reader returns) for every encoding of every stretch."""
    golds = sorted((shared / "dev" / "gold").glob("*.gold.txt")) + sorted(
        (shared / "dev-daniel" / "gold").glob("*.gold.txt"))
    for gold in golds:
        text = gold.read_text(encoding="utf-8").replace("\r", "")
        for _ in range(per_page):
            size = rng.randint(20, 1000)
            start = rng.randint(0, max(0, len(text) - size))
            part = text[start: start + size]
            if len(part) < 20:
                continue
            yield from encodings(part, rng)


def encodings(text: str, rng: random.Random):
    yield "utf-8", text.encode("utf-8"), text
    yield "utf-16 (BOM)", text.encode("utf-16"), text
    yield "utf-16-le (no BOM)", text.encode("utf-16-le"), text
    if any(ord(c) in HAN for c in text):
        yield "gb18030", text.encode("gb18030"), text
        try:
            yield "big5", text.encode("big5"), text
        except UnicodeEncodeError:
            pass
    data = text.encode("utf-8")
    cut = rng.randint(0, len(data))
    while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # a stray byte between characters
        cut += 1
    stray = data[:cut] + b"\xff" + data[cut:]
    yield "utf-8 + 1 stray byte", stray, stray.decode("utf-8", "replace")


def readers():
    sys.path.insert(0, str(ROOT))
    from mch_cli.decode import decode

    found = {"mch": lambda b: decode(b)[0]}
    import charset_normalizer

    def normalizer(b: bytes) -> str | None:
        best = charset_normalizer.from_bytes(b).best()
        return str(best) if best is not None else None
    found["charset-normalizer"] = normalizer
    try:
        import chardet

        def chardet_read(b: bytes) -> str | None:
            enc = chardet.detect(b)["encoding"]
            return b.decode(enc, "replace") if enc else None
        found["chardet"] = chardet_read
    except ImportError:
        pass
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--per-page", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not (args.shared / "dev").is_dir():
        sys.exit(f"decode_bench: {args.shared}/dev not found")
    cases = list(samples(args.shared, args.per_page, random.Random(args.seed)))
    found = readers()
    exact = {name: Counter() for name in found}
    totals = Counter(label for label, _, _ in cases)
    for label, data, want in cases:
        for name, read in found.items():
            try:
                got = read(data)
            except Exception:  # noqa: BLE001 — a reader that fails is not exact
                got = None
            exact[name][label] += got == want
    labels = sorted(totals)
    print(f"{len(cases)} samples (20–1,000 characters) from {args.shared}/dev and dev-daniel references\n")
    print("| reader | all | " + " | ".join(labels) + " |")
    print("|---|---|" + "---|" * len(labels))
    for name in found:
        right = sum(exact[name].values())
        cells = " | ".join(f"{exact[name][x]}/{totals[x]}" for x in labels)
        print(f"| {name} | {right}/{len(cases)} ({right / len(cases):.2%}) | {cells} |")


if __name__ == "__main__":
    main()
