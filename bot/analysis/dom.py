"""One walk over a parsed page that the link rules and the placement classifier share.

Every element that we look at gets an :class:`ElementInfo` (memoised by lexbor's node id): its
parent, whether it sits in a part of the document whose links do not count (``<script>``,
``<template>``, ``<noscript>``, ``<svg>``, ``<head>``...), its nearest block-level ancestor, and the
boilerplate zone or main-content hint that its tag, ARIA role, ``class`` and ``id`` give.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from bot.analysis.model import Placement
from bot.analysis.vocabulary import MAIN_ROLES, MAIN_TAGS, ROLE_ZONES, TAG_ZONES, classify_attr

#: elements whose content is never a visible link
EXCLUDED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "textarea", "select",
    "-comment",
})

BLOCK_TAGS = frozenset({
    "p", "div", "li", "td", "th", "dd", "dt", "dl", "blockquote", "pre", "section", "article", "main",
    "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "ul", "ol", "table", "tbody", "thead", "tr",
    "form", "header", "footer", "nav", "aside", "body", "html", "address", "details", "summary", "fieldset",
    "center", "caption", "menu", "hgroup", "legend", "-document",
})

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_TAGS = frozenset({"li", "dd", "dt"})


_UNSET = object()


class ElementInfo:
    """What the placement rules need to know about one element. Pages have thousands of elements
    and this is built for many of them, so it is lean: counters default to class attributes and the
    zone is computed on first use."""

    # text statistics (set on block elements only)
    own_text = 0  # characters of text directly in this block, outside links
    link_text = 0  # characters of link text directly in this block
    n_links = 0
    commas = 0
    score = 0.0  # main-content score (candidates only)
    sub_text = 0  # own_text summed over the subtree (see Document.subtree_totals)
    sub_link = 0  # link_text summed over the subtree
    _zone: object = None
    _main = False

    def __init__(self, uid: int, tag: str, parent: "ElementInfo | None", node: LexborNode) -> None:
        self.uid = uid
        self.tag = tag
        self.parent = parent
        self.node = node
        self._zone = _UNSET
        if parent is None:
            self.depth = 0
            self.excluded = tag in EXCLUDED_TAGS
            self.block: ElementInfo = self
            self.link: ElementInfo | None = self if tag == "a" else None
        else:
            self.depth = parent.depth + 1
            # inside script/template/noscript/svg/head/comment: links there do not count
            self.excluded = parent.excluded or tag in EXCLUDED_TAGS
            self.block = self if tag in BLOCK_TAGS else parent.block  # nearest block-level element
            self.link = self if tag == "a" else parent.link  # nearest <a> ancestor-or-self

    def _classify(self) -> None:
        tag = self.tag
        if tag[:1] == "-" or tag in _PLAIN_TAGS:  # html/body classes describe the template, not a zone
            self._zone, self._main = TAG_ZONES.get(tag), tag in MAIN_TAGS
        else:
            self._zone, self._main = _own_zone(tag, self.node.attributes)

    @property
    def zone(self) -> Placement | None:
        """The boilerplate zone this element itself names (tag, role, class/id), or None."""
        if self._zone is _UNSET:
            self._classify()
        return self._zone  # type: ignore[return-value]

    @property
    def main_hint(self) -> bool:
        """Whether this element itself says "main content" (article/main, role=main, class words)."""
        if self._zone is _UNSET:
            self._classify()
        return self._main

    def ancestors(self):  # type: ignore[no-untyped-def]
        """Itself and every ancestor, innermost first."""
        node: ElementInfo | None = self
        while node is not None:
            yield node
            node = node.parent

    def inside(self, tags: frozenset[str]) -> bool:
        """Whether this element or an ancestor has one of ``tags``."""
        return any(node.tag in tags for node in self.ancestors())


#: elements whose attributes we never look at
_PLAIN_TAGS = frozenset({"html", "body", "b", "i", "em", "strong", "br", "wbr", "u", "sup", "sub", "small", "code"})


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _own_zone(tag: str, attrs: dict[str, str | None]) -> tuple[Placement | None, bool]:
    """(zone, main-content hint) that an element's tag, role, itemprop, class and id give."""
    zone = TAG_ZONES.get(tag)
    main = tag in MAIN_TAGS
    if not attrs:
        return zone, main
    role = attrs.get("role")
    if role:
        role = role.strip().lower()
        zone = ROLE_ZONES.get(role, zone)
        main = main or role in MAIN_ROLES
    if not main and attrs.get("itemprop") in ("articleBody", "text", "mainEntityOfPage"):
        main = True
    cls = attrs.get("class")
    id_ = attrs.get("id")
    if cls or id_:
        word_zone, word_main = classify_attr(f"{cls} {id_}" if cls and id_ else (cls or id_))  # type: ignore[arg-type]
        if zone is None:
            zone = word_zone
        main = main or word_main
    if zone is None and ("hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or "")):
        zone = Placement.OTHER  # not shown: cookie preference centres, collapsed mobile menus
    return zone, main


def _depth(element: ElementInfo) -> int:
    return element.depth


class Document:
    """A parsed page plus memoised :class:`ElementInfo` records."""

    def __init__(self, html: str) -> None:
        self.tree = LexborHTMLParser(html)
        # keyed by lexbor's node address >> 4: raw addresses share their low bits, which makes
        # dict probing slow
        self._info: dict[int, ElementInfo] = {}

    def walk(self) -> list[ElementInfo]:
        """Fill per-block text statistics from the text nodes of ``<body>`` (building the records of
        their ancestors on the way). Returns the blocks that hold text, in document order."""
        body = self.tree.body
        if body is None:
            return []
        cache = self._info
        info_of = self.info
        text_blocks: dict[int, ElementInfo] = {}
        for node in body.traverse(include_text=True):
            if node.tag != "-text":
                continue
            text = node.text_content
            if not text or text.isspace():
                continue
            parent_node = node.parent
            parent = cache.get(parent_node.mem_id >> 4)
            if parent is None:
                parent = info_of(parent_node)
            if parent.excluded:
                continue
            n = len(text.strip())
            block = parent.block
            if parent.link is not None:
                block.link_text += n
            else:
                block.own_text += n
                block.commas += text.count(",")
            text_blocks[block.uid] = block
        return list(text_blocks.values())

    def subtree_totals(self) -> None:
        """Fill ``sub_text``/``sub_link`` of every known element (after :meth:`walk`)."""
        for element in sorted(self._info.values(), key=_depth, reverse=True):
            text = element.sub_text + element.own_text
            link = element.sub_link + element.link_text
            if text or link:
                element.sub_text, element.sub_link = text, link
                parent = element.parent
                if parent is not None:
                    parent.sub_text += text
                    parent.sub_link += link

    def info(self, node: LexborNode) -> ElementInfo:
        """The record of ``node`` (an element), computing its ancestors' records as needed."""
        cache = self._info
        found = cache.get(node.mem_id >> 4)
        if found is not None:
            return found
        pending: list[LexborNode] = []
        current: LexborNode | None = node
        parent_info: ElementInfo | None = None
        while current is not None:
            hit = cache.get(current.mem_id >> 4)
            if hit is not None:
                parent_info = hit
                break
            pending.append(current)
            current = current.parent
        for element in reversed(pending):
            parent_info = ElementInfo(element.mem_id >> 4, element.tag or "", parent_info, element)
            cache[parent_info.uid] = parent_info
        assert parent_info is not None
        return parent_info
