"""The `mch` command: `mch --version` answers before typer and the commands are loaded."""
from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import print_version
        print_version()
        return
    from .cli import main as run_command
    run_command()
