"""The package's layout: imports go down the pipeline, never round in a circle."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mch_cli"


def _imports() -> dict[str, set[str]]:
    """Module → the package's modules it imports, at the top or inside functions."""
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph = {}
    for path in PACKAGE.glob("*.py"):
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        graph[path.stem] = found & modules
    return graph


def test_no_import_circle():
    graph = _imports()

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(d == goal or d not in seen and reaches(d, goal, seen | {d}) for d in graph[start])

    assert graph["classify"] and not [m for m in graph if reaches(m, m, {m})]


def test_no_step_module_imports_the_orchestrators():
    orchestrators = {"pipeline", "parallel", "cli", "cli_utils", "entry", "__init__", "__main__"}
    graph = _imports()
    assert {m: graph[m] & {"pipeline", "cli"} for m in graph if m not in orchestrators} == {
        m: set() for m in graph if m not in orchestrators}


def test_the_command_line_starts_without_the_pipeline():
    """`mch --help` loads typer and the commands, not the pipeline; `mch --version` not even typer."""
    import subprocess
    import sys
    heavy = ("mch_cli.pipeline", "mch_cli.classify", "mch_cli.decode", "jieba", "langdetect", "lxml")
    loaded = subprocess.run([sys.executable, "-c", "import sys, mch_cli.cli; "
                             f"print([m for m in {heavy!r} if m in sys.modules])"],
                            capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    version = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['mch', '--version']; "
                              "from mch_cli.entry import main; main(); print('typer' in sys.modules)"],
                             capture_output=True, text=True, check=True).stdout
    assert version.splitlines()[1:] == ["False"] and version.startswith("mch ")
    from mch_cli import clean_text  # the library's names still import as before
    assert clean_text("Hello") is not None


def test_only_the_shell_imports_typer_or_rich():
    """The core is a library: typer and rich belong to the command line and the person's views."""
    shell = {"cli", "cli_utils", "render"}
    found = {}
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            if any(n.split(".")[0] in ("typer", "rich") for n in names):
                found.setdefault(path.stem, set()).update(n.split(".")[0] for n in names)
    assert set(found) <= shell and "cli" in found


def test_one_table_of_han_variants():
    # data/han_variants.tsv, and no table of Han variants in code or in another data file
    data = sorted(p.name for p in (PACKAGE / "data").iterdir() if "han" in p.name or "t2s" in p.name)
    assert data == ["han_variants.tsv"]
    for path in PACKAGE.glob("*.py"):
        assert "str.maketrans('" not in path.read_text(encoding="utf-8"), path.name
