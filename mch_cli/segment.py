"""Chinese word segmentation with jieba, imported on first use and kept quiet."""
from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG to stderr
    jieba.initialize()
    return jieba


def tokenize(text: str) -> list[str]:
    """jieba's default-mode tokens, without the whitespace tokens."""
    return [t for t in _jieba().lcut(text) if t.strip()]
