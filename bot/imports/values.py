"""Cell values of exports: URLs, booleans, dates and rel tokens, each parsed by one small pure function."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from bot.domains import normalise_host

# ---------------------------------------------------------------- URLs

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^#]*)")
_HOSTLIKE_RE = re.compile(r"^[^\s/:?#@]+\.[^\s/:?#@]+(?::\d+)?(?:[/?#]|$)")
_PLAIN_HOST_RE = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,62}$")
_SPACE_RE = re.compile(r"\s")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=65536)
def _host(host: str) -> str | None:
    if _PLAIN_HOST_RE.match(host):  # plain lower-case ASCII name: nothing to convert (the usual case)
        return host
    return normalise_host(host)


class BadUrl(ValueError):
    """A cell that is not a usable page URL; ``code`` is ``no-url`` or ``not-http``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def clean_url(raw: str) -> tuple[str, str]:
    """``(url, key)`` for a cell holding a page URL, or raise :class:`BadUrl`.

    ``url`` is the address as given with the scheme and host in lower case, user info, a default port
    and the fragment removed and an empty path written as ``/``. ``key`` identifies the page for
    merging duplicates: scheme-insensitive, host in punycode. A cell without a scheme that starts with
    a host name (``www.example.nl/page``) is read as ``http://``; any other scheme is refused.
    """
    text = raw.strip()
    if text[:1] in ("<", '"', "'"):
        text = text.strip("<>\"'").strip()
    if not text:
        raise BadUrl("no-url")
    m = _URL_RE.match(text)
    if m is None:
        if _HOSTLIKE_RE.match(text):
            m = _URL_RE.match("http://" + text)
        elif _SCHEME_RE.match(text):
            raise BadUrl("not-http")
        if m is None:
            raise BadUrl("no-url")
    scheme = m.group(1).lower()
    if scheme != "http" and scheme != "https":
        raise BadUrl("not-http")
    netloc = m.group(2)
    if "@" in netloc:
        netloc = netloc.rpartition("@")[2]
    port_text = ""
    if netloc.startswith("["):
        host, _, rest = netloc[1:].partition("]")
        if rest.startswith(":"):
            port_text = rest[1:]
    elif ":" in netloc:
        host, _, port_text = netloc.partition(":")
    else:
        host = netloc
    host = host.lower().rstrip(".")
    if not host or _SPACE_RE.search(host):
        raise BadUrl("no-url")
    norm = _host(host)
    if norm is None:
        raise BadUrl("no-url")
    shown = f"[{host}]" if ":" in host else host
    if port_text:
        if not port_text.isdigit() or int(port_text) > 65535:
            raise BadUrl("no-url")
        port = int(port_text)
        if port != _DEFAULT_PORTS[scheme]:
            shown = f"{shown}:{port}"
            norm = f"{norm}:{port}"
    tail = m.group(3)
    if not tail or tail[0] == "?":
        tail = "/" + tail
    return f"{scheme}://{shown}{tail}", f"{norm}{tail}"


def url_or_none(raw: str | None) -> tuple[str, str] | None:
    """Like :func:`clean_url` for optional cells (a target URL): None when absent or unusable."""
    if not raw:
        return None
    try:
        return clean_url(raw)
    except BadUrl:
        return None


def looks_like_url(raw: str) -> bool:
    """True for an absolute http(s) URL (cheap test used to recognise URL columns)."""
    text = raw.strip().strip("\"'").lower()
    return (text.startswith("http://") or text.startswith("https://")) and len(text) > 10 and " " not in text


_DOMAIN_RE = re.compile(r"^(?:[a-z0-9\u00a1-\uffff_](?:[a-z0-9\u00a1-\uffff_-]{0,61}[a-z0-9\u00a1-\uffff_])?\.)+"
                        r"[a-z\u00a1-\uffff][a-z0-9\u00a1-\uffff-]{1,62}\.?$")


def looks_like_domain(raw: str) -> bool:
    """True for a bare host name such as ``example.nl`` or ``blog.example.co.uk``."""
    return bool(_DOMAIN_RE.match(raw.strip().lower()))


# ---------------------------------------------------------------- booleans

_TRUE = frozenset({"true", "yes", "y", "1", "ja", "j", "waar", "x", "+", "✓", "✔", "on", "wahr", "oui", "si", "sí", "t"})
_FALSE = frozenset({"false", "no", "n", "0", "nee", "onwaar", "-", "off", "falsch", "nein", "non", "f"})


def parse_bool(raw: str | None) -> bool | None:
    """``true/false/TRUE/1/0/yes/no/Ja/Nee/+/-`` and friends; None when empty or unknown."""
    if raw is None:
        return None
    text = raw.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def rel_flags(raw: str | None) -> tuple[bool | None, bool | None, bool | None]:
    """``(nofollow, ugc, sponsored)`` from a rel attribute or a "link type" cell.

    Tokens may be separated by spaces, commas, semicolons or slashes and are case-insensitive. A cell
    that names no follow-related token at all (``text``, ``image``) says nothing: all None. An empty
    ``rel`` from a crawler means a plain followed link.
    """
    if raw is None:
        return None, None, None
    tokens = set(re.split(r"[\s,;/|]+", raw.strip().lower())) - {""}
    if not tokens:
        return False, False, False
    nofollow = "nofollow" in tokens or "no-follow" in tokens
    ugc = "ugc" in tokens
    sponsored = "sponsored" in tokens
    if nofollow or ugc or sponsored or tokens & {"follow", "dofollow", "do-follow"}:
        return nofollow, ugc, sponsored
    return None, None, None


# ---------------------------------------------------------------- dates

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Dutch
    "januari": 1, "februari": 2, "mrt": 3, "maart": 3, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "okt": 10, "oktober": 10,
    # German / French / Spanish abbreviations that differ
    "mär": 3, "märz": 3, "dez": 12, "mai": 5, "okt.": 10, "janv": 1, "févr": 2, "fevr": 2, "mars": 3,
    "avr": 4, "juin": 6, "juil": 7, "août": 8, "aout": 8, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}
_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?(?:$|[T\s.Z])")
_NUMERIC_RE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])")
_WORDY_RE = re.compile(r"[^\W\d_]+\.?|\d+", re.UNICODE)


def _make(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def parse_date(raw: str | None) -> str | None:
    """An ISO date (``2026-03-04``) from the formats exports use, or None.

    Accepted: ISO dates and date-times (``2026-03-04``, ``2026-03-04 09:12:33``,
    ``2026-03-04T09:12:33Z``), WARC/compact (``20260304``, ``20260304091233``), numeric dates
    (``04-03-2026`` and ``04.03.2026`` read day first, ``03/04/2026`` read month first as US tools
    write it; when one part is over 12 that decides), and month names in English and Dutch
    (``Mar 4, 2026``, ``4 March 2026``, ``4 mrt. 2026``).
    """
    if not raw:
        return None
    text = raw.strip()
    if not text:
        return None
    m = _ISO_RE.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _COMPACT_RE.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC_RE.match(text)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if a > 12:
            return _make(y, b, a)
        if b > 12:
            return _make(y, a, b)
        return _make(y, a, b) if sep == "/" else _make(y, b, a)
    # month names: find a month word, a year (4 digits) and a day (1-2 digits)
    month = year = day = None
    for token in _WORDY_RE.findall(text.lower()):
        if token.isdigit():
            if len(token) == 4 and year is None:
                year = int(token)
            elif len(token) <= 2 and day is None:
                day = int(token)
            elif len(token) <= 2 or len(token) == 4:
                continue
            else:
                return None
        else:
            word = token.rstrip(".")
            if month is None and word in _MONTHS:
                month = _MONTHS[word]
    if month and year and day:
        return _make(year, month, day)
    return None
