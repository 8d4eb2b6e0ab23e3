"""The status model, tested directly: every transition, every reason, every change."""

from __future__ import annotations

import pytest

from bot.analysis.model import Link, LinkKind, PageAnalysis, Placement
from bot.check.status import (
    Change,
    EventType,
    Evidence,
    LinkState,
    LinkStatus,
    PageStatus,
    Prior,
    Reason,
    classify_page,
    decide,
    detect_changes,
    pick_link,
    same_page,
    url_key,
)
from bot.fetch.result import FetchError, FetchResult

PAGE = "https://blog.example/post"


def link(href: str = "https://site.nl/", anchor: str = "Site", kind: LinkKind = LinkKind.DOFOLLOW, follow: bool | None = None,
         placement: Placement = Placement.CONTENT) -> Link:
    rel = () if kind == LinkKind.DOFOLLOW else (kind.value,)
    return Link(href=href, anchor=anchor, rel=rel, kind=kind, follow=(kind == LinkKind.DOFOLLOW) if follow is None else follow,
                placement=placement)


def ok(url: str = PAGE, final: str | None = None, redirects: tuple[str, ...] = ()) -> FetchResult:
    return FetchResult(url=url, final_url=final or url, status=200, html="<html></html>", content_type="text/html", redirects=redirects)


def failed(error: FetchError, status: int | None = None) -> FetchResult:
    return FetchResult(url=PAGE, final_url=PAGE, status=status, error=error)


FOUND = Evidence(PageStatus.OK, 200, PAGE, link=link())
GONE = Evidence(PageStatus.OK, 200, PAGE, reason=Reason.LINK_REMOVED)
BLOCKED = Evidence(PageStatus.BLOCKED, 403, PAGE, reason=Reason.BLOCKED)
UNREACHABLE = Evidence(PageStatus.UNREACHABLE, None, PAGE, reason=Reason.UNREACHABLE)
NOT_FOUND = Evidence(PageStatus.NOT_FOUND, 404, PAGE, reason=Reason.PAGE_NOT_FOUND)
SEEN = LinkState("https://site.nl/", "dofollow", True, "Site", "content")


def types(decision) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type.value for e in decision.events]


# --- page classification ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "page_status", "reason"),
    [
        (FetchError.PAGE_NOT_FOUND, PageStatus.NOT_FOUND, Reason.PAGE_NOT_FOUND),
        (FetchError.SERVER_ERROR, PageStatus.SERVER_ERROR, Reason.SERVER_ERROR),
        (FetchError.UNREACHABLE, PageStatus.UNREACHABLE, Reason.UNREACHABLE),
        (FetchError.BLOCKED, PageStatus.BLOCKED, Reason.BLOCKED),
        (FetchError.NOT_HTML, PageStatus.NOT_HTML, Reason.LINK_REMOVED),
        (FetchError.TOO_LARGE, PageStatus.TOO_LARGE, Reason.TOO_LARGE),
        (FetchError.BLOCKED_ADDRESS, PageStatus.BLOCKED, Reason.BLOCKED),
        (FetchError.INVALID_URL, PageStatus.UNREACHABLE, Reason.UNREACHABLE),
    ],
)
def test_fetch_errors_map_to_page_status_and_reason(error: FetchError, page_status: PageStatus, reason: Reason) -> None:
    evidence = classify_page(failed(error), None, [])
    assert (evidence.page_status, evidence.reason, evidence.link) == (page_status, reason, None)


def test_page_with_link_counts() -> None:
    evidence = classify_page(ok(), PageAnalysis(), [link()])
    assert evidence.counts and evidence.page_status is PageStatus.OK and evidence.link == link()


def test_page_without_link_is_link_removed() -> None:
    assert classify_page(ok(), PageAnalysis(), []).reason is Reason.LINK_REMOVED


def test_moved_page_without_link_is_redirected_but_https_upgrade_is_not_a_move() -> None:
    moved = classify_page(ok(final="https://other.example/home", redirects=(PAGE,)), PageAnalysis(), [])
    assert (moved.page_status, moved.reason) == (PageStatus.REDIRECTED, Reason.REDIRECTED)
    upgraded = classify_page(ok(url="http://blog.example/post", final=PAGE, redirects=("http://blog.example/post",)), PageAnalysis(), [])
    assert (upgraded.page_status, upgraded.reason) == (PageStatus.OK, Reason.LINK_REMOVED)
    still = classify_page(ok(final="https://blog.example/new", redirects=(PAGE,)), PageAnalysis(), [link()])
    assert still.page_status is PageStatus.REDIRECTED and still.counts


def test_noindex_and_canonical_elsewhere_do_not_count_but_keep_the_link() -> None:
    noindex = classify_page(ok(), PageAnalysis(noindex=True), [link()])
    assert noindex.reason is Reason.NOINDEX and noindex.link is not None and noindex.noindex
    canon = classify_page(ok(), PageAnalysis(canonical="https://blog.example/other"), [link()])
    assert canon.reason is Reason.CANONICAL_ELSEWHERE and canon.link is not None
    self_canon = classify_page(ok(), PageAnalysis(canonical="https://www.blog.example/post/"), [link()])
    assert self_canon.counts
    # link gone beats noindex
    assert classify_page(ok(), PageAnalysis(noindex=True), []).reason is Reason.LINK_REMOVED


def test_url_key_ignores_scheme_www_slash_fragment_default_port() -> None:
    assert url_key("HTTPS://WWW.Blog.Example:443/post/#x") == url_key("http://blog.example/post")
    assert not same_page("https://blog.example/post?page=2", "https://blog.example/post")
    assert url_key(None) == ""


# --- picking the link -------------------------------------------------------------------------


def test_pick_prefers_dofollow_then_content_then_previous_target() -> None:
    footer_dofollow = link("https://site.nl/a", placement=Placement.FOOTER)
    content_nofollow = link("https://site.nl/b", kind=LinkKind.NOFOLLOW)
    content_dofollow = link("https://site.nl/c")
    assert pick_link([content_nofollow, footer_dofollow]) == footer_dofollow
    assert pick_link([footer_dofollow, content_nofollow, content_dofollow]) == content_dofollow
    twin = link("https://site.nl/d")
    assert pick_link([content_dofollow, twin]) == content_dofollow  # document order
    assert pick_link([content_dofollow, twin], LinkState("https://site.nl/d", "dofollow", True, "Site", "content")) == twin
    assert pick_link([]) is None


# --- changes ------------------------------------------------------------------------------------


def test_changes_against_last_seen_link() -> None:
    assert detect_changes(SEEN, link()) == ()
    assert detect_changes(SEEN, link(kind=LinkKind.NOFOLLOW)) == (Change.NOFOLLOW_ADDED,)
    assert detect_changes(LinkState("https://site.nl/", "nofollow", False, "Site", "content"), link()) == (Change.FOLLOW_RESTORED,)
    assert detect_changes(SEEN, link(anchor="Other words")) == (Change.ANCHOR_CHANGED,)
    assert detect_changes(SEEN, link(anchor="  Site ")) == ()
    assert detect_changes(SEEN, link(href="https://site.nl/shop")) == (Change.TARGET_CHANGED,)
    assert detect_changes(SEEN, link(href="http://www.site.nl")) == ()
    assert detect_changes(SEEN, link(placement=Placement.FOOTER)) == (Change.PLACEMENT_CHANGED,)
    assert detect_changes(None, link()) == ()
    assert detect_changes(SEEN, None) == ()
    both = detect_changes(SEEN, link(kind=LinkKind.SPONSORED, placement=Placement.SIDEBAR))
    assert both == (Change.NOFOLLOW_ADDED, Change.PLACEMENT_CHANGED)


# --- decisions: every transition --------------------------------------------------------------


def test_pending_found_is_live_and_appeared() -> None:
    d = decide(Prior(), FOUND, baseline_done=False)
    assert (d.status, d.reason, d.miss_streak) == (LinkStatus.LIVE, None, 0)
    assert types(d) == ["appeared"] and d.events[0].detail == {"first_check": True}
    later = decide(Prior(LinkStatus.MISSING, "link-removed", 1, False, None), FOUND, baseline_done=True)
    assert types(later) == ["appeared"] and later.events[0].detail == {"first_check": False}


def test_pending_gone_is_missing_never_lost_on_first_check() -> None:
    d = decide(Prior(), GONE, baseline_done=True)
    assert (d.status, d.reason, d.miss_streak, types(d)) == (LinkStatus.MISSING, "link-removed", 1, [])


def test_pending_blocked_is_blocked() -> None:
    d = decide(Prior(), BLOCKED, baseline_done=True)
    assert (d.status, d.reason, d.miss_streak, types(d)) == (LinkStatus.BLOCKED, "blocked", 0, [])


def test_live_gone_is_missing_then_lost_after_second_check() -> None:
    live = Prior(LinkStatus.LIVE, None, 0, True, SEEN)
    first = decide(live, GONE, baseline_done=True)
    assert (first.status, first.reason, first.miss_streak, types(first)) == (LinkStatus.MISSING, "link-removed", 1, [])
    second = decide(Prior(LinkStatus.MISSING, "link-removed", 1, True, SEEN), NOT_FOUND, baseline_done=True)
    assert (second.status, second.reason, second.miss_streak) == (LinkStatus.LOST, "page-not-found", 2)
    assert types(second) == ["lost"] and second.events[0].reason == "page-not-found"
    assert second.events[0].detail["last_link"]["anchor"] == "Site"


def test_no_loss_before_a_completed_baseline_check() -> None:
    d = decide(Prior(LinkStatus.MISSING, "link-removed", 1, False, None), GONE, baseline_done=False)
    assert (d.status, d.miss_streak, types(d)) == (LinkStatus.MISSING, 2, [])
    later = decide(Prior(LinkStatus.MISSING, "link-removed", 2, False, None), GONE, baseline_done=True)
    assert later.status is LinkStatus.LOST


def test_missing_found_again_is_live_without_event() -> None:
    d = decide(Prior(LinkStatus.MISSING, "server-error", 1, True, SEEN), FOUND, baseline_done=True)
    assert (d.status, d.reason, d.miss_streak, types(d)) == (LinkStatus.LIVE, None, 0, [])


def test_lost_found_again_is_returned() -> None:
    d = decide(Prior(LinkStatus.LOST, "link-removed", 3, True, SEEN), FOUND, baseline_done=True)
    assert (d.status, types(d)) == (LinkStatus.LIVE, ["returned"])
    assert d.events[0].detail == {"lost_reason": "link-removed"}


def test_lost_never_live_before_found_is_returned_not_appeared() -> None:
    d = decide(Prior(LinkStatus.LOST, "link-removed", 2, False, None), FOUND, baseline_done=True)
    assert types(d) == ["returned"]


def test_blocked_is_never_lost_and_breaks_the_streak() -> None:
    prior = Prior(LinkStatus.MISSING, "link-removed", 1, True, SEEN)
    d = decide(prior, BLOCKED, baseline_done=True)
    assert (d.status, d.reason, d.miss_streak, types(d)) == (LinkStatus.BLOCKED, "blocked", 0, [])
    for _ in range(5):
        d = decide(Prior(LinkStatus.BLOCKED, "blocked", 0, True, SEEN), BLOCKED, baseline_done=True)
        assert d.status is LinkStatus.BLOCKED and not d.events
    after = decide(Prior(LinkStatus.BLOCKED, "blocked", 0, True, SEEN), GONE, baseline_done=True)
    assert after.status is LinkStatus.MISSING  # first miss again, not lost


def test_blocked_found_is_live_without_event() -> None:
    d = decide(Prior(LinkStatus.BLOCKED, "blocked", 0, True, SEEN), FOUND, baseline_done=True)
    assert (d.status, types(d)) == (LinkStatus.LIVE, [])


def test_one_off_unreachable_is_not_a_loss_but_twice_is() -> None:
    live = Prior(LinkStatus.LIVE, None, 0, True, SEEN)
    once = decide(live, UNREACHABLE, baseline_done=True)
    assert (once.status, once.reason) == (LinkStatus.MISSING, "unreachable")
    back = decide(Prior(LinkStatus.MISSING, "unreachable", 1, True, SEEN), FOUND, baseline_done=True)
    assert back.status is LinkStatus.LIVE and not back.events
    twice = decide(Prior(LinkStatus.MISSING, "unreachable", 1, True, SEEN), UNREACHABLE, baseline_done=True)
    assert (twice.status, twice.reason) == (LinkStatus.LOST, "unreachable")


def test_lost_stays_lost_without_new_event() -> None:
    lost = Prior(LinkStatus.LOST, "link-removed", 2, True, SEEN)
    again = decide(lost, NOT_FOUND, baseline_done=True)
    assert (again.status, again.reason, again.miss_streak, types(again)) == (LinkStatus.LOST, "page-not-found", 3, [])
    blocked = decide(lost, BLOCKED, baseline_done=True)
    assert (blocked.status, blocked.reason, types(blocked)) == (LinkStatus.LOST, "link-removed", [])
    flaky = decide(lost, UNREACHABLE, baseline_done=True)
    assert (flaky.status, flaky.reason) == (LinkStatus.LOST, "link-removed")


@pytest.mark.parametrize("reason", [Reason.NOINDEX, Reason.CANONICAL_ELSEWHERE])
def test_link_on_page_that_does_not_count_goes_missing_then_lost(reason: Reason) -> None:
    evidence = Evidence(PageStatus.OK, 200, PAGE, link=link(), noindex=reason is Reason.NOINDEX, reason=reason)
    first = decide(Prior(LinkStatus.LIVE, None, 0, True, SEEN), evidence, baseline_done=True)
    assert (first.status, first.reason) == (LinkStatus.MISSING, reason.value)
    second = decide(Prior(LinkStatus.MISSING, reason.value, 1, True, SEEN), evidence, baseline_done=True)
    assert (second.status, second.reason, types(second)) == (LinkStatus.LOST, reason.value, ["lost"])
    indexable = decide(Prior(LinkStatus.LOST, reason.value, 2, True, SEEN), FOUND, baseline_done=True)
    assert types(indexable) == ["returned"]


def test_link_on_noindex_page_never_live_does_not_appear() -> None:
    evidence = Evidence(PageStatus.OK, 200, PAGE, link=link(), noindex=True, reason=Reason.NOINDEX)
    d = decide(Prior(), evidence, baseline_done=True)
    assert d.status is LinkStatus.MISSING and types(d) == []


def test_change_events_come_with_before_and_after() -> None:
    d = decide(Prior(LinkStatus.LIVE, None, 0, True, SEEN), Evidence(PageStatus.OK, 200, PAGE, link=link(kind=LinkKind.NOFOLLOW)),
               baseline_done=True)
    assert d.status is LinkStatus.LIVE and d.changes == (Change.NOFOLLOW_ADDED,)
    assert types(d) == ["nofollow-added"]
    assert d.events[0].detail == {"before": {"kind": "dofollow", "follow": True}, "after": {"kind": "nofollow", "follow": False}}
    anchor = decide(Prior(LinkStatus.LIVE, None, 0, True, SEEN), Evidence(PageStatus.OK, 200, PAGE, link=link(anchor="New")),
                    baseline_done=True)
    assert anchor.events[0].type is EventType.ANCHOR_CHANGED and anchor.events[0].detail == {"before": "Site", "after": "New"}


def test_returned_with_change_has_both_events_returned_first() -> None:
    d = decide(Prior(LinkStatus.LOST, "link-removed", 2, True, SEEN), Evidence(PageStatus.OK, 200, PAGE, link=link(anchor="X")),
               baseline_done=True)
    assert types(d) == ["returned", "anchor-changed"]


@pytest.mark.parametrize(("error", "reason"), [(FetchError.TOO_LARGE, "too-large"), (FetchError.BLOCKED_ADDRESS, "blocked")])
def test_unreadable_pages_are_blocked_never_lost(error: FetchError, reason: str) -> None:
    """QA 5: a page too large to read, or a name that now points to a forbidden address, says nothing
    about the link: blocked with its own reason, however often it happens, never missing or lost."""
    evidence = classify_page(failed(error, 200 if error is FetchError.TOO_LARGE else None), None, [])
    assert evidence.blocked and not evidence.counts
    prior = Prior(LinkStatus.LIVE, None, 0, True, SEEN)
    for _ in range(3):
        d = decide(prior, evidence, baseline_done=True)
        assert (d.status, d.reason, types(d)) == (LinkStatus.BLOCKED, reason, [])
        prior = Prior(d.status, d.reason, d.miss_streak, True, SEEN)
