"""Toxic-link scoring: per referring domain a 0-100 score with the reasons that made it.

Two kinds of evidence:

- **What the checker stored** (``backlinks`` rows of the site): anchors, placements and counts per
  referring domain -> ``link-farm`` (many pages of one domain with the same commercial anchor) and
  ``sitewide`` (the link in the footer/sidebar/navigation of many pages).
- **What the referring page says** (fetched during the scan; signals stored in ``page_signals``): spam
  vocabulary (gambling, pharma, adult, replica, essay mills, payday loans; Dutch and English), very many
  outbound links, hidden links (hacked-looking pages), parked pages, a script that does not fit the site
  (Cyrillic/CJK/... page linking to a Latin-script site).

:func:`extract_signals` reads a page (pure, site-independent except for which links are the site's);
:func:`score_signals` turns signals into :class:`Reason` for one site, taking the site's niche into
account (a category of spam vocabulary that is the site's own niche scores 0: a casino's links from
casino pages are not spam for it). :func:`score_page` combines both. :func:`score_domains` aggregates
a domain: per reason code the worst page counts once, the score is the sum capped at 100.

Points (documented thresholds):

==========================  ======  ===========================================================
reason                      points  when
==========================  ======  ===========================================================
spam-<category>             25/40   >= 3 hits of the category's terms in the page text / >= 6 hits
                                    or a term in the title (0 when the category is the site's niche);
                                    categories: gambling, pharma, adult, replica, essay, payday,
                                    link-selling (link sellers and PBNs)
many-outbound-links         15/30   >= 100 / >= 250 links to other domains on the page
hidden-link-to-site         50      the link to the site is hidden (display:none, visibility:hidden,
                                    font-size 0-1px, far off-screen, opacity 0, hidden attribute, or a
                                    <style> rule) and not also shown visibly
hidden-spam-links           40      hidden links to other domains with spam anchors (injected: hacked)
hidden-links                15      >= 5 other hidden links to other domains outside menus, headers,
                                    footers, dialogs and language/share widgets (those hide links for
                                    ordinary reasons; measured on 300 real pages of the placement eval set)
parked                      50      parking / "domain for sale" text on a thin page (< 400 words)
foreign-script              25      >= 30% of >= 200 letters in a non-Latin script, site is Latin
link-farm                   35/50   >= 3 / >= 10 pages of the domain with the same commercial anchor
sitewide                    15      >= 3 pages with the link in footer, sidebar, navigation or header
                            10      one read page carries the link only in such a place (a template
                                    link: likely on every page of the site)
==========================  ======  ===========================================================

Verdict: ``toxic`` from 60, ``suspicious`` from 30, else ``clean`` -- but only when at least one page
of the domain was read. A domain none of whose pages could be read is ``unknown`` (score null), not
clean, unless the stored evidence alone already makes it suspicious or toxic.
Nothing here decides to disavow: people mark domains (``toxic_marks``).
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import urljoin

from bot.compare.anchors import COMMERCIAL, AnchorRules, classify_anchor, fold, tokens

SITEWIDE_PLACEMENTS = frozenset({"footer", "sidebar", "navigation", "header"})
TOXIC_FROM = 60
SUSPICIOUS_FROM = 30
PAGES_PER_DOMAIN = 3
MAX_PAGES_PER_SCAN = 900  # a scan reads at most this many pages; the rest follow in the next scans
SIGNALS_MAX_AGE = timedelta(days=7)

SPAM_TERMS: dict[str, tuple[str, ...]] = {
    "gambling": (
        "casino", "online casino", "gokken", "gokkast", "gokkasten", "roulette", "blackjack", "poker", "pokeren",
        "slots", "slot machine", "gokautomaat", "sportsbook", "betting", "sports betting", "sportweddenschappen",
        "weddenschap", "weddenschappen", "jackpot", "free spins", "gratis spins", "no deposit bonus",
        "bonus zonder storting", "bookmaker", "baccarat", "gambling",
    ),
    "pharma": (
        "viagra", "cialis", "levitra", "kamagra", "tramadol", "xanax", "valium", "oxycodone", "phentermine",
        "online pharmacy", "without prescription", "zonder recept", "no prescription", "erectiepillen",
        "potentiemiddel", "potentiemiddelen", "afslankpillen", "diet pills", "steroids", "anabolen", "cheap pills",
    ),
    "adult": (
        "porn", "porno", "xxx", "sexcam", "sex cams", "webcamsex", "escort", "escorts", "camgirl", "camgirls",
        "nude", "naakt", "hentai", "erotiek", "erotic", "sexdating", "milf", "adult dating", "neuken", "hookup",
    ),
    "replica": (
        "replica", "replica watches", "replica horloges", "fake rolex", "namaak", "namaak horloges", "knockoff",
        "knock off", "designer replica", "nep merkkleding", "imitatie tassen", "fake designer",
    ),
    "essay": (
        "essay writing service", "write my essay", "buy essay", "buy essays", "essay kopen", "scriptie laten schrijven",
        "scriptie schrijven service", "paper writing service", "term paper", "do my homework", "homework help",
        "custom essay", "essay writer", "ghostwriter scriptie",
    ),
    "payday": (
        "payday loan", "payday loans", "snel geld lenen", "flitskrediet", "flitskredieten", "direct geld lenen",
        "lenen zonder bkr", "quick loans", "cash advance", "no credit check", "minilening", "minileningen",
        "instant loan",
    ),
    # link selling / private blog networks: the reference article's "links kopen" and PBNs
    "link-selling": (
        "buy backlinks", "backlinks kopen", "koop backlinks", "dofollow backlinks", "guest post", "guest posts",
        "write for us", "sponsored post", "gastblog plaatsen", "linkbuilding pakket", "link exchange", "linkruil",
        "pbn links", "artikel plaatsen met link", "betaalde links",
    ),
}


def _term_regex(terms: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(t).replace(r"\ ", r"[\s-]+") for t in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")(?:'?s)?\b")


_SPAM_RE = {cat: _term_regex(terms) for cat, terms in SPAM_TERMS.items()}

PARKED_PHRASES = (
    "domain is for sale", "domain may be for sale", "buy this domain", "this domain is parked", "domain parking",
    "parked domain", "parked free", "parkingcrew", "sedoparking", "sedo domain parking", "hugedomains",
    "deze domeinnaam is te koop", "dit domein is te koop", "domeinnaam te koop", "domein te koop",
    "deze domeinnaam is geregistreerd", "this domain name is registered", "geparkeerd", "related searches",
)
_PARKED_RE = re.compile("|".join(re.escape(p) for p in PARKED_PHRASES))
PARKED_MAX_WORDS = 400

# inline style fragments (spaces removed, lower case) that hide an element
_HIDDEN_STYLE_RE = re.compile(
    r"display:none|visibility:hidden|font-size:(?:0(?:\.\d+)?(?:px|pt|em|rem|%)?|1(?:px|pt))(?:[;!]|$)"
    r"|(?:left|top|text-indent|margin-left|right):-\d{3,}|opacity:0(?:\.0+)?(?:[;!]|$)"
    r"|clip:rect\(0(?:px)?,?0(?:px)?,?0(?:px)?,?0(?:px)?\)"
)
_ZERO_BOX_RE = re.compile(r"(?:height|width):0(?:px)?(?:[;!]|$)")
_CSS_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")

_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("cyrillic", 0x0400, 0x052F),
    ("greek", 0x0370, 0x03FF),
    ("hebrew", 0x0590, 0x05FF),
    ("arabic", 0x0600, 0x06FF),
    ("arabic", 0x0750, 0x077F),
    ("devanagari", 0x0900, 0x097F),
    ("thai", 0x0E00, 0x0E7F),
    ("cjk", 0x3040, 0x30FF),
    ("cjk", 0x3400, 0x4DBF),
    ("cjk", 0x4E00, 0x9FFF),
    ("cjk", 0xAC00, 0xD7AF),
)
HIDDEN_LINKS_MIN = 5
FOREIGN_SCRIPT_SHARE = 0.30
FOREIGN_SCRIPT_MIN_LETTERS = 200


def script_profile(text: str, limit: int = 20000) -> tuple[str, float, int]:
    """(dominant script, its share of letters, letters counted) over the first ``limit`` characters."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text[:limit]:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x0250:
            counts["latin"] += 1
            continue
        for name, lo, hi in _SCRIPTS:
            if lo <= code <= hi:
                counts[name] += 1
                break
        else:
            counts["other"] += 1
    if not letters:
        return "latin", 0.0, 0
    name, n = counts.most_common(1)[0]
    return name, n / letters, letters


def expected_script(texts: Iterable[str]) -> str:
    """The script a site writes in, from its brands/keywords (Latin when nothing says otherwise)."""
    joined = " ".join(texts)
    name, share, letters = script_profile(joined)
    return name if letters and share >= 0.5 and name != "other" else "latin"


@dataclass(frozen=True)
class SiteContext:
    """What scoring needs to know about the site the links point to."""

    domain: str
    targets: tuple[str, ...]
    niche: frozenset[str] = frozenset()
    script: str = "latin"
    rules: AnchorRules | None = None

    @classmethod
    def for_site(cls, domain: str, brands: Sequence[str] = (), keywords: Sequence[str] = (), niche: Iterable[str] = ()) -> "SiteContext":
        """The niche is what the caller says plus every spam category whose terms occur in the site's
        own domain label, brand names or keywords (``casinoking.nl`` -> gambling)."""
        own = " ".join([domain.split(".")[0].replace("-", " "), *brands, *keywords])
        folded = fold(own)
        derived = {cat for cat, rx in _SPAM_RE.items() if rx.search(folded)}
        label = domain.split(".")[0]
        for cat, terms in SPAM_TERMS.items():  # terms glued into a domain label: "bestcasino"
            if any(len(t) >= 5 and " " not in t and t in label for t in terms):
                derived.add(cat)
        given = {n.strip().lower() for n in niche if n and n.strip()}
        return cls(
            domain=domain,
            targets=(domain,),
            niche=frozenset(given | derived),
            script=expected_script([*brands, *keywords]),
            rules=AnchorRules.for_site(domain, brands, keywords),
        )


@dataclass(frozen=True)
class PageSignals:
    """What one referring page showed (JSON-serialisable; stored in ``page_signals``)."""

    status: str = "ok"  # ok, or why the page could not be read (FetchError value / not-html ...)
    title: str = ""
    words: int = 0
    outbound_links: int = 0
    spam: dict[str, int] = field(default_factory=dict)
    spam_title: tuple[str, ...] = ()
    hidden_links: int = 0  # hidden links to other domains, outside menus and widgets
    hidden_spam_links: int = 0  # hidden links to other domains with a spam anchor (injected by a hack)
    hidden_target_links: int = 0  # hidden links to the site (0 when the site is also linked visibly)
    parked: bool = False
    script: str = "latin"
    script_share: float = 0.0
    letters: int = 0
    target_placements: tuple[str, ...] = ()

    @property
    def read(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["spam_title"] = list(self.spam_title)
        data["target_placements"] = list(self.target_placements)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "PageSignals":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        for key in ("spam_title", "target_placements"):
            if key in known:
                known[key] = tuple(known[key] or ())
        if "spam" in known:
            known["spam"] = {str(k): int(v) for k, v in dict(known["spam"] or {}).items()}
        return cls(**known)


@dataclass(frozen=True)
class Reason:
    code: str
    points: int
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "points": self.points, "params": dict(self.params)}


def spam_hits(text: str) -> dict[str, int]:
    """Occurrences of each category's terms in ``text`` (folded: lower case, no accents)."""
    folded = fold(text)
    return {cat: n for cat, rx in _SPAM_RE.items() if (n := len(rx.findall(folded)))}


def _hidden_classes(tree: Any) -> tuple[set[str], set[str]]:
    classes: set[str] = set()
    ids: set[str] = set()
    for style in tree.css("style"):
        css = style.text() or ""
        for selectors, body in _CSS_RULE_RE.findall(css):
            compact = "".join(body.lower().split())
            if not (_HIDDEN_STYLE_RE.search(compact) or (_ZERO_BOX_RE.search(compact) and "overflow:hidden" in compact)):
                continue
            for sel in selectors.split(","):
                sel = sel.strip()
                if re.fullmatch(r"\.[\w-]+", sel):
                    classes.add(sel[1:])
                elif re.fullmatch(r"#[\w-]+", sel):
                    ids.add(sel[1:])
    return classes, ids


def _is_hidden(node: Any, classes: set[str], ids: set[str]) -> bool:
    depth = 0
    while node is not None and depth < 40 and node.tag not in ("body", "html", "-document"):
        attrs = node.attributes or {}
        if "hidden" in attrs:
            return True
        style = attrs.get("style")
        if style:
            compact = "".join(style.lower().split())
            if _HIDDEN_STYLE_RE.search(compact) or (_ZERO_BOX_RE.search(compact) and "overflow:hidden" in compact):
                return True
        if classes and attrs.get("class") and classes.intersection((attrs.get("class") or "").split()):
            return True
        if ids and attrs.get("id") in ids:
            return True
        node = node.parent
        depth += 1
    return False


_UI_CONTAINER_TAGS = frozenset({"nav", "header", "footer", "dialog", "select", "details", "menu"})
_UI_CONTAINER_RE = re.compile(
    r"menu|nav|dropdown|drop-down|modal|popup|popover|drawer|mobile|offcanvas|off-canvas|lang|locale|share|social"
    r"|cookie|consent|tooltip|accordion|mega|flyout|collapse|country|region|footer|header|search|cart|login|account"
)


def _in_ui_container(node: Any) -> bool:
    """Inside a menu, header, footer, dialog, language or share widget: places that hide links for
    ordinary reasons (dropdowns, mobile menus), where a hidden link says nothing about a hack."""
    depth = 0
    while node is not None and depth < 40 and node.tag not in ("body", "html", "-document"):
        if node.tag in _UI_CONTAINER_TAGS:
            return True
        attrs = node.attributes or {}
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}".lower()
        if marker.strip() and _UI_CONTAINER_RE.search(marker):
            return True
        node = node.parent
        depth += 1
    return False


@dataclass(frozen=True)
class HiddenLinks:
    external: int = 0  # hidden links to other domains outside menus/widgets
    spam: int = 0  # hidden links to other domains whose anchor is spam vocabulary
    target: int = 0  # hidden links to the site
    target_visible: int = 0  # visible links to the site


def hidden_links(html_text: str, page_url: str, targets: Sequence[str], tree: Any = None) -> HiddenLinks:
    """Hidden links in the page's HTML (inline style, ``hidden`` attribute, or a ``<style>`` class/id
    rule that hides), counted to other domains, with spam anchors, and to ``targets``."""
    from selectolax.lexbor import LexborHTMLParser

    from bot.domains import domain_of_url, match_target

    tree = tree if tree is not None else LexborHTMLParser(html_text)
    classes, ids = _hidden_classes(tree)
    own = domain_of_url(page_url)
    external = spam = to_target = visible_target = 0
    for node in tree.css("a[href]"):
        href = (node.attributes or {}).get("href") or ""
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        url = urljoin(page_url, href.strip())
        domain = domain_of_url(url)
        if domain is None or domain == own:
            continue
        is_target = match_target(url, targets) is not None
        if not _is_hidden(node, classes, ids):
            visible_target += is_target
            continue
        if is_target:
            to_target += 1
            continue
        if spam_hits(node.text(separator=" ") or ""):
            spam += 1
        elif not _in_ui_container(node):
            external += 1
    return HiddenLinks(external, spam, to_target, visible_target)


def visible_text(tree: Any) -> str:
    """All text of the page body without scripts, styles and templates (boilerplate included: spam
    vocabulary in a sidebar counts)."""
    body = tree.body
    if body is None:
        return ""
    for node in body.css("script, style, noscript, template, svg"):
        node.decompose()
    return body.text(separator=" ")


def extract_signals(analysis: Any, html_text: str, page_url: str, targets: Sequence[str]) -> PageSignals:
    """Signals of one readable page from its :class:`~bot.analysis.model.PageAnalysis` and HTML (pure)."""
    from selectolax.lexbor import LexborHTMLParser

    from bot.domains import match_target

    tree = LexborHTMLParser(html_text)
    hidden = hidden_links(html_text, page_url, targets, tree)
    title = analysis.title or ""
    text = visible_text(tree)
    words = len(text.split())
    spam = spam_hits(f"{title} {text}")
    spam_title = tuple(sorted(spam_hits(title)))
    folded = fold(f"{title} {text[:5000]}")
    parked = words < PARKED_MAX_WORDS and bool(_PARKED_RE.search(folded))
    script, share, letters = script_profile(f"{title} {text}")
    placements = tuple(str(getattr(l.placement, "value", l.placement)) for l in analysis.links if match_target(l.href, targets))
    return PageSignals(
        status="ok",
        title=title[:200],
        words=words,
        outbound_links=int(analysis.outbound_links or 0),
        spam=spam,
        spam_title=spam_title,
        hidden_links=hidden.external,
        hidden_spam_links=hidden.spam,
        hidden_target_links=hidden.target if not hidden.target_visible else 0,
        parked=parked,
        script=script,
        script_share=round(share, 3),
        letters=letters,
        target_placements=placements,
    )


def score_signals(signals: PageSignals, site: SiteContext) -> list[Reason]:
    """The reasons one read page gives, for ``site`` (niche and script taken into account)."""
    if not signals.read:
        return []
    reasons: list[Reason] = []
    for cat, hits in sorted(signals.spam.items()):
        in_title = cat in signals.spam_title
        if hits < 3 and not in_title:
            continue
        points = 40 if hits >= 6 or in_title else 25
        if cat in site.niche:
            reasons.append(Reason(f"spam-{cat}", 0, {"hits": hits, "niche": True}))
        else:
            reasons.append(Reason(f"spam-{cat}", points, {"hits": hits, "in_title": in_title}))
    if signals.outbound_links >= 250:
        reasons.append(Reason("many-outbound-links", 30, {"links": signals.outbound_links}))
    elif signals.outbound_links >= 100:
        reasons.append(Reason("many-outbound-links", 15, {"links": signals.outbound_links}))
    if signals.hidden_target_links:
        reasons.append(Reason("hidden-link-to-site", 50, {"links": signals.hidden_target_links}))
    if signals.hidden_spam_links:
        reasons.append(Reason("hidden-spam-links", 40, {"links": signals.hidden_spam_links}))
    elif signals.hidden_links >= HIDDEN_LINKS_MIN:
        reasons.append(Reason("hidden-links", 15, {"links": signals.hidden_links}))
    if signals.parked:
        reasons.append(Reason("parked", 50, {}))
    if signals.target_placements and all(p in SITEWIDE_PLACEMENTS for p in signals.target_placements):
        reasons.append(Reason("sitewide", 10, {"placement": signals.target_placements[0]}))
    if (
        signals.script not in ("latin", "other", site.script)
        and signals.letters >= FOREIGN_SCRIPT_MIN_LETTERS
        and signals.script_share >= FOREIGN_SCRIPT_SHARE
    ):
        reasons.append(Reason("foreign-script", 25, {"script": signals.script, "share": round(signals.script_share, 2)}))
    return reasons


def score_page(analysis: Any, html_text: str, site: SiteContext, page_url: str = "") -> list[Reason]:
    """Reasons for one referring page (pure): :func:`extract_signals` then :func:`score_signals`."""
    return score_signals(extract_signals(analysis, html_text, page_url or f"http://unknown.invalid/", site.targets), site)


# ---------------------------------------------------------------- per domain


@dataclass(frozen=True)
class LinkInfo:
    """A stored backlink, reduced to what domain-level reasons need."""

    source_url: str
    source_domain: str
    status: str
    anchor: str | None
    placement: str | None
    follow: bool | None


def store_reasons(links: Sequence[LinkInfo], site: SiteContext) -> list[Reason]:
    """Reasons from one domain's stored backlinks: link farm and sitewide links."""
    reasons: list[Reason] = []
    rules = site.rules or AnchorRules.for_site(site.domain)
    anchors: Counter[str] = Counter()
    for link in links:
        phrase = " ".join(tokens(link.anchor or ""))
        if phrase and classify_anchor(link.anchor, rules) in COMMERCIAL:
            anchors[phrase] += 1
    if anchors:
        phrase, n = anchors.most_common(1)[0]
        if n >= 10:
            reasons.append(Reason("link-farm", 50, {"pages": n, "anchor": phrase}))
        elif n >= 3:
            reasons.append(Reason("link-farm", 35, {"pages": n, "anchor": phrase}))
    sitewide = sum(1 for link in links if (link.placement or "") in SITEWIDE_PLACEMENTS)
    if sitewide >= 3:
        reasons.append(Reason("sitewide", 15, {"pages": sitewide}))
    return reasons


@dataclass(frozen=True)
class DomainToxicity:
    domain: str
    score: int | None
    verdict: str  # toxic | suspicious | clean | unknown
    reasons: tuple[Reason, ...]
    pages: int
    pages_read: int
    live: int
    decision: str | None = None  # keep | disavow (a person's mark)
    unread: tuple[str, ...] = ()  # why pages could not be read

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "score": self.score,
            "verdict": self.verdict,
            "reasons": [r.to_dict() for r in self.reasons],
            "pages": self.pages,
            "pages_read": self.pages_read,
            "live": self.live,
            "decision": self.decision,
            "unread": list(self.unread),
        }


VERDICT_ORDER = {"toxic": 0, "suspicious": 1, "unknown": 2, "clean": 3}


def verdict_for(score: int, pages_read: int) -> tuple[int | None, str]:
    if score >= TOXIC_FROM:
        return score, "toxic"
    if score >= SUSPICIOUS_FROM:
        return score, "suspicious"
    if pages_read == 0:
        return None, "unknown"
    return score, "clean"


def score_domain(
    domain: str,
    links: Sequence[LinkInfo],
    pages: Mapping[str, PageSignals],
    site: SiteContext,
    decision: str | None = None,
) -> DomainToxicity:
    """Aggregate a domain: per reason code its worst page counts once; sum capped at 100."""
    best: dict[str, Reason] = {}
    seen: Counter[str] = Counter()
    read = 0
    unread: list[str] = []
    for url, signals in pages.items():
        if not signals.read:
            unread.append(signals.status)
            continue
        read += 1
        for reason in score_signals(signals, site):
            seen[reason.code] += 1
            if reason.code not in best or reason.points > best[reason.code].points:
                best[reason.code] = reason
    for reason in store_reasons(links, site):
        if reason.code not in best or reason.points >= best[reason.code].points:
            best[reason.code] = reason
    reasons = []
    for code, reason in best.items():
        if seen.get(code, 0) > 1:
            reason = Reason(reason.code, reason.points, {**reason.params, "pages_with": seen[code]})
        reasons.append(reason)
    reasons.sort(key=lambda r: (-r.points, r.code))
    score, verdict = verdict_for(min(100, sum(r.points for r in reasons)), read)
    return DomainToxicity(
        domain=domain,
        score=score,
        verdict=verdict,
        reasons=tuple(reasons),
        pages=len({l.source_url for l in links}),
        pages_read=read,
        live=sum(1 for l in links if l.status == "live"),
        decision=decision,
        unread=tuple(sorted(set(unread))) if unread else (() if read else ("not-read",)),
    )


@dataclass(frozen=True)
class ToxicReport:
    site: str
    niche: tuple[str, ...]
    domains: tuple[DomainToxicity, ...]
    fetched: int = 0

    def counts(self) -> dict[str, int]:
        c = Counter(d.verdict for d in self.domains)
        return {v: c.get(v, 0) for v in ("toxic", "suspicious", "unknown", "clean")}

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "niche": list(self.niche),
            "counts": self.counts(),
            "marked_disavow": sum(1 for d in self.domains if d.decision == "disavow"),
            "pages_fetched": self.fetched,
            "domains": [d.to_dict() for d in self.domains],
        }


def score_domains(
    links: Sequence[LinkInfo],
    signals: Mapping[str, PageSignals],
    site: SiteContext,
    decisions: Mapping[str, str] | None = None,
    *,
    fetched: int = 0,
) -> ToxicReport:
    """Score every referring domain of ``links`` (pure); riskiest first, unknown before clean."""
    by_domain: dict[str, list[LinkInfo]] = defaultdict(list)
    for link in links:
        by_domain[link.source_domain].append(link)
    decisions = decisions or {}
    out = []
    for domain, domain_links in by_domain.items():
        pages = {l.source_url: signals[l.source_url] for l in domain_links if l.source_url in signals}
        out.append(score_domain(domain, domain_links, pages, site, decisions.get(domain)))
    out.sort(key=lambda d: (VERDICT_ORDER[d.verdict], -(d.score or 0), d.domain))
    return ToxicReport(site.domain, tuple(sorted(site.niche)), tuple(out), fetched)


def pages_to_read(
    links: Sequence[LinkInfo],
    stored: Mapping[str, tuple[str, PageSignals]],
    *,
    now: datetime,
    per_domain: int = PAGES_PER_DOMAIN,
    refresh: bool = False,
    limit: int = MAX_PAGES_PER_SCAN,
) -> list[LinkInfo]:
    """Which referring pages to fetch: per domain up to ``per_domain`` pages (live ones first), leaving
    out pages read successfully within :data:`SIGNALS_MAX_AGE` (unless ``refresh``). At most ``limit``
    pages: domains with nothing read yet first, one page per domain per round (every domain gets a first
    look before any gets a second), then the others; what does not fit is read by the next scan."""
    by_domain: dict[str, list[LinkInfo]] = defaultdict(list)
    for link in links:
        by_domain[link.source_domain].append(link)
    cutoff = (now - SIGNALS_MAX_AGE).isoformat(timespec="seconds")
    fresh_first: list[list[LinkInfo]] = []
    later: list[list[LinkInfo]] = []
    for domain in sorted(by_domain):
        domain_links = sorted(by_domain[domain], key=lambda l: (l.status != "live", l.source_url))[:per_domain]
        todo = []
        any_read = False
        for link in domain_links:
            old = stored.get(link.source_url)
            if old is not None and old[1].read:
                any_read = True
                if not refresh and old[0] >= cutoff:
                    continue
            todo.append(link)
        if todo:
            (later if any_read else fresh_first).append(todo)
    chosen: list[LinkInfo] = []
    for groups in (fresh_first, later):  # round robin: each domain's first page, then second pages ...
        for k in range(per_domain):
            for group in groups:
                if k < len(group):
                    if len(chosen) >= limit:
                        return chosen
                    chosen.append(group[k])
    return chosen


async def read_pages(fetcher: Any, links: Sequence[LinkInfo], site: SiteContext) -> dict[str, PageSignals]:
    """Fetch and analyse referring pages (analysis in a worker thread); never raises for page problems."""
    from bot.analysis import analyse_html

    async def one(link: LinkInfo) -> tuple[str, PageSignals]:
        result = await fetcher.fetch(link.source_url)
        if not result.ok or not result.html:
            error = getattr(result.error, "value", result.error) or (f"http-{result.status}" if result.status else "unreadable")
            return link.source_url, PageSignals(status=str(error))
        page_url = result.final_url or link.source_url

        def analyse() -> PageSignals:
            analysis = analyse_html(result.html, page_url, x_robots_tag=(result.headers or {}).get("x-robots-tag"))
            return extract_signals(analysis, result.html, page_url, site.targets)

        try:
            return link.source_url, await asyncio.to_thread(analyse)
        except Exception:  # a page our parser chokes on is unread, not clean
            return link.source_url, PageSignals(status="not-analysed")

    results = await asyncio.gather(*(one(link) for link in links))
    return dict(results)


# ---------------------------------------------------------------- with the store


def _facts_to_infos(facts: Iterable[Any]) -> list[LinkInfo]:
    return [LinkInfo(f.source_url, f.source_domain, f.status, f.anchor, f.placement, f.follow) for f in facts]


async def toxic_scan(
    store: Any,
    team_id: str,
    site_domain: str,
    *,
    open_fetcher_fn: Callable[[], Any] | None = None,
    niche: Iterable[str] = (),
    refresh: bool = False,
    now: datetime | None = None,
) -> ToxicReport:
    """Score a site's referring domains. Pages not read within a week are fetched with a fetcher from
    ``open_fetcher_fn()`` (an async context manager); without it only stored signals are used."""
    from bot.domains import normalise_site
    from storage import compare_repo
    from storage.sites import require_site

    now = now or datetime.now(timezone.utc)
    domain = normalise_site(site_domain)
    site = await store.call(require_site, team_id, domain)
    ctx = SiteContext.for_site(site.domain, site.brands, site.keywords, niche)
    facts = await store.call(compare_repo.link_facts, team_id, site.id)
    links = _facts_to_infos(facts)
    stored_rows = await store.call(compare_repo.load_page_signals, team_id, site.id)
    stored = {url: (row.fetched_at, PageSignals.from_dict({**row.signals, "status": row.page_status})) for url, row in stored_rows.items()}
    todo = pages_to_read(links, stored, now=now, refresh=refresh) if open_fetcher_fn is not None else []
    fetched = 0
    if todo:
        async with open_fetcher_fn() as fetcher:
            fresh = await read_pages(fetcher, todo, ctx)
        fetched = len(fresh)
        at = now.isoformat(timespec="seconds")
        by_url = {l.source_url: l for l in todo}
        rows = [
            compare_repo.StoredSignals(url, by_url[url].source_domain, at, sig.status, sig.to_dict())
            for url, sig in fresh.items()
        ]
        await store.call(compare_repo.save_page_signals, team_id, site.id, rows)
        for url, sig in fresh.items():
            stored[url] = (at, sig)
    marks = await store.call(compare_repo.list_marks, team_id, site.id)
    decisions = {d: m.decision for d, m in marks.items()}
    return score_domains(links, {url: sig for url, (_, sig) in stored.items()}, ctx, decisions, fetched=fetched)


def referring_domain(text: str) -> str:
    """A referring domain as typed or carried by a button: its registrable domain, or an IP address as
    itself (the comparison counts a page on an IP by its IP, so Keep/Mark disavow must accept one)."""
    import ipaddress

    from bot.domains import host_of, normalise_site

    raw = (text or "").strip().strip("<>")
    if "|" in raw:
        raw = raw.split("|", 1)[1]
    host = host_of(raw if "://" in raw else f"http://{raw}")
    if host is not None:
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            pass
    return normalise_site(text)


def mark_decision(
    db: Any,
    team_id: str,
    site_domain: str,
    domain_text: str,
    decision: str,
    *,
    reason: str | None = None,
    decided_by: str | None = None,
    force: bool = False,
) -> tuple[Any, Any]:
    """Record keep/disavow for a referring domain of a tracked site; returns ``(site, mark)``.

    A domain with no known backlink to the site is refused (a typo would otherwise end up in the disavow
    file) unless ``force``: one may disavow a domain one knows about from elsewhere."""
    from bot.domains import normalise_site
    from bot.errors import UserInputError
    from storage import compare_repo
    from storage.sites import require_site

    site = require_site(db, team_id, normalise_site(site_domain))
    domain = referring_domain(domain_text)
    if not force and not compare_repo.domain_source_urls(db, team_id, site.id, domain):
        raise UserInputError.keyed("compare.mark.not_linking", domain=domain, site=site.domain, force="--force")
    return site, compare_repo.mark_domain(db, team_id, site.id, domain, decision, reason=reason, decided_by=decided_by)
