"""Hosts and registrable domains: the one place that decides whether a URL belongs to a site.

The public suffix list is the snapshot bundled with ``tldextract``; it is never fetched at run time.
Private suffixes (``github.io``, ``blogspot.com``) count, so ``a.github.io`` and ``b.github.io`` are
different sites.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from typing import Iterable
from urllib.parse import urlsplit

from bot.errors import UserInputError

_extractor = None
_HOST_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$")


def _tld():  # type: ignore[no-untyped-def]
    global _extractor
    if _extractor is None:
        import tldextract

        _extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
    return _extractor


def normalise_host(host: str) -> str | None:
    """Lower-case ASCII (punycode) form of a host name or IP literal, or None when it is not one."""
    host = host.strip().rstrip(".").lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        return None
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    return ascii_host if _HOST_RE.match(ascii_host) else None


def host_of(url: str) -> str | None:
    """Normalised host of an absolute http(s) URL, or None."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return normalise_host(host)


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str | None:
    """``www.shop.example.co.uk`` -> ``example.co.uk``; an IP stays itself; None for junk."""
    norm = normalise_host(host)
    if norm is None:
        return None
    try:
        ipaddress.ip_address(norm)
        return norm
    except ValueError:
        pass
    ext = _tld()(norm)
    if not ext.domain:
        return None
    return f"{ext.domain}.{ext.suffix}" if ext.suffix else None


def domain_of_url(url: str) -> str | None:
    """Registrable domain of an absolute URL, or None."""
    host = host_of(url)
    return registrable_domain(host) if host else None


def clip(text: object, limit: int = 80) -> str:
    """``text`` for echoing in a sentence: at most ``limit`` characters (a long argument ends in …)."""
    value = str(text)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def display_domain(domain: str) -> str:
    """A domain as people read it: ``xn--bcher-kva.de`` -> ``bücher.de`` (keys stay punycode)."""
    if "xn--" not in domain:
        return domain
    try:
        return domain.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return domain


def _valid_punycode(host: str) -> bool:
    """Every ``xn--`` label decodes (``xn--zz.nl`` does not)."""
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                decoded = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                return False
            if not decoded or decoded.isascii():
                return False
    return True


def normalise_site(text: str) -> str:
    """Turn what a user types for a site (``MySite.nl``, ``https://www.mysite.nl/shop``) into its
    registrable domain, or raise :class:`UserInputError` with one clear sentence. An IP address is not
    a site, nor is a name with a broken ``xn--`` (punycode) label; a long argument is echoed clipped."""
    raw = (text or "").strip().strip("<>")
    if "|" in raw:  # Slack link markup <http://x.nl|x.nl>
        raw = raw.split("|", 1)[1]
    if not raw:
        raise UserInputError.keyed("store.site_missing")
    candidate = raw if "://" in raw else f"http://{raw}"
    host = host_of(candidate)
    domain = registrable_domain(host) if host else None
    if domain is None:
        raise UserInputError.keyed("store.not_a_domain", text=repr(clip(text)))
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        pass
    else:
        raise UserInputError.keyed("store.ip_not_site", text=clip(raw))
    if not _valid_punycode(domain):
        raise UserInputError.keyed("store.bad_punycode", text=clip(raw))
    return domain


def match_target(url: str, targets: Iterable[str]) -> str | None:
    """The target (a registrable domain) that ``url`` points to, or None.

    Only the URL's own host counts: ``evil.com/?u=site.nl`` and ``site.nl.evil.com`` do not match
    ``site.nl``.
    """
    domain = domain_of_url(url)
    if domain is None:
        return None
    for target in targets:
        if domain == target:
            return target
    return None
