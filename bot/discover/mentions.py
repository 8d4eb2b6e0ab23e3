"""Unlinked mentions: a page names a site's brand or domain without linking to it. Pure, no I/O.

"They mention you, ask them for a link." Matching rules:

- case and diacritics do not matter (``Bakkerij Jansen`` = ``BAKKERIJ JANSEN`` = ``Bäkkerij Jansén``);
- whole words only: ``Jansen`` is not found in ``Jansens`` or ``Pietjansen``;
- the words of a brand may be written with a space, hyphen or underscore between them, or joined
  (``bakkerij jansen``, ``bakkerij-jansen``, ``#bakkerijjansen``);
- the default brand of a site is its domain (``bakkerij-jansen.nl``) and its label with the hyphens
  read as spaces (``bakkerij jansen``; labels under 4 letters are too ambiguous and are left out);
- a mention inside a link *to the site* is not a mention (it is the anchor of a backlink); a mention
  elsewhere on a page that links to the site anyway is returned with ``linked=True``;
- text in ``<script>``, ``<style>``, ``<template>``, ``<noscript>``, ``<svg>`` and ``<head>`` is not
  page text.

Each mention comes with the sentence around it (at most :data:`SENTENCE_MAX` characters).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence
from urllib.parse import urljoin

SENTENCE_MAX = 300
MAX_PER_PAGE = 20
TEXT_LIMIT = 300_000
MIN_LABEL = 4

_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "head", "iframe", "textarea", "select", "math"})
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "tr", "td", "th",
        "table", "section", "article", "aside", "header", "footer", "nav", "main", "blockquote", "pre", "figure",
        "figcaption", "form", "address", "details", "summary", "body", "caption", "option", "label",
    }
)
_SEPARATOR = r"[\s\-_]*"
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


@dataclass(frozen=True)
class LinkSpan:
    """Text from ``start`` to ``end`` is the anchor of a link to ``domain`` (registrable domain)."""

    start: int
    end: int
    domain: str | None


@dataclass(frozen=True)
class PageText:
    """The visible text of a page (blocks on their own lines) and where its links are."""

    text: str
    links: tuple[LinkSpan, ...] = ()

    def links_to(self, domain: str) -> bool:
        return any(span.domain == domain for span in self.links)


@dataclass(frozen=True)
class Mention:
    brand: str  # the configured term that matched (a brand name or the domain)
    matched: str  # the words as written on the page
    sentence: str  # the sentence around the mention
    linked: bool  # the page links to the site elsewhere

    def to_dict(self) -> dict[str, object]:
        return {"brand": self.brand, "matched": self.matched, "sentence": self.sentence, "linked": self.linked}


# ------------------------------------------------------------------ normalising


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Text without case and diacritics, and for each of its characters the index in ``text`` it
    came from (None when they are the same: pure ASCII)."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch.lower())
            index.append(i)
            continue
        folded = _fold_char(ch)
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def brand_terms(domain: str, brands: Iterable[str] = ()) -> tuple[str, ...]:
    """The terms to look for: the configured brands, the domain, and the domain's label read as words."""
    terms: dict[str, str] = {}

    def add(term: str) -> None:
        term = " ".join(term.split())
        if len(term) >= 2:
            terms.setdefault(fold(term)[0], term)

    for brand in brands:
        add(str(brand))
    unicode_domain = domain
    try:
        unicode_domain = domain.encode("ascii").decode("idna")
    except UnicodeError:
        pass
    add(unicode_domain)
    label = unicode_domain.split(".")[0]
    if len(label.replace("-", "")) >= MIN_LABEL:
        add(label.replace("-", " ").replace("_", " "))
    return tuple(terms.values())


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word pattern of a term in folded text; the words of a brand may be joined by space, hyphen
    or underscore, or not at all. A domain (it has a dot) matches as written."""
    folded = fold(term)[0]
    if "." in folded and " " not in folded:
        body = re.escape(folded)
    else:
        words = [w for w in re.split(r"[\s\-_]+", folded) if w]
        body = _SEPARATOR.join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


# ------------------------------------------------------------------ page text


def page_text(html: str, url: str) -> PageText:
    """Visible text of ``html`` (one line per block) and the spans of its links with their domain."""
    from selectolax.lexbor import LexborHTMLParser

    from bot.domains import domain_of_url

    def resolve(href: str | None, against: str) -> str | None:
        href = (href or "").strip()
        if not href or href.startswith("#"):
            return None
        try:
            absolute = urljoin(against, href)
        except ValueError:
            return None
        return absolute if absolute[:8].lower().startswith(("http://", "https://")) else None

    link_domain = domain_of_url

    tree = LexborHTMLParser(html or "")
    body = tree.body
    if body is None:
        return PageText("")
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = resolve(base_node.attributes.get("href"), url) or url
    parts: list[str] = []
    length = 0
    spans: list[LinkSpan] = []
    # per element (by memory id): (excluded, link domain or "" when inside a link elsewhere, None when in no link)
    cache: dict[int, tuple[bool, str | None, int]] = {}

    def context(node) -> tuple[bool, str | None, int]:  # type: ignore[no-untyped-def]
        key = node.mem_id
        found = cache.get(key)
        if found is not None:
            return found
        chain = []
        current = node
        result: tuple[bool, str | None, int] = (False, None, 0)
        while current is not None:
            hit = cache.get(current.mem_id)
            if hit is not None:
                result = hit
                break
            chain.append(current)
            current = current.parent
        for element in reversed(chain):
            excluded, link, link_id = result
            tag = element.tag or ""
            if tag in _SKIP_TAGS:
                excluded = True
            elif tag == "a" and link is None:
                href = resolve(element.attributes.get("href"), base)
                link = (link_domain(href) or "") if href else ""
                link_id = element.mem_id
            result = (excluded, link, link_id)
            cache[element.mem_id] = result
        return result

    current_link: tuple[int, str | None, int] | None = None  # (link id, domain, start)
    space_after = False

    def close_link() -> None:
        nonlocal current_link
        if current_link is not None:
            spans.append(LinkSpan(current_link[2], length, current_link[1] or None))
            current_link = None

    for node in body.traverse(include_text=True):
        tag = node.tag
        if tag != "-text":
            if tag in _BLOCK_TAGS and parts and parts[-1] != "\n":
                close_link()
                parts.append("\n")
                length += 1
            continue
        raw = node.text_content
        parent = node.parent
        if not raw or parent is None:
            continue
        excluded, link, link_id = context(parent)
        if excluded:
            continue
        if raw.isspace():
            space_after = True
            continue
        text = " ".join(raw.split())
        if parts and parts[-1] != "\n" and (raw[:1].isspace() or space_after):
            parts.append(" ")
            length += 1
        space_after = raw[-1:].isspace()
        if current_link is not None and current_link[0] != link_id:
            close_link()
        if link is not None and current_link is None:
            current_link = (link_id, link, length)
        parts.append(text)
        length += len(text)
        if length > TEXT_LIMIT:
            break
    close_link()
    return PageText("".join(parts).strip("\n "), tuple(spans)) if parts else PageText("")


# ------------------------------------------------------------------ finding


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_MAX) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, trimmed to about ``limit`` characters."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 2000), start):
        left = match.end()
    found = _SENTENCE_END.search(text, end)
    right = found.end() if found else len(text)
    if found and found.group() == "\n":
        right = found.start()
    sentence = text[left:right].strip()
    if len(sentence) <= limit:
        return sentence
    half = max(20, (limit - (end - start)) // 2)
    lo, hi = max(left, start - half), min(right, end + half)
    while lo > left and not text[lo - 1].isspace():
        lo += 1
        if lo >= start:
            break
    while hi < right and not text[hi].isspace() and hi > end:
        hi -= 1
    return ("…" if lo > left else "") + text[lo:hi].strip() + ("…" if hi < right else "")


def find_mentions(page: PageText, domain: str, brands: Sequence[str] = (), *, limit: int = MAX_PER_PAGE) -> list[Mention]:
    """Mentions of ``domain``'s brands (see :func:`brand_terms`) in ``page`` that are not the anchor
    of a link to ``domain``, in document order, one per sentence and brand."""
    text = page.text
    if not text:
        return []
    folded, index = fold(text)
    terms = brand_terms(domain, brands)
    hits: list[tuple[int, int, str]] = []
    for term in terms:
        for match in term_pattern(term).finditer(folded):
            if index is None:
                start, end = match.start(), match.end()
            else:
                start, end = index[match.start()], index[match.end() - 1] + 1
            hits.append((start, end, term))
    if not hits:
        return []
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    own_links = [span for span in page.links if span.domain == domain]
    linked_page = bool(own_links)
    mentions: list[Mention] = []
    seen: set[tuple[str, str]] = set()
    last_end = -1
    for start, end, term in hits:
        if start < last_end:
            continue  # overlaps a longer mention already taken
        last_end = end
        if any(span.start < end and start < span.end for span in own_links):
            continue
        sentence = sentence_around(text, start, end)
        key = (fold(term)[0], sentence)
        if key in seen:
            continue
        seen.add(key)
        mentions.append(Mention(brand=term, matched=text[start:end], sentence=sentence, linked=linked_page))
        if len(mentions) >= limit:
            break
    return mentions


def mentions_in_html(html: str, url: str, domain: str, brands: Sequence[str] = ()) -> list[Mention]:
    """:func:`find_mentions` on the text of ``html`` (fetched from ``url``)."""
    return find_mentions(page_text(html, url), domain, brands)
