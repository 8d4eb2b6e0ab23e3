"""One walk over a parsed page that the link rules and the placement classifier share.

:meth:`Document.walk` visits ``<body>`` depth-first, skipping the parts whose links never count
(``<script>``, ``<style>``, ``<template>``, ``<noscript>``, ``<svg>``, comments...). Every element
that can hold text or links gets an :class:`ElementInfo`: its parent, its nearest block-level
ancestor, whether it is inside a link, text statistics for blocks, and (computed on first use) the
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

#: zones whose subtree is not walked: their links are collected directly (they never hold main content)
CLOSED_ZONE_TAGS = frozenset({"nav", "footer", "aside"})

#: inline formatting whose text simply belongs to the enclosing element (no record of their own)
TRANSPARENT_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "s", "small", "sup", "sub", "mark", "abbr", "cite", "q", "code", "time",
    "font", "kbd", "var", "dfn", "del", "ins", "bdi", "bdo", "tt", "big", "nobr",
})



_UNSET = object()


class ElementInfo:
    """What the placement rules need to know about one element. Pages have thousands of elements
    and this is built for many of them, so it is lean and its zone is computed on first use."""

    __slots__ = (
        "uid", "tag", "parent", "node", "excluded", "_block", "in_link", "_zone", "_main",
        "own_text", "link_text", "n_links", "commas", "score", "sub_text", "sub_link",
    )

    def __init__(self, uid: int, tag: str, parent: "ElementInfo | None", node: LexborNode) -> None:
        self.uid = uid
        self.tag = tag
        self.parent = parent
        self.node = node
        self._zone: object = _UNSET
        self._main = False
        # text statistics (filled on block elements)
        self.own_text = 0  # characters of text directly in this block, outside links
        self.link_text = 0  # characters of link text directly in this block
        self.n_links = 0
        self.commas = 0
        self.score = 0.0  # main-content score (candidates only)
        self.sub_text = 0  # own_text summed over the subtree (see Document.subtree_totals)
        self.sub_link = 0  # link_text summed over the subtree
        # No attribute refers back to the element itself: without reference cycles a page's records
        # are freed as soon as the analysis is done, instead of waiting for the garbage collector.
        if parent is None:
            self.excluded = tag in EXCLUDED_TAGS
            self._block: ElementInfo | None = None
            self.in_link = tag == "a"
        else:
            # inside script/template/noscript/svg/head/comment: links there do not count
            self.excluded = parent.excluded or tag in EXCLUDED_TAGS
            # nearest block-level ancestor, None when this element is a block itself
            self._block = None if tag in BLOCK_TAGS else (parent._block or parent)
            self.in_link = tag == "a" or parent.in_link  # inside an <a> (or one itself)

    @property
    def block(self) -> "ElementInfo":
        """The nearest block-level element: itself or an ancestor."""
        return self._block or self

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


#: elements whose attributes we never look at
_PLAIN_TAGS = frozenset({"html", "body", "b", "i", "em", "strong", "br", "wbr", "u", "sup", "sub", "small", "code",
                         # list items and table rows: their list or table names the zone
                         "li", "tr", "tbody", "thead", "dt", "dd"})


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _own_zone(tag: str, attrs: dict[str, str | None]) -> tuple[Placement | None, bool]:
    """(zone, main-content hint) that an element's tag, role, itemprop, class and id give."""
    zone = TAG_ZONES.get(tag)
    main = tag in MAIN_TAGS
    if not attrs:
        return zone, main
    get = attrs.get
    role = get("role")
    if role:
        role = role.strip().lower()
        zone = ROLE_ZONES.get(role, zone)
        main = main or role in MAIN_ROLES
    cls = get("class")
    id_ = get("id")
    if cls or id_:
        words = f"{cls} {id_}" if cls and id_ else (cls or id_)
        word_zone, word_main = classify_attr(words)  # type: ignore[arg-type]
        if zone is None:
            zone = word_zone
        main = main or word_main
    if not main and "itemprop" in attrs and get("itemprop") in ("articleBody", "text", "mainEntityOfPage"):
        main = True
    if zone is None:
        if "hidden" in attrs:
            zone = Placement.OTHER  # not shown: cookie preference centres, collapsed menus
        else:
            style = get("style")
            if style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
                zone = Placement.OTHER
    return zone, main


#: a CSS selector for the elements of EXCLUDED_TAGS (comments hold no elements)
_EXCLUDED_SELECTOR = ",".join(sorted(tag for tag in EXCLUDED_TAGS if tag[0] != "-"))


def _inside_excluded(node: LexborNode, stop: LexborNode) -> bool:
    """Whether ``node`` sits in an excluded element (svg, noscript, template...) below ``stop``."""
    stop_id = stop.mem_id
    current = node.parent
    while current is not None and current.mem_id != stop_id:
        if current.tag in EXCLUDED_TAGS:
            return True
        current = current.parent
    return False


class Document:
    """A parsed page plus memoised :class:`ElementInfo` records."""

    def __init__(self, html: str) -> None:
        self.tree = LexborHTMLParser(html)
        # keyed by lexbor's node address >> 4: raw addresses share their low bits, which makes
        # dict probing slow
        self._info: dict[int, ElementInfo] = {}
        self._elements: list[ElementInfo] = []  # records made by walk(), parents before children
        self.texts: list[tuple[ElementInfo, str]] = []  # visible text nodes with their block, in order

    def walk(self) -> tuple[list[ElementInfo], list[ElementInfo]]:
        """One depth-first walk over ``<body>``: a record for every element outside the excluded
        parts (which are not entered at all), text statistics per block from the text nodes.

        Returns (blocks that hold text, ``<a>`` elements in document order). The visible text
        nodes, with the block they belong to, are kept in ``self.texts``.
        """
        body = self.tree.body
        if body is None:
            return [], []
        texts = self.texts
        root = self.info(body)
        elements = self._elements = [root]
        links: list[ElementInfo] = []
        text_blocks: dict[int, ElementInfo] = {}
        excluded_tags = EXCLUDED_TAGS
        transparent = TRANSPARENT_TAGS
        closed_zones = CLOSED_ZONE_TAGS
        uid = 0
        stack: list[tuple[LexborNode | None, ElementInfo]] = []
        parent = root
        child = body.first_child
        while True:
            while child is not None:
                tag = child.tag
                if tag == "-text":
                    text = child.text_content
                    if text and not text.isspace():
                        n = len(text.strip())
                        block = parent._block or parent
                        texts.append((block, text))
                        if parent.in_link:
                            block.link_text += n
                        else:
                            block.own_text += n
                            block.commas += text.count(",")
                        text_blocks[block.uid] = block
                elif tag and tag[0] != "-" and tag not in excluded_tags:
                    first = child.first_child
                    if tag in closed_zones and first is not None:
                        # nav/footer/aside: every link inside takes this zone (or is outside the
                        # main content anyway); collect them without walking the subtree
                        uid += 1
                        zone_info = ElementInfo(uid, tag, parent, child)
                        elements.append(zone_info)
                        # (only a zone holding an excluded element can hide links: one C-level query)
                        check = child.css_first(_EXCLUDED_SELECTOR) is not None
                        for anchor in child.css("a"):
                            if check and _inside_excluded(anchor, child):
                                continue
                            uid += 1
                            info = ElementInfo(uid, "a", zone_info, anchor)
                            info._zone = None  # the enclosing zone names it; its classes are not read
                            elements.append(info)
                            links.append(info)
                        child = child.next
                        continue
                    if tag == "a":
                        uid += 1
                        info = ElementInfo(uid, tag, parent, child)
                        elements.append(info)
                        links.append(info)
                    elif first is None:
                        child = child.next  # an empty element (img, br, input): nothing to record
                        continue
                    elif tag in transparent or parent.in_link:
                        # inline formatting, or anything inside a link: its text belongs to the
                        # enclosing record (inside a link, all text is link text of the link's block)
                        info = parent
                    else:
                        uid += 1
                        info = ElementInfo(uid, tag, parent, child)
                        elements.append(info)
                    if first is not None:
                        stack.append((child.next, parent))
                        parent = info
                        child = first
                        continue
                child = child.next
            if not stack:
                break
            child, parent = stack.pop()
        return list(text_blocks.values()), links

    def subtree_totals(self) -> None:
        """Fill ``sub_text``/``sub_link`` of every known element (after :meth:`walk`). Records are
        created parents first, so walking them backwards meets every child before its parent."""
        for element in reversed(self._elements):
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
