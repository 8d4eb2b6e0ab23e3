"""Class and id words that name a part of the page."""

from __future__ import annotations

import pytest

from bot.analysis.model import Placement
from bot.analysis.robots import parse_meta_content, parse_x_robots_tag
from bot.analysis.vocabulary import classify_attr


@pytest.mark.parametrize(("value", "zone", "main"), [
    ("site-header", Placement.HEADER, False),
    ("c-siteHeader__nav", Placement.NAVIGATION, False),
    ("mainMenu", Placement.NAVIGATION, False),
    ("menu-item menu-item-1234", Placement.NAVIGATION, False),
    ("comments-area", Placement.COMMENTS, False),
    ("post-author-box", Placement.AUTHOR, False),
    ("sidebar1", Placement.SIDEBAR, False),
    ("footer-widgets", Placement.FOOTER, False),
    ("sharedaddy sd-sharing-enabled", Placement.OTHER, False),
    ("entry-content", None, True),
    ("article-body", None, True),
    ("canvas tagline navy", None, False),  # words that merely contain a zone word
    ("has-sidebar", None, False),  # state/layout modifiers
    ("is-open js-menu-toggle", None, False),
    ("md:hidden lg:grid-cols-sidebar top-[var(--nav-height)]", None, False),  # utility classes
    ("m-article--sidebar-right", None, True),  # a BEM modifier of an article block
    ("post type-post status-publish hentry category-news tag-menu author-ann", None, True),  # the article itself
])
def test_classify_attr(value: str, zone: Placement | None, main: bool) -> None:
    assert classify_attr(value) == (zone, main)


def test_robots_parsers_directly() -> None:
    assert parse_meta_content(" NOINDEX ,follow ").noindex is True
    assert parse_meta_content(None).nofollow is False
    both = parse_x_robots_tag("googlebot: noindex\r\notherbot: nofollow")
    assert (both.noindex, both.nofollow) == (True, False)
