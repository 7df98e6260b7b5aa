"""Who published an article: from its byline, site name, URL or dateline masthead.

Evidence is tried in this order, and the first that names a registry entry wins:

1. ``article.author`` and ``article.byline`` ("Analysis by PMOI/MEK" -> PMOI/MEK)
2. a byline near the top of the text, when the reader did not extract one: a line
   ("Analysis by PMOI/MEK") or, in text without line breaks, "By The Associated Press"
3. ``article.publisher`` (the HTML site name)
4. the domain of ``article.url`` (sub-domains match their parent)
5. a masthead: a dateline credit at the top ("LONDON (Reuters) -", "(ANA) -") or a
   wire credit closing the text ("Sapa-AFP"). A mere mention ("IRNA reported") is not a
   masthead: the outlet is then a source, not the publisher.

When nothing matches the registry the site name, a press release's issuer ("Issued by:
Office of the Presidency") or the URL's domain is reported as the publisher with no type.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from clamor.assess.registry import PublisherEntry, Registry, normalise_domain
from clamor.models import Article

#: Bylines are looked for only this far into the text (characters): a byline sits under
#: the headline, and a "by ..." phrase further down is prose, not a byline.
BYLINE_WINDOW = 1000
#: A dateline credit sits in the first sentence; this many characters covers a long
#: headline plus "CITY, Month DD (Agency) -".
DATELINE_WINDOW = 400
#: A closing wire credit ("Sapa-AFP /np") sits in the last few characters.
CLOSING_WINDOW = 80

_BYLINE_LINE = re.compile(
    r"^[ \t]*(?:(?:analysis|report|reporting|commentary|opinion|editorial|written|story|"
    r"posted|published|compiled)[ \t]+)?by[ \t]+(?P<name>[^\n]{2,80}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:analysis|report|reporting|commentary|opinion|editorial|written|story|"
    r"posted|published|compiled)\s+)?by\s+",
    re.IGNORECASE,
)
_ROLE_SUFFIX = re.compile(
    r"\s+(?:staff(?:\s+writers?|\s+reporters?)?|reporters?|correspondents?|desk|news\s+desk|"
    r"bureau|team|writers?|editors?|online)$",
    re.IGNORECASE,
)
#: "By The Associated Press" inside a paragraph (scraped text with no line breaks): a
#: capitalised "By" and up to six capitalised words, checked against the registry.
_INLINE_BYLINE = re.compile(
    r"(?<!\w)(?:By|BY)\s+(?P<name>[A-Z][\w&.'\u2019/-]*(?:\s+(?:of\s+)?[A-Z][\w&.'\u2019/-]*){0,5})"
)
#: The issuer of a press release ("Issued by: Office of the Presidency Attention: ...").
_ISSUER = re.compile(
    r"\bIssued by:?\s+(?P<name>[^\n]{3,80}?)(?=\s+Attention\b|\s+For immediate release|\n|$)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[,|;\u2022\u00b7]|\s[-\u2013\u2014]\s|\bfor\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class PublisherMatch:
    """The identified publisher: its registry entry (if any), name and evidence."""

    name: str | None = None
    entry: PublisherEntry | None = None
    evidence: str | None = None


def byline_candidates(byline: str) -> list[str]:
    """Names a byline may give for its publisher, most specific first.

    ``"Analysis by PMOI/MEK"`` -> ``["PMOI/MEK"]``; ``"By Jane Doe, Reuters"`` ->
    ``["Jane Doe, Reuters", "Jane Doe", "Reuters"]``.
    """
    core = _BY_PREFIX.sub("", byline.strip()).strip()
    out: list[str] = []
    for candidate in [core, *_SEPARATORS.split(core)]:
        candidate = candidate.strip(" .:-\u2013\u2014()")
        for value in (candidate, _ROLE_SUFFIX.sub("", candidate)):
            if value and value not in out:
                out.append(value)
    return out


def _from_byline(byline: str, registry: Registry) -> PublisherEntry | None:
    for candidate in byline_candidates(byline):
        entry = registry.by_name(candidate)
        if entry is not None:
            return entry
    return None


@functools.lru_cache(maxsize=8)
def _masthead_regexes(mastheads: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    if not mastheads:
        return None
    names = "|".join(re.escape(m) for m in mastheads)
    # "(Reuters) -", "(AP) —", "(ANA) -", "Tehran, IRNA --", "TEHRAN (IRNA) :"
    dateline = re.compile(
        rf"(?:\((?P<a>{names})\)\s*[-\u2013\u2014:]|[,\u2013\u2014]\s*(?P<b>{names})\s*(?:--|\u2014|\u2013)\s)",
        re.IGNORECASE,
    )
    # closing credit: "Sapa-AFP /np" or "- Reuters" as the last words. Case-sensitive (as
    # printed, or in capitals): in lower-cased text a last word such as "spa" or "ana" is
    # more likely a word or a name than a credit.
    printed = {v for m in mastheads for v in (m, m.upper())}
    printed_names = "|".join(re.escape(m) for m in sorted(printed, key=len, reverse=True))
    closing = re.compile(
        rf"(?:^|[\s.\-\u2013\u2014(])(?P<c>{printed_names})\)?(?:\s*/\s*\w+)*\s*$"
    )
    return dateline, closing


def find_masthead(text: str, registry: Registry) -> tuple[PublisherEntry, str] | None:
    """A dateline or closing wire credit in ``text``: (entry, the credit as printed)."""
    regexes = _masthead_regexes(tuple(registry.mastheads))
    if regexes is None:
        return None
    dateline, closing = regexes
    m = dateline.search(text, 0, DATELINE_WINDOW)
    if m:
        credit = m.group("a") or m.group("b")
        return registry.by_masthead(credit), m.group().strip()
    tail_start = max(0, len(text.rstrip()) - CLOSING_WINDOW)
    m = closing.search(text.rstrip(), tail_start)
    if m:
        return registry.by_masthead(m.group("c")), m.group().strip(" .-\u2013\u2014(")
    return None


def text_byline(text: str) -> str | None:
    """A byline line ("By Jane Doe", "Analysis by PMOI/MEK") near the top of ``text``."""
    m = _BYLINE_LINE.search(text, 0, BYLINE_WINDOW)
    return m.group().strip() if m else None


def _by_prefix(name: str, registry: Registry) -> PublisherEntry | None:
    """``IRNA English`` -> IRNA, ``reuters.com`` -> Reuters: the longest leading words of a
    site name that name a registry entry, else a domain inside it."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        entry = registry.by_name(" ".join(words[:n]))
        if entry is not None:
            return entry
    for word in words:
        if "." in word.strip("."):
            entry = registry.by_domain(word)
            if entry is not None:
                return entry
    return None


def inline_byline(text: str, registry: Registry) -> tuple[PublisherEntry, str] | None:
    """A registry publisher named in a "By ..." phrase near the top of ``text``."""
    for m in _INLINE_BYLINE.finditer(text, 0, BYLINE_WINDOW):
        words = m.group("name").split()
        for n in range(len(words), 0, -1):
            entry = registry.by_name(" ".join(words[:n]))
            if entry is not None:
                return entry, m.group(0).split()[0] + " " + " ".join(words[:n])
    return None


def identify_publisher(article: Article, registry: Registry) -> PublisherMatch:
    """The publisher of ``article`` by byline, site name, URL and masthead (in that order)."""
    for label, value in (("author", article.author), ("byline", article.byline)):
        if value:
            entry = _from_byline(value, registry)
            if entry is not None:
                if label == "author" and article.byline and value.strip() in article.byline:
                    label, value = "byline", article.byline  # the line as printed
                return PublisherMatch(entry.name, entry, f"{label}: {value.strip()}")
    line = text_byline(article.text)
    if line:
        entry = _from_byline(line, registry)
        if entry is not None:
            return PublisherMatch(entry.name, entry, f"byline: {line}")
    found = inline_byline(article.text, registry)
    if found is not None:
        return PublisherMatch(found[0].name, found[0], f"byline: {found[1]}")
    if article.publisher:
        entry = (registry.by_name(article.publisher) or _from_byline(article.publisher, registry)
                 or _by_prefix(article.publisher, registry))
        if entry is not None:
            return PublisherMatch(entry.name, entry, f"site name: {article.publisher.strip()}")
    if article.url:
        entry = registry.by_domain(article.url)
        if entry is not None:
            return PublisherMatch(entry.name, entry, f"url: {normalise_domain(article.url)}")
    found = find_masthead(article.text, registry)
    if found is not None and found[0] is not None:
        entry, credit = found
        return PublisherMatch(entry.name, entry, f"masthead: {credit}")
    if article.publisher:
        return PublisherMatch(article.publisher.strip(), None, "site name (not in registry)")
    m = _ISSUER.search(article.text, 0, BYLINE_WINDOW)
    if m:
        return PublisherMatch(m.group("name").strip(" .:"), None,
                              "press release issuer (not in registry)")
    if article.url and "://" in article.url:
        domain = normalise_domain(article.url)
        if domain:
            return PublisherMatch(domain, None, "url (not in registry)")
    return PublisherMatch()
