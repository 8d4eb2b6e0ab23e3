"""Words in ``class``/``id`` attributes and ARIA roles that say what part of a page an element is.

Tokens come from splitting the attribute on anything that is not a letter or digit and on camelCase
boundaries, in lower case (``c-siteHeader__nav`` -> ``c``, ``site``, ``header``, ``nav``). A token
matches a zone when it equals one of the words, or starts with one of the prefixes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis.model import Placement

#: HTML5 sectioning tags that mark boilerplate zones
TAG_ZONES: dict[str, Placement] = {
    "nav": Placement.NAVIGATION,
    "menu": Placement.NAVIGATION,
    "header": Placement.HEADER,
    "footer": Placement.FOOTER,
    "aside": Placement.SIDEBAR,
}

ROLE_ZONES: dict[str, Placement] = {
    "navigation": Placement.NAVIGATION,
    "menu": Placement.NAVIGATION,
    "menubar": Placement.NAVIGATION,
    "tablist": Placement.NAVIGATION,
    "banner": Placement.HEADER,
    "contentinfo": Placement.FOOTER,
    "complementary": Placement.SIDEBAR,
    "search": Placement.OTHER,
    "dialog": Placement.OTHER,
    "alertdialog": Placement.OTHER,
}

#: roles/tags that mark the main content
MAIN_TAGS = frozenset({"article", "main"})
MAIN_ROLES = frozenset({"main", "article"})

# (zone, exact words, prefixes); checked in this order, so the first zone that matches wins
_ZONE_WORDS: list[tuple[Placement, frozenset[str], tuple[str, ...]]] = [
    (
        Placement.COMMENTS,
        frozenset({"comment", "comments", "disqus", "respond", "discussion", "commentlist"}),
        ("comment", "disqus"),
    ),
    (
        Placement.AUTHOR,
        frozenset({"author", "authors", "byline", "bio", "avatar", "contributor", "writer"}),
        ("author", "byline"),
    ),
    (
        Placement.NAVIGATION,
        frozenset({
            "nav", "navbar", "navigation", "menu", "menus", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
            "crumbs", "pagination", "pager", "paging", "skip", "dropdown", "hamburger", "offcanvas", "drawer",
            "postnav", "navs", "subnav", "topnav", "sidenav", "mainnav",
        }),
        ("navbar", "navigat", "navlink", "navmenu", "navitem", "navlist", "menu", "breadcrumb", "paginat",
         "dropdown"),
    ),
    (
        Placement.HEADER,
        frozenset({"header", "masthead", "topbar", "branding", "logo", "announcement"}),
        ("header", "masthead", "topbar"),
    ),
    (
        Placement.FOOTER,
        frozenset({"footer", "copyright", "colophon", "legal", "sitemap"}),
        ("footer", "copyright"),
    ),
    (
        Placement.SIDEBAR,
        frozenset({
            "sidebar", "aside", "related", "recommended", "recommendations", "popular", "trending", "recent",
            "sponsored", "promo", "promotion", "advert", "adsense", "teaser", "teasers", "rail", "sidebox",
            "outbrain", "taboola", "suggested", "upsell", "crosssell",
        }),
        ("sidebar", "related", "recommend", "advert", "sponsor", "promo"),
    ),
    (
        Placement.OTHER,
        frozenset({
            "share", "sharing", "social", "sociallinks", "follow", "tags", "tagcloud", "tagged",
            "cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot", "newsletter", "subscribe",
            "subscription", "signup", "modal", "popup", "overlay", "meta", "postmeta", "entrymeta",
            "categories", "filed", "login", "signin", "lang", "language", "languages", "locale", "rating",
            "reviews", "cart", "wishlist", "facet", "facets", "filter", "filters",
        }),
        ("share", "social", "cookie", "newsletter", "subscri", "tagcloud"),
    ),
]

#: class names that describe a state or a layout rather than a part of the page
_MODIFIER_PREFIXES = ("has-", "has_", "with-", "with_", "no-", "no_", "is-", "is_", "show-", "hide-", "js-")
_MODIFIER_SUFFIXES = ("-enabled", "-disabled", "-collapsed", "-open", "-active", "-empty", "-visible")
#: classes that CMSs put on the article element itself, next to taxonomy classes (WordPress
#: ``hentry category-news tag-x author-y``)
_ARTICLE_MARKERS = frozenset({"hentry", "status-publish", "type-post", "type-page", "h-entry"})

_POSITIVE_WORDS = frozenset({
    "article", "articles", "content", "contents", "entry", "hentry", "main", "post", "posts", "text", "body",
    "story", "prose", "blog", "richtext", "rte", "wysiwyg", "markdown", "md", "copy", "editorial", "section",
    "hentry",
})

_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def tokens(value: str) -> tuple[str, ...]:
    """Words of a class/id attribute value, lower case."""
    if not value:
        return ()
    return tuple(t for t in _SPLIT.split(_CAMEL.sub(" ", value).lower()) if t)


_WORD_RANK: dict[str, int] = {}
for _rank, (_zone, _words, _prefixes) in enumerate(_ZONE_WORDS):
    for _word in _words:
        _WORD_RANK.setdefault(_word, _rank)
_PREFIX_RANKS: list[tuple[str, int]] = [(p, rank) for rank, (_, _, ps) in enumerate(_ZONE_WORDS) for p in ps]
_PREFIXES = tuple(sorted({p for p, _ in _PREFIX_RANKS}))


def _token_rank(tok: str) -> int | None:
    rank = _WORD_RANK.get(tok)
    for prefix, prefix_rank in _PREFIX_RANKS:
        if (rank is None or prefix_rank < rank) and tok.startswith(prefix):
            rank = prefix_rank
    return rank


_NAME_CACHE: dict[str, tuple[int | None, bool]] = {}
_NOTHING: tuple[int | None, bool] = (None, False)


def _classify_name(name: str) -> tuple[int | None, bool]:
    """(zone rank or None, names main content) of one class name or id (cached)."""
    found = _NAME_CACHE.get(name)
    if found is not None:
        return found
    found = _NOTHING
    if not (":" in name or "[" in name or "/" in name or "*" in name):  # utility classes (md:hidden)
        lower = name.lower()
        if not (lower.startswith(_MODIFIER_PREFIXES) or lower.endswith(_MODIFIER_SUFFIXES)):
            cut = name.find("--")
            if cut > 0:
                name_part = name[:cut]  # BEM modifier: m-article--sidebar-right is an m-article
            else:
                name_part = name
            if name_part.islower() or not any(c.isupper() for c in name_part):
                text = name_part.lower()
            else:
                text = _CAMEL.sub(" ", name_part).lower()
            best: int | None = None
            positive = False
            for tok in _SPLIT.split(text):
                if not tok:
                    continue
                rank = _token_rank(tok) if tok.startswith(_PREFIXES) else _WORD_RANK.get(tok)
                if rank is not None:
                    if best is None or rank < best:
                        best = rank
                elif tok in _POSITIVE_WORDS:
                    positive = True
            if best is not None or positive:
                found = (best, positive)
    if len(_NAME_CACHE) > 200_000:
        _NAME_CACHE.clear()
    _NAME_CACHE[name] = found
    return found


@lru_cache(maxsize=65536)
def classify_attr(value: str) -> tuple[Placement | None, bool]:
    """(boilerplate zone or None, whether the value names main content) for a class + id string.

    Class names that describe a state or layout (``has-sidebar``, ``is-open``), utility classes with
    variants (``md:hidden``) and BEM modifiers are not read as zones; on the article element itself
    (``hentry``, ``status-publish``) the CMS's taxonomy classes (``category-news``) are ignored.
    """
    names = value.split()
    if _ARTICLE_MARKERS.intersection(names):
        return None, True
    best: int | None = None
    positive = False
    get = _NAME_CACHE.get
    for name in names:
        rank, pos = get(name) or _classify_name(name)
        if rank is not None:
            if best is None or rank < best:
                best = rank
        elif pos:
            positive = True
    if best is not None:
        return _ZONE_WORDS[best][0], False
    return None, positive
