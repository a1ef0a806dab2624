"""Reference jieba tokenizers for the identity tests: jieba itself, with its cache files in a
private temporary directory (removed at exit), bare or with a dictionary merged into dict.txt."""
import atexit
import logging
import os
import shutil
import tempfile
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.CRITICAL + 1)
_TMP = tempfile.mkdtemp(prefix="mch-test-jieba-")
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


def merged_dict(entries, name: str) -> str:
    """jieba's dict.txt with the entries merged in (an entry replaces a word's line)."""
    src = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    todo = {e.word: e for e in entries}
    path = os.path.join(_TMP, name)
    with open(src, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        for line in f:
            e = todo.pop(line.split(" ", 1)[0], None)
            out.write(f"{e.word} {e.freq} {e.tag or 'n'}\n" if e else line)
        for e in todo.values():
            out.write(f"{e.word} {e.freq} {e.tag or 'n'}\n")
    return path


@lru_cache(maxsize=None)
def tokenizer(entries=()) -> "jieba.Tokenizer":
    """jieba.Tokenizer for jieba's dictionary with these entries (a tuple) merged in."""
    tk = jieba.Tokenizer(merged_dict(entries, f"dict{len(entries)}.txt")) if entries else jieba.Tokenizer()
    tk.tmp_dir = _TMP
    tk.initialize()
    return tk


def words(tokens) -> list:
    """Tokens without the whitespace ones (mch leaves those out)."""
    return [t for t in tokens if t and not t.isspace()]
