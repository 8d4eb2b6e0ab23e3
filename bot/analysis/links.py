"""Link analysis of one referring page: every ``<a href>``, how it counts, and where it stands.

Pure functions, no I/O. The page URL given is the final URL after redirects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable
from urllib.parse import urljoin, urlsplit

from bot.analysis.dom import Document
from bot.analysis.model import Link, LinkKind, PageAnalysis
from bot.analysis.placement import classify, main_text
from bot.analysis.robots import META_NAMES, RobotsDirectives, parse_meta_content, parse_x_robots_tag
from bot.domains import domain_of_url, match_target

_URL_STRIP = re.compile(r"[\t\n\r]")
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "sms:", "callto:", "vbscript:", "about:", "file:")
_NOFOLLOW_RELS = frozenset({"nofollow", "ugc", "sponsored"})
#: characters of visible text kept in ``PageAnalysis.text``
TEXT_LIMIT = 200_000


def collapse(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed."""
    return " ".join(text.split()) if text else ""


def rel_tokens(value: str | None) -> tuple[str, ...]:
    """``rel`` tokens in lower case, split on spaces or commas, in order, without duplicates."""
    if not value:
        return ()
    seen: dict[str, None] = {}
    for token in re.split(r"[\s,]+", value.lower()):
        if token:
            seen.setdefault(token, None)
    return tuple(seen)


def kind_of(rel: Iterable[str]) -> LinkKind:
    """sponsored > ugc > nofollow > dofollow."""
    rels = set(rel)
    if "sponsored" in rels:
        return LinkKind.SPONSORED
    if "ugc" in rels:
        return LinkKind.UGC
    if "nofollow" in rels:
        return LinkKind.NOFOLLOW
    return LinkKind.DOFOLLOW


def resolve(href: str | None, base: str) -> str | None:
    """Absolute http(s) URL of ``href`` against ``base``, or None for links that are not web links
    (``mailto:``, ``javascript:``, ``tel:``, ``data:``...), empty hrefs and fragment-only hrefs."""
    if href is None:
        return None
    if "\t" in href or "\n" in href or "\r" in href:
        href = _URL_STRIP.sub("", href)
    href = href.strip()
    if not href or href[0] == "#":
        return None
    simple = " " not in href and "\\" not in href and "/." not in href
    if simple:
        lower = href[:8].lower()
        if lower.startswith(("https://", "http://")):
            return href  # already absolute: the common case (urljoin is slow)
        if href[0] == "/" and href[1:2] != "/":
            origin = _origin(base)
            if origin:
                return origin + href
    if href[:11].lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return absolute


@lru_cache(maxsize=1024)
def _origin(base: str) -> str | None:
    """``https://host:port`` of an http(s) base URL, or None."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc}"


def _host_part(url: str) -> str:
    """``scheme://host[:port]`` of an absolute URL (cheap string slicing, lower case)."""
    cut = url.find("://")
    if cut < 0:
        return ""
    end = url.find("/", cut + 3)
    head = url if end < 0 else url[:end]
    if "?" in head or "#" in head:
        for ch in "?#":
            pos = head.find(ch, cut + 3)
            if pos >= 0:
                head = head[:pos]
    return head.lower()


@lru_cache(maxsize=16384)
def _is_other_domain(host_part: str, own_domain: str | None) -> bool:
    """Whether a link's ``scheme://host`` lies outside the registrable domain ``own_domain``."""
    domain = domain_of_url(host_part + "/")
    return domain is not None and domain != own_domain


_PLAIN_HOST = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.[a-z][a-z0-9-]*")


def _is_outbound(host_part: str, own_domain: str | None) -> bool:
    """Whether a link's ``scheme://host[:port]`` (lower case) points outside ``own_domain``.

    The page's own host and its subdomains are recognised by their spelling; so is a plain ASCII
    host name elsewhere. Only unusual hosts (IDN, IP literals, user info) need the public suffix
    list, which is slow the first time a host is seen.
    """
    host = host_part[host_part.find("://") + 3:]
    if "@" in host or host.startswith("["):
        return _is_other_domain(host_part, own_domain)
    host = host.split(":", 1)[0].rstrip(".")
    if own_domain and (host == own_domain or host.endswith("." + own_domain)):
        return False
    if host.isascii() and _PLAIN_HOST.fullmatch(host) and not host.replace(".", "").isdigit():
        return True
    return _is_other_domain(host_part, own_domain)


def _base_url(doc: Document, url: str) -> str:
    head = doc.tree.head
    node = head.css_first("base[href]") if head is not None else None
    if node is None:
        return url
    href = _URL_STRIP.sub("", node.attributes.get("href") or "").strip()
    if not href:
        return url
    try:
        base = urljoin(url, href)
    except ValueError:
        return url
    return base if urlsplit(base).scheme.lower() in ("http", "https") else url


def _page_robots(doc: Document, x_robots_tag: str | None) -> RobotsDirectives:
    result = parse_x_robots_tag(x_robots_tag)
    head = doc.tree.head
    for meta in head.css("meta[name][content]") if head is not None else ():
        attrs = meta.attributes
        if (attrs.get("name") or "").strip().lower() in META_NAMES:
            result = result.merge(parse_meta_content(attrs.get("content")))
    return result


def _canonical(doc: Document, base: str) -> str | None:
    head = doc.tree.head
    for node in head.css("link[rel][href]") if head is not None else ():
        attrs = node.attributes
        if "canonical" in rel_tokens(attrs.get("rel")):
            return resolve(attrs.get("href"), base)
    return None


def _anchor_text(node) -> str:  # type: ignore[no-untyped-def]
    text = collapse(node.text(deep=True))
    if text:
        return text
    alts = [collapse(img.attributes.get("alt")) for img in node.css("img[alt]")]
    return " ".join(a for a in alts if a)


def _title(doc: Document) -> str | None:
    head = doc.tree.head
    node = head.css_first("title") if head is not None else None
    title = collapse(node.text()) if node is not None else ""
    return title or None


def analyse_html(html: str, url: str, *, x_robots_tag: str | None = None) -> PageAnalysis:
    """Analyse one page: robots directives, canonical, and every web link with its kind and placement.

    ``url`` is the page's address (the final URL after redirects); relative links resolve against
    ``<base href>`` (itself resolved against ``url``) or ``url``. Links in comments, ``<script>``,
    ``<template>``, ``<noscript>``, ``<svg>`` and ``<head>`` are left out, as are ``mailto:``,
    ``javascript:``, ``tel:``, ``data:`` and fragment-only links (they are not backlinks).
    """
    doc = Document(html or "")
    base = _base_url(doc, url)
    robots = _page_robots(doc, x_robots_tag)
    blocks, link_infos = doc.walk()
    anchors = []
    infos = []
    hrefs: list[str] = []
    rels: list[str | None] = []
    for info in link_infos:
        node = info.node
        attrs = node.attributes
        href = resolve(attrs.get("href"), base)
        if href is None:
            continue
        anchors.append(node)
        infos.append(info)
        hrefs.append(href)
        rels.append(attrs.get("rel"))
    placements, context = classify(doc, infos, blocks)
    own_domain = domain_of_url(url)
    links: list[Link] = []
    outbound = 0
    outbound_by_host: dict[str, bool] = {}
    for node, href, rel_value, placement in zip(anchors, hrefs, rels, placements):
        if rel_value:
            rel = rel_tokens(rel_value)
            kind = kind_of(rel)
            follow = not robots.nofollow and not _NOFOLLOW_RELS.intersection(rel)
        else:
            rel, kind, follow = (), LinkKind.DOFOLLOW, not robots.nofollow
        links.append(Link(href=href, anchor=_anchor_text(node), rel=rel, kind=kind, follow=follow,
                          placement=placement))
        host_part = _host_part(href)
        other = outbound_by_host.get(host_part)
        if other is None:
            other = outbound_by_host[host_part] = _is_outbound(host_part, own_domain)
        outbound += other
    return PageAnalysis(
        noindex=robots.noindex,
        nofollow=robots.nofollow,
        canonical=_canonical(doc, base),
        outbound_links=outbound,
        links=tuple(links),
        title=_title(doc),
        text=main_text(doc, context, TEXT_LIMIT),
    )


def _href_markers(targets: tuple[str, ...], base: str) -> tuple[str, ...] | None:
    """Lower-case strings of which one must occur in an href (lowered, tabs and newlines removed)
    for the link to point to one of ``targets``; None when every href has to be resolved (the page's
    own domain, via ``<base href>``, is a target, or a target is an IP address or not ASCII).

    An ASCII href whose host normalises to the ASCII domain ``T`` contains ``T`` itself in lower
    case (normalising an ASCII host only lowers it and drops a trailing dot), and a relative href
    keeps the base's host; non-ASCII hrefs are always resolved.
    """
    for target in targets:
        if not target.isascii() or ":" in target or target.replace(".", "").isdigit():
            return None
    if match_target(base, targets) is not None:
        return None
    return tuple(target.lower() for target in targets)


def _may_match(raw: str, markers: tuple[str, ...]) -> bool:
    """Whether the raw href ``raw`` can point to a target (see :func:`_href_markers`)."""
    if not raw.isascii():
        return True
    low = raw.lower()
    if "\t" in low or "\n" in low or "\r" in low:
        low = _URL_STRIP.sub("", low)
    for marker in markers:
        if marker in low:
            return True
    return False


def analyse_for_targets(html: str, url: str, targets: Iterable[str], *,
                        x_robots_tag: str | None = None) -> PageAnalysis:
    """:func:`analyse_html` narrowed to the links that point to ``targets`` (registrable domains):
    what a backlink check needs, at a fraction of the cost.

    ``links`` equals ``links_to(analyse_html(html, url, x_robots_tag=...), targets)`` (same links,
    same order, same href, anchor, rel, kind, follow and placement); ``noindex``, ``nofollow`` and
    ``canonical`` are the same too. Not computed: ``outbound_links`` (0), ``title`` and ``text``
    (None). Hrefs that cannot name a target are dropped on their raw string before any URL
    resolution, and the main-content finder runs only when some link does point to a target.
    """
    wanted = tuple(targets)
    doc = Document(html or "")
    base = _base_url(doc, url)
    robots = _page_robots(doc, x_robots_tag)
    canonical = _canonical(doc, base)
    if not wanted:
        return PageAnalysis(noindex=robots.noindex, nofollow=robots.nofollow, canonical=canonical)
    blocks, link_infos = doc.walk()
    markers = _href_markers(wanted, base)
    infos = []
    found: list[tuple[object, str, str | None]] = []
    for info in link_infos:
        attrs = info.node.attributes
        raw = attrs.get("href")
        if raw is None or (markers is not None and not _may_match(raw, markers)):
            continue
        href = resolve(raw, base)
        if href is None or match_target(href, wanted) is None:
            continue
        infos.append(info)
        found.append((info.node, href, attrs.get("rel")))
    links: list[Link] = []
    if infos:
        placements, _ = classify(doc, infos, blocks)
        for (node, href, rel_value), placement in zip(found, placements):
            if rel_value:
                rel = rel_tokens(rel_value)
                kind = kind_of(rel)
                follow = not robots.nofollow and not _NOFOLLOW_RELS.intersection(rel)
            else:
                rel, kind, follow = (), LinkKind.DOFOLLOW, not robots.nofollow
            links.append(Link(href=href, anchor=_anchor_text(node), rel=rel, kind=kind, follow=follow,
                              placement=placement))
    return PageAnalysis(noindex=robots.noindex, nofollow=robots.nofollow, canonical=canonical,
                        links=tuple(links))


def links_to(analysis: PageAnalysis, targets: Iterable[str]) -> list[Link]:
    """The links of ``analysis`` that point to one of ``targets`` (registrable domains)."""
    wanted = tuple(targets)
    return [link for link in analysis.links if match_target(link.href, wanted) is not None]


def page_to_json(analysis: PageAnalysis, *, targets: Iterable[str] | None = None) -> dict[str, object]:
    """The analysis part of ``backlinks inspect --json``: robots, canonical, outbound_links, links
    (only links to ``targets`` when given)."""
    links = analysis.links if targets is None else links_to(analysis, targets)
    return {
        "robots": {"noindex": analysis.noindex, "nofollow": analysis.nofollow},
        "canonical": analysis.canonical,
        "outbound_links": analysis.outbound_links,
        "links": [link.to_dict() for link in links],
    }
