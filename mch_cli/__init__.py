"""mch: clean, structured articles from raw text dumps of news pages (Chinese and English).

Library use:
    >>> from mch_cli import clean_text
    >>> article = clean_text(open("page.txt", encoding="utf-8").read())
    >>> article.title, article.date, article.text
"""
from .article import Article, Document, Failure, Line, Paragraph
from .settings import Options

__version__ = "0.1.0"

# The pipeline (and the regexes, tables and libraries it loads) is imported on first use, so
# that `mch --version` and `mch --help` start as fast as the interpreter and typer allow.
_LAZY = {"DecodeError": "decode", "clean_document": "pipeline", "clean_many": "pipeline",
         "clean_text": "pipeline", "iter_documents": "read"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'mch_cli' has no attribute {name!r}")
    from importlib import import_module
    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def print_version() -> None:
    import sys
    sys.stdout.write(f"mch {__version__}\n")


def clean_bytes(data: bytes, path: str = "-", options: Options = Options()) -> Article:
    """Clean a page given as raw bytes (any supported encoding)."""
    from .pipeline import clean_document
    return clean_document(Document(data, path), options)


__all__ = ["Article", "DecodeError", "Document", "Failure", "Line", "Options", "Paragraph",
           "clean_bytes", "clean_document", "clean_many", "clean_text", "iter_documents",
           "__version__"]
