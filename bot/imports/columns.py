"""Header knowledge: which column means what in each tool's export, and which tool wrote a header.

Header names are compared in a normal form: lower case, letters and digits only, so ``Source url``,
``source_url`` and ``SourceURL`` are all ``sourceurl``. Aliases are listed best first.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.imports.model import ImportFormat


def norm_header(name: str) -> str:
    """``'Referring page URL'`` -> ``'referringpageurl'``; ``"Linkende pagina's"`` -> ``'linkendepaginas'``."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


# Google Search Console "Latest links" / "More sample links", localised (nl, de, fr, es, it, pt).
GSC_SOURCE = (
    "linkingpage", "linkendepagina", "verlinkendeseite", "pageaveclien", "pagequicontientlelien",
    "paginaqueenlaza", "paginaconlink", "paginacheincludeillink", "paginadelink",
)
GSC_CRAWLED = ("lastcrawled", "laatstgecrawld", "zuletztgecrawlt", "dernireexploration", "dernierexploration",
               "ltimorastreo", "ultimorastreo", "ultimascansione", "ltimorastreamento")

SOURCE = (
    "referringpageurl", "sourceurl", "linkingpageurl", "linkingpage", "referringpage", "urlfrom", "backlinkurl",
    "referringurl", "sourcepage", "fromurl", "backlink", "source", *GSC_SOURCE[1:],
    "verwijzendepagina", "verwijzendeurl", "bronurl", "bronpagina", "url", "pageurl", "page", "urls",
)
TARGET = (
    "targeturl", "linkurl", "urlto", "destinationurl", "targetpage", "target", "doelurl", "doelpagina",
    "gelinktepagina", "zielurl", "linkedpage", "landingpage", "destination",
)
ANCHOR = ("anchor", "anchortext", "linkanchor", "ankertekst", "anchortekst", "linktekst", "linktext", "anker", "ancre")
NOFOLLOW = ("nofollow", "flagnofollow", "onlyrelnofollow", "isnofollow", "linknofollow")
DOFOLLOW = ("dofollow", "isdofollow", "followable", "onlyfollow", "follow")
REL = ("rel", "linkrel", "linktype", "relattribute", "linkattributes", "type")
UGC = ("ugc", "isugc", "flagugc")
SPONSORED = ("sponsored", "issponsored", "flagsponsored")
FIRST_SEEN = (
    "firstseen", "firstindexeddate", "sourcefirstfounddate", "firstfounddate", "firstfound", "datefound",
    "firstcrawled", "eerstgezien", "datefirstseen", "firstseenlink", "discovered",
)
LAST_SEEN = (
    "lastseen", "lastseendate", "sourcecrawldate", "lastcheck", "lastchecked", "laatstgezien", "lastvisited",
    "datelastseen", "crawldate", *GSC_CRAWLED,
)
FETCH_TIME = ("fetchtime",)

# Google Search Console "Top linking sites": a domain and page counts, no URLs.
SITE = ("site", "toplinkingsites", "linkingsite", "sites", "website", "domain", "referringdomain", "sitemetlinks", "linkendesite")
SITE_COUNTS = ("linkingpages", "linkendepaginas", "targetpages", "doelpaginas", "incominglinks", "links")
# Search Console tables of the user's OWN pages: not backlinks.
OWN_PAGES = ("targetpage", "toplinkedpages", "toptargetpages", "doelpagina", "gelinktepagina", "linkedpage")

KNOWN = frozenset(
    SOURCE + TARGET + ANCHOR + NOFOLLOW + DOFOLLOW + REL + UGC + SPONSORED + FIRST_SEEN + LAST_SEEN + FETCH_TIME
    + SITE + SITE_COUNTS + (
        "crawl", "pageascore", "sourcetitle", "externallinks", "internallinks", "sitewide", "newlink", "lostlink",
        "referringpagetitle", "domainrating", "ur", "dr", "domaintraffic", "referringdomains", "linkeddomains",
        "pagetraffic", "keywords", "leftcontext", "rightcontext", "content", "lost", "lostStatus".lower(),
        "sourcetrustflow", "sourcecitationflow", "targettrustflow", "targetcitationflow", "flagimagelink",
        "flagredirect", "flagframe", "flagoldcrawl", "flagalttext", "flagmention", "flagdeleted",
        "pageauthority", "domainauthority", "spamscore", "title", "linkingdomains", "linkstate",
        "targetpages", "frame", "form", "image", "text", "language", "platform",
    )
)

_MAJESTIC_HINTS = frozenset({
    "sourcetrustflow", "sourcecitationflow", "targettrustflow", "targetcitationflow", "firstindexeddate",
    "lastseendate", "sourcecrawldate", "sourcefirstfounddate", "flagnofollow", "flagimagelink", "flagredirect",
})
_MOZ_HINTS = frozenset({"pageauthority", "domainauthority", "spamscore", "linkingdomains", "linkstate"})
_SEMRUSH_HINTS = frozenset({"pageascore", "sourcetitle", "ugc", "sitewide", "newlink", "lostlink", "nofollow"})


def find(names: list[str], aliases: tuple[str, ...], taken: set[int] | None = None) -> int | None:
    """Index of the first column (in alias priority order) whose normal name is an alias."""
    for alias in aliases:
        for i, name in enumerate(names):
            if name == alias and (taken is None or i not in taken):
                return i
    return None


def header_score(names: list[str]) -> int:
    """How much a row looks like a known export header (number of recognised column names)."""
    return sum(1 for n in names if n in KNOWN)


def detect_format(names: list[str], has_preamble: bool) -> ImportFormat | None:
    """The tool that wrote a header, or None when the header alone does not say."""
    h = set(names)
    if "sourceurl" in h and "targeturl" in h and ("crawl" in h or "fetchtime" in h):
        return ImportFormat.COMMON_CRAWL
    if "referringpageurl" in h or "referringpagetitle" in h or ("linkurl" in h and "linkanchor" in h):
        return ImportFormat.AHREFS
    if (h & _MAJESTIC_HINTS) or any(n.startswith("flag") for n in h):
        return ImportFormat.MAJESTIC
    if "sourceurl" in h and "targeturl" in h and h & _SEMRUSH_HINTS:
        return ImportFormat.SEMRUSH
    if h & _MOZ_HINTS or ("linkingpage" in h and "targeturl" in h) or (has_preamble and find(names, SOURCE) is not None
                                                                         and "targeturl" in h):
        return ImportFormat.MOZ
    if h & set(GSC_SOURCE):
        return ImportFormat.GSC_LATEST
    if "sourceurl" in h and "targeturl" in h:
        return ImportFormat.SEMRUSH
    site = find(names, SITE)
    if site is not None and find(names, SOURCE) is None and h & set(SITE_COUNTS):
        return ImportFormat.GSC_TOP_SITES
    return None


@dataclass(frozen=True)
class Columns:
    """Where each field lives in a row (None: the export does not have it)."""

    source: int
    target: int | None = None
    anchor: int | None = None
    nofollow: int | None = None
    dofollow: int | None = None
    rel: int | None = None
    ugc: int | None = None
    sponsored: int | None = None
    first_seen: int | None = None
    last_seen: int | None = None
    fetch_time: int | None = None
    empty_flag_is_false: bool = False  # Majestic writes flags as "+" or nothing
    empty_rel_is_follow: bool = False  # a crawler's empty rel attribute: a plain followed link


def map_columns(names: list[str], fmt: ImportFormat | None) -> Columns | None:
    """Column positions from a header, or None when no column names the linking page."""
    source = find(names, SOURCE)
    if source is None:
        return None
    taken = {source}

    def pick(aliases: tuple[str, ...]) -> int | None:
        i = find(names, aliases, taken)
        if i is not None:
            taken.add(i)
        return i

    target = pick(TARGET)
    anchor = pick(ANCHOR)
    nofollow = pick(NOFOLLOW)
    dofollow = pick(DOFOLLOW) if nofollow is None else None
    rel = pick(REL)
    ugc = pick(UGC)
    sponsored = pick(SPONSORED)
    fetch = pick(FETCH_TIME)
    first = pick(FIRST_SEEN)
    last = pick(LAST_SEEN)
    return Columns(
        source=source, target=target, anchor=anchor, nofollow=nofollow, dofollow=dofollow, rel=rel, ugc=ugc,
        sponsored=sponsored, first_seen=first, last_seen=last, fetch_time=fetch,
        empty_flag_is_false=fmt is ImportFormat.MAJESTIC,
        empty_rel_is_follow=fmt is ImportFormat.COMMON_CRAWL,
    )
