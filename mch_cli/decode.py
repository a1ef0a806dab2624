"""Bytes → text. The policy, in order: a BOM; strict UTF-8; strict GB18030; UTF-8 with
replacement characters as a last resort. Binary data (NUL bytes outside UTF-16) is refused."""
from __future__ import annotations

import codecs

from . import settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte of its ASCII characters."""
    head = data[: settings.DECODE_SNIFF_BYTES]
    head = head[: len(head) // 2 * 2]
    half = len(head) // 2
    if half < 2:
        return None
    if head[1::2].count(0) > 0.3 * half:
        return "utf-16-le"
    if head[0::2].count(0) > 0.3 * half:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    """Few control characters besides line breaks and tabs (binary data is full of them)."""
    sample = text[: settings.DECODE_SNIFF_BYTES]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f")
    return controls <= 0.01 * max(1, len(sample))


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name as reported in the output)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if codec == "utf-8-sig" else codec
            return data.decode(codec, errors="replace"), name
    codec16 = _utf16_without_bom(data)
    if codec16:
        text = data.decode(codec16, errors="replace")
        if _looks_like_text(text):
            return text, "utf-16"
    if b"\x00" in data[: settings.DECODE_SNIFF_BYTES]:
        raise DecodeError("binary data, not text")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8"
