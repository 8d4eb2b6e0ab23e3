"""Records that HTML link analysis produces (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LinkKind(StrEnum):
    """From ``rel``: sponsored > ugc > nofollow > dofollow."""

    DOFOLLOW = "dofollow"
    NOFOLLOW = "nofollow"
    UGC = "ugc"
    SPONSORED = "sponsored"


class Placement(StrEnum):
    """Where on the page a link stands. ``content`` is an editorial link in the main text."""

    CONTENT = "content"
    NAVIGATION = "navigation"
    HEADER = "header"
    FOOTER = "footer"
    SIDEBAR = "sidebar"
    COMMENTS = "comments"
    AUTHOR = "author"
    OTHER = "other"


@dataclass(frozen=True)
class Link:
    """One ``<a href>`` of a page."""

    href: str  # absolute URL (resolved against <base href> and the page URL)
    anchor: str  # normalised text; the image alt when the link holds only an image
    rel: tuple[str, ...]  # lower-case rel tokens, in order, without duplicates
    kind: LinkKind
    follow: bool  # False when rel or the page (meta robots/googlebot, X-Robots-Tag) says nofollow
    placement: Placement

    def to_dict(self) -> dict[str, object]:
        return {
            "href": self.href,
            "anchor": self.anchor,
            "rel": list(self.rel),
            "kind": self.kind.value,
            "follow": self.follow,
            "placement": self.placement.value,
        }


@dataclass(frozen=True)
class PageAnalysis:
    """Page-level facts plus every link of the page in document order."""

    noindex: bool = False
    nofollow: bool = False
    canonical: str | None = None  # absolute URL or None
    outbound_links: int = 0  # number of links to other registrable domains than the page's own
    links: tuple[Link, ...] = field(default_factory=tuple)
    title: str | None = None
    text: str | None = None  # visible main text (for mention finding later); may be None
