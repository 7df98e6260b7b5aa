"""Turn bytes into text: BOMs first, then strict UTF-8, then statistical detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Tried when detection finds nothing: Windows-1252 maps every byte, so it never fails,
#: and it is the most common legacy code page in scraped English news.
FALLBACK_ENCODING = "cp1252"


def detect_encoding(data: bytes) -> str:
    """The name of the encoding ``data`` is most likely in."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else FALLBACK_ENCODING


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; undecodable bytes become U+FFFD rather than an error."""
    encoding = detect_encoding(data)
    return data.decode(encoding, errors="replace"), encoding
