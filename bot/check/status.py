"""The status model of a backlink: pure decisions, no I/O.

Page status and link status are separate. One check of one backlink goes through three steps:

1. :func:`classify_page` turns a fetch result (and the analysis of its HTML) into page-level
   :class:`Evidence`: what the page said, which link to the site was picked (:func:`pick_link`), and
   whether the link *counts* right now.
2. :func:`detect_changes` compares the picked link with the last link seen on that page.
3. :func:`decide` combines the evidence with the backlink's previous state into its new status,
   reason, miss streak and events.

The rules (DESIGN.md "Link analysis rules"):

- ``live``: the link was found on an indexable page that is its own canonical.
- ``missing``: the link does not count at this check, first time (not confirmed). Reasons:
  ``link-removed`` (page fine, link gone), ``page-not-found``, ``redirected`` (the page moved and the
  link is gone), ``server-error``, ``unreachable`` (DNS, connect, timeout), ``noindex`` and
  ``canonical-elsewhere``.
- ``lost``: two consecutive checks agree that the link does not count, and the site had a first full
  (completed) baseline check before the current one. One ``lost`` event is recorded at that moment.
- ``blocked``: 401/403/429, a bot challenge, robots.txt disallow or an address we may not visit
  (reason ``blocked``), or a page too large to read (reason ``too-large``). Blocked is never a loss: it says
  nothing about the link, so it breaks a miss streak (two *consecutive* checks must agree) and a
  link that is already ``lost`` stays ``lost`` with its reason.
- ``pending``: never checked.

Noindex and canonical-elsewhere: a link on a page that carries ``noindex`` (meta robots, googlebot or
``X-Robots-Tag``) or whose ``rel=canonical`` names another URL no longer counts, because search
engines drop or fold that page. It is treated exactly like a missing link with reason ``noindex`` or
``canonical-elsewhere`` (``missing`` first, ``lost`` when the next check agrees), while the link
itself is still recorded in the observation (``link_found`` true, with its kind and anchor), so the
history shows that the link is there but does not count. If the page is indexable again, the link is
``live`` again (``returned`` if it had been lost).

Events: ``appeared`` (the link is live for the first time), ``lost``, ``returned`` (live again after
``lost``), and one event per change (``nofollow-added``, ``follow-restored``, ``anchor-changed``,
``target-changed``, ``placement-changed``) whenever the link is found and differs from the last link
seen on that page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from bot.analysis.model import Link, LinkKind, PageAnalysis, Placement
from bot.fetch.result import FetchError, FetchResult


class LinkStatus(StrEnum):
    PENDING = "pending"
    LIVE = "live"
    MISSING = "missing"
    LOST = "lost"
    BLOCKED = "blocked"


class PageStatus(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    NOT_FOUND = "not-found"
    SERVER_ERROR = "server-error"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    NOT_HTML = "not-html"
    TOO_LARGE = "too-large"


class Reason(StrEnum):
    LINK_REMOVED = "link-removed"
    PAGE_NOT_FOUND = "page-not-found"
    REDIRECTED = "redirected"
    NOINDEX = "noindex"
    CANONICAL_ELSEWHERE = "canonical-elsewhere"
    SERVER_ERROR = "server-error"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    TOO_LARGE = "too-large"


# Reasons that say nothing about the link (we could not read the page): the link is ``blocked``, never
# missing or lost. ``too-large``: the page is bigger than the fetcher reads (BACKLINKS_MAX_BYTES).
UNREADABLE_REASONS = frozenset({Reason.BLOCKED, Reason.TOO_LARGE})


class Change(StrEnum):
    NOFOLLOW_ADDED = "nofollow-added"
    FOLLOW_RESTORED = "follow-restored"
    ANCHOR_CHANGED = "anchor-changed"
    TARGET_CHANGED = "target-changed"
    PLACEMENT_CHANGED = "placement-changed"


class EventType(StrEnum):
    APPEARED = "appeared"
    LOST = "lost"
    RETURNED = "returned"
    NOFOLLOW_ADDED = "nofollow-added"
    FOLLOW_RESTORED = "follow-restored"
    ANCHOR_CHANGED = "anchor-changed"
    TARGET_CHANGED = "target-changed"
    PLACEMENT_CHANGED = "placement-changed"


# Consecutive checks that must agree before a link is declared lost.
CONFIRMATIONS_FOR_LOSS = 2

# Fetch errors that tell us nothing about the link (we could not read the page).
_UNREADABLE = {
    FetchError.UNREACHABLE,
    FetchError.BLOCKED_ADDRESS,
    FetchError.TOO_LARGE,
    FetchError.INVALID_URL,
}


@dataclass(frozen=True)
class LinkState:
    """The last link seen on a referring page (what changes are measured against)."""

    target_url: str | None = None
    kind: str | None = None
    follow: bool | None = None
    anchor: str | None = None
    placement: str | None = None


@dataclass(frozen=True)
class Prior:
    """A backlink's state before this check."""

    status: LinkStatus = LinkStatus.PENDING
    reason: str | None = None
    miss_streak: int = 0  # consecutive checks (up to now) in which the link did not count
    ever_live: bool = False
    last_link: LinkState | None = None  # None: the link was never seen on the page


@dataclass(frozen=True)
class Evidence:
    """What one check saw on the referring page, reduced to what the decision needs."""

    page_status: PageStatus
    http_status: int | None = None
    final_url: str | None = None
    link: Link | None = None  # the picked link to the site, if any was found
    noindex: bool | None = False  # None: not looked at (the page cannot link to the site)
    canonical: str | None = None
    # Why the link does not count now (None: it counts). BLOCKED: we cannot tell.
    reason: Reason | None = None

    @property
    def link_found(self) -> bool:
        return self.link is not None

    @property
    def counts(self) -> bool:
        return self.reason is None

    @property
    def blocked(self) -> bool:
        """We could not read the page (bot wall, forbidden address, too large): nothing known about the link."""
        return self.reason in UNREADABLE_REASONS


@dataclass(frozen=True)
class EventRecord:
    type: EventType
    reason: str | None = None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    status: LinkStatus
    reason: str | None
    miss_streak: int
    changes: tuple[Change, ...] = ()
    events: tuple[EventRecord, ...] = ()


# --------------------------------------------------------------------------------------------
# URL comparison


def url_key(url: str | None) -> str:
    """A URL reduced for "is this the same page" questions: scheme, ``www.``, default port, trailing
    slash, fragment and letter case of the host do not matter; path and query do."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url.strip()
    if host.startswith("www."):
        host = host[4:]
    if port in (80, 443):
        port = None
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    netloc = host if port is None else f"{host}:{port}"
    return f"{netloc}{path}" + (f"?{parts.query}" if parts.query else "")


def same_page(a: str | None, b: str | None) -> bool:
    return url_key(a) == url_key(b)


def target_key(url: str | None) -> str:
    """Link targets compare like pages, except that the scheme is ignored too (it is already)."""
    return url_key(url)


# --------------------------------------------------------------------------------------------
# Picking the link


def _norm_anchor(text: str | None) -> str:
    return " ".join((text or "").split())


def pick_link(links: Sequence[Link], previous: LinkState | None = None) -> Link | None:
    """The best of several links from one page to the site, stable across checks.

    Order: followed dofollow first, then placement ``content``, then the same target URL as last
    time, then the same anchor as last time, then document order.
    """
    if not links:
        return None
    prev_target = target_key(previous.target_url) if previous and previous.target_url else None
    prev_anchor = _norm_anchor(previous.anchor) if previous and previous.anchor is not None else None

    def score(item: tuple[int, Link]) -> tuple[int, int, int, int, int]:
        index, link = item
        return (
            1 if (link.kind == LinkKind.DOFOLLOW and link.follow) else 0,
            1 if link.placement == Placement.CONTENT else 0,
            1 if prev_target is not None and target_key(link.href) == prev_target else 0,
            1 if prev_anchor is not None and _norm_anchor(link.anchor) == prev_anchor else 0,
            -index,
        )

    return max(enumerate(links), key=score)[1]


# --------------------------------------------------------------------------------------------
# Page evidence


def classify_fetch_error(error: FetchError) -> tuple[PageStatus, Reason]:
    """Page status and link reason for a page that could not be read as HTML."""
    if error is FetchError.PAGE_NOT_FOUND:
        return PageStatus.NOT_FOUND, Reason.PAGE_NOT_FOUND
    if error is FetchError.SERVER_ERROR:
        return PageStatus.SERVER_ERROR, Reason.SERVER_ERROR
    if error in (FetchError.BLOCKED, FetchError.BLOCKED_ADDRESS):
        # a bot wall, or the name now points to an address we may not visit: never a loss
        return PageStatus.BLOCKED, Reason.BLOCKED
    if error is FetchError.TOO_LARGE:
        return PageStatus.TOO_LARGE, Reason.TOO_LARGE
    if error is FetchError.NOT_HTML:
        # The page is now a PDF, an image or a download: the HTML link is gone from it.
        return PageStatus.NOT_HTML, Reason.LINK_REMOVED
    # unreachable, invalid-url
    return PageStatus.UNREACHABLE, Reason.UNREACHABLE


def classify_page(
    result: FetchResult,
    analysis: PageAnalysis | None,
    links: Sequence[Link],
    previous: LinkState | None = None,
) -> Evidence:
    """Evidence from one fetch. ``links`` are the page's links to the site (``links_to``).

    A page that was read (``result.ok``) gives a picked link or none; the reason it does not count
    is, in order: link gone (``redirected`` when the page moved, else ``link-removed``), ``noindex``,
    ``canonical-elsewhere``.
    """
    if result.error is not None or not result.ok or analysis is None:
        error = result.error or FetchError.UNREACHABLE
        page_status, reason = classify_fetch_error(error)
        return Evidence(page_status=page_status, http_status=result.status, final_url=result.final_url, reason=reason)

    moved = result.redirected and not same_page(result.url, result.final_url)
    page_status = PageStatus.REDIRECTED if moved else PageStatus.OK
    link = pick_link(links, previous)
    canonical = analysis.canonical
    reason: Reason | None = None
    if link is None:
        reason = Reason.REDIRECTED if moved else Reason.LINK_REMOVED
    elif analysis.noindex:
        reason = Reason.NOINDEX
    elif canonical and not same_page(canonical, result.final_url or result.url):
        reason = Reason.CANONICAL_ELSEWHERE
    return Evidence(
        page_status=page_status,
        http_status=result.status,
        final_url=result.final_url,
        link=link,
        noindex=analysis.noindex,
        canonical=canonical,
        reason=reason,
    )


# --------------------------------------------------------------------------------------------
# Changes and the decision


def link_state(link: Link) -> LinkState:
    return LinkState(
        target_url=link.href,
        kind=link.kind.value,
        follow=link.follow,
        anchor=link.anchor,
        placement=link.placement.value,
    )


def detect_changes(previous: LinkState | None, link: Link | None) -> tuple[Change, ...]:
    """Changes of the link against the last link seen on the page (none when either is missing)."""
    if previous is None or link is None or previous.kind is None:
        return ()
    changes: list[Change] = []
    if previous.follow is True and not link.follow:
        changes.append(Change.NOFOLLOW_ADDED)
    elif previous.follow is False and link.follow:
        changes.append(Change.FOLLOW_RESTORED)
    if _norm_anchor(previous.anchor) != _norm_anchor(link.anchor):
        changes.append(Change.ANCHOR_CHANGED)
    if previous.target_url and target_key(previous.target_url) != target_key(link.href):
        changes.append(Change.TARGET_CHANGED)
    if previous.placement and previous.placement != link.placement.value:
        changes.append(Change.PLACEMENT_CHANGED)
    return tuple(changes)


def _change_detail(change: Change, previous: LinkState, link: Link) -> dict[str, object]:
    if change in (Change.NOFOLLOW_ADDED, Change.FOLLOW_RESTORED):
        return {"before": {"kind": previous.kind, "follow": previous.follow}, "after": {"kind": link.kind.value, "follow": link.follow}}
    if change is Change.ANCHOR_CHANGED:
        return {"before": previous.anchor, "after": link.anchor}
    if change is Change.TARGET_CHANGED:
        return {"before": previous.target_url, "after": link.href}
    return {"before": previous.placement, "after": link.placement.value}


def decide(prior: Prior, evidence: Evidence, *, baseline_done: bool) -> Decision:
    """The new status of a backlink after one observation.

    ``baseline_done``: the site had a completed check before this one. Without it nothing is
    declared lost (the first full check is the baseline).
    """
    changes = detect_changes(prior.last_link, evidence.link)
    events: list[EventRecord] = []
    if changes and prior.last_link is not None and evidence.link is not None:
        events.extend(EventRecord(EventType(c.value), detail=_change_detail(c, prior.last_link, evidence.link)) for c in changes)

    if evidence.counts:
        if prior.status is LinkStatus.LOST:
            events.insert(0, EventRecord(EventType.RETURNED, detail={"lost_reason": prior.reason}))
        elif not prior.ever_live:
            # first_check: found at the page's first check, so it may have been there long before
            events.insert(0, EventRecord(EventType.APPEARED, detail={"first_check": prior.status is LinkStatus.PENDING}))
        return Decision(LinkStatus.LIVE, None, 0, changes, tuple(events))

    if evidence.blocked:
        if prior.status is LinkStatus.LOST:
            return Decision(LinkStatus.LOST, prior.reason, prior.miss_streak, changes, tuple(events))
        assert evidence.reason is not None
        return Decision(LinkStatus.BLOCKED, evidence.reason.value, 0, changes, tuple(events))

    reason = evidence.reason.value if evidence.reason else None
    streak = prior.miss_streak + 1
    if prior.status is LinkStatus.LOST:
        # Already lost: stays lost; a definite reason replaces the old one, "unreachable" does not.
        keep = reason == Reason.UNREACHABLE.value and prior.reason is not None
        return Decision(LinkStatus.LOST, prior.reason if keep else reason, streak, changes, tuple(events))
    if streak >= CONFIRMATIONS_FOR_LOSS and baseline_done:
        # seen_live: a check saw the link count at least once; a link never seen live is not a loss
        # in a digest (an import or a hand-added URL that never linked).
        detail: dict[str, object] = {"previous_status": prior.status.value, "seen_live": prior.ever_live}
        if prior.last_link is not None:
            detail["last_link"] = {
                "target_url": prior.last_link.target_url,
                "kind": prior.last_link.kind,
                "follow": prior.last_link.follow,
                "anchor": prior.last_link.anchor,
                "placement": prior.last_link.placement,
            }
        events.insert(0, EventRecord(EventType.LOST, reason=reason, detail=detail))
        return Decision(LinkStatus.LOST, reason, streak, changes, tuple(events))
    return Decision(LinkStatus.MISSING, reason, streak, changes, tuple(events))


def next_last_link(prior: Prior, evidence: Evidence) -> LinkState | None:
    """The last-seen link after this observation (unchanged when the link was not found)."""
    return link_state(evidence.link) if evidence.link is not None else prior.last_link


def find_links(analysis: PageAnalysis, targets: Iterable[str]) -> list[Link]:
    """The page's links to ``targets`` (registrable domains), via the analysis engine."""
    from bot.analysis import links_to

    return list(links_to(analysis, targets))
