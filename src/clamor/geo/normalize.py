"""Name keys that forgive accents, transliteration and administrative suffixes.

``name_key`` is the exact key (accents folded for Latin script, other scripts kept and
case-folded); ``skeleton_key`` is a looser key for Latin transliteration variants
(``Kazeroon`` / ``Kazerun`` / ``Kāzerūn`` share ``kazerun``).
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^\w]+", re.UNICODE)
_APOSTROPHES = re.compile(r"[\u2019\u2018'`\u02bc\u02bf\u02be]")

#: Trailing words that name the kind of region, not the region ("Fars Province"); the
#: value is the feature code the suffix points to.
ADMIN_SUFFIXES: dict[str, str] = {
    "province": "ADM1",
    "governorate": "ADM1",
    "state": "ADM1",
    "region": "ADM1",
    "division": "ADM1",
    "oblast": "ADM1",
    "prefecture": "ADM1",
    "department": "ADM1",
    "county": "ADM2",
    "co": "ADM2",
    "parish": "ADM2",
    "district": "ADM2",
    "municipality": "ADM2",
    "borough": "ADM2",
    "township": "ADM2",
    "upazila": "ADM2",
    "subcounty": "ADM2",
    "city": "PPL",
    "town": "PPL",
    "village": "PPL",
}
#: Leading phrases with the same meaning ("Province of Fars", "Ostan-e Fars").
ADMIN_PREFIXES: dict[str, str] = {
    "province of ": "ADM1",
    "state of ": "ADM1",
    "ostan e ": "ADM1",
    "county of ": "ADM2",
    "district of ": "ADM2",
    "city of ": "PPL",
    "town of ": "PPL",
    "village of ": "PPL",
}

#: Transliteration rewrites applied in order by :func:`skeleton_key` (Persian/Arabic/
#: Russian romanisations vary mostly in vowels, doubled letters and digraphs).
_SKELETON_RULES = (
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("aa", "a"), ("kh", "k"), ("gh", "g"),
    ("ph", "f"), ("dh", "d"), ("th", "t"), ("sch", "sh"), ("q", "k"), ("y", "i"),
    ("w", "v"), ("ck", "k"), ("c", "k"), ("z", "s"),
)
#: Persian and Arabic spell a few letters with different code points (keheh/kaf, farsi
#: yeh/yeh, alef maksura): GeoNames mixes them, so keys use one form.
_ARABIC_VARIANTS = str.maketrans({"\u06a9": "\u0643", "\u06cc": "\u064a", "\u0649": "\u064a",
                                  "\u06af": "\u06af", "\u0622": "\u0627", "\u0623": "\u0627",
                                  "\u0625": "\u0627"})
_DOUBLE = re.compile(r"(.)\1+")


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin (with or without diacritics)."""
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def name_key(name: str) -> str:
    """The exact lookup key: lower case, accents folded (Latin only), punctuation gone."""
    name = unicodedata.normalize("NFKC", name or "")
    name = _APOSTROPHES.sub("", name)
    if is_latin(name):
        name = unidecode(name)
    else:
        name = name.translate(_ARABIC_VARIANTS)
    name = _NON_ALNUM.sub(" ", name.casefold()).replace("_", " ")
    return " ".join(name.split())


def skeleton_key(key: str) -> str:
    """A looser key for transliteration variants; ``''`` for non-Latin keys."""
    if not key or not key.isascii():
        return ""
    out = key.replace(" ", "").replace("-", "")
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    return _DOUBLE.sub(r"\1", out)


def strip_admin_affix(key: str) -> tuple[str, str | None]:
    """Remove one administrative suffix or prefix from a key: ``(stem, feature_code)``."""
    for prefix, code in ADMIN_PREFIXES.items():
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix):], code
    if key.endswith(" sub county"):
        return key[: -len(" sub county")], "ADM2"
    head, _, last = key.rpartition(" ")
    if head and last in ADMIN_SUFFIXES:
        return head, ADMIN_SUFFIXES[last]
    return key, None


def acled_admin_name(ascii_name: str) -> str:
    """ACLED-style admin1 spelling: ASCII, no "Province"/"Governorate"/... suffix."""
    key_head, _, last = ascii_name.rpartition(" ")
    if key_head and last.lower() in ADMIN_SUFFIXES and last.lower() not in ("county", "parish"):
        return key_head
    return ascii_name
