import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_GOLD = Path(__file__).resolve().parent / "fixtures" / "seeds_gold"


def seed_cases():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SEED_GOLD.glob("*.json"))]


@pytest.fixture
def page(tmp_path):
    """Write a page (str → UTF-8, or bytes as given) and return its path."""
    def write(content, name="page.txt"):
        p = tmp_path / name
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return p
    return write
