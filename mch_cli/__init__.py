"""mch: clean, structured articles from raw text dumps of news pages (Chinese and English).

Library use:
    >>> from mch_cli import clean_text
    >>> article = clean_text(open("page.txt", encoding="utf-8").read())
    >>> article.title, article.date, article.text
"""
from .article import Article, Document, Failure, Line, Paragraph
from .decode import DecodeError
from .pipeline import clean_document, clean_many, clean_text
from .read import iter_documents
from .settings import Options

__version__ = "0.1.0"


def clean_bytes(data: bytes, path: str = "-", options: Options = Options()) -> Article:
    """Clean a page given as raw bytes (any supported encoding)."""
    return clean_document(Document(data, path), options)


__all__ = ["Article", "DecodeError", "Document", "Failure", "Line", "Options", "Paragraph",
           "clean_bytes", "clean_document", "clean_many", "clean_text", "iter_documents",
           "__version__"]
