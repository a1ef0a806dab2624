"""Record a measured table in the README, between `<!-- NAME:start -->` and `<!-- NAME:end -->`."""
from __future__ import annotations

import re
from pathlib import Path


def record(readme: Path, name: str, table: str) -> None:
    content = readme.read_text(encoding="utf-8")
    new = re.sub(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)",
                 lambda m: m.group(1) + table + m.group(2), content, flags=re.S)
    if new != content:
        readme.write_text(new, encoding="utf-8")
        print(f"recorded in {readme}")
