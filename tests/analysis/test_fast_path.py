"""``analyse_for_targets`` (the check engine's fast path) must say exactly what ``analyse_html`` +
``links_to`` say about the links to the targets: same links in the same order with the same href,
anchor, rel, kind, follow and placement, and the same noindex, nofollow and canonical."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.analysis import analyse_for_targets, analyse_html, links_to
from bot.analysis.model import LinkKind, Placement
from bot.domains import domain_of_url

PAGE = "https://blog.example.com/posts/1"

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval" / "placement"
if not EVAL_DIR.exists():
    EVAL_DIR = Path("/work/shared/eval/placement")


def assert_same(html: str, url: str, targets: list[str], x_robots_tag: str | None = None) -> int:
    full = analyse_html(html, url, x_robots_tag=x_robots_tag)
    fast = analyse_for_targets(html, url, targets, x_robots_tag=x_robots_tag)
    expected = links_to(full, targets)
    assert list(fast.links) == expected, (url, targets)
    assert (fast.noindex, fast.nofollow, fast.canonical) == (full.noindex, full.nofollow, full.canonical), url
    return len(expected)


def test_only_links_to_the_targets_with_their_placement() -> None:
    html = """<html><head><link rel=canonical href="/canon"></head><body>
      <nav><a href="https://www.mysite.nl/">menu</a></nav>
      <article><p>Lees meer bij <a rel="nofollow UGC" href="https://MySite.nl/shop?x=1">de winkel</a>, een
      goede bron met veel tekst, over fietsen, reparatie en onderhoud in de stad.</p>
      <p>Elders: <a href="https://other.nl/">andere</a> en <a href="/local">lokaal</a>, nog meer tekst hier.</p></article>
      <footer><a href="//mysite.nl/contact"><img alt="Contact"></a></footer></body></html>"""
    fast = analyse_for_targets(html, PAGE, ["mysite.nl"])
    assert [(l.href, l.placement) for l in fast.links] == [
        ("https://www.mysite.nl/", Placement.NAVIGATION),
        ("https://MySite.nl/shop?x=1", Placement.CONTENT),
        ("https://mysite.nl/contact", Placement.FOOTER),
    ]
    assert fast.links[1].kind is LinkKind.UGC and not fast.links[1].follow
    assert fast.links[2].anchor == "Contact"
    assert fast.canonical == "https://blog.example.com/canon"
    assert fast.outbound_links == 0 and fast.text is None and fast.title is None
    assert_same(html, PAGE, ["mysite.nl"])
    assert_same(html, PAGE, ["mysite.nl", "other.nl"])


@pytest.mark.parametrize(
    "body, url, targets",
    [
        ('<base href="https://www.mysite.nl/"><p>text <a href="shop">relative to base</a></p>', PAGE, ["mysite.nl"]),
        ('<p>own <a href="/a">relative</a> and <a href="b">b</a></p>', "https://www.mysite.nl/x/", ["mysite.nl"]),
        ('<p>tab <a href="https://my\tsite.nl/">split host</a></p>', PAGE, ["mysite.nl"]),
        ('<p>idn <a href="https://b\u00fccher.de/">unicode host</a></p>', PAGE, ["xn--bcher-kva.de"]),
        ('<p>wide <a href="https://\uff4d\uff59site.nl/">fullwidth</a></p>', PAGE, ["mysite.nl"]),
        ('<p>ip <a href="http://127.0.0.2:8080/p">ip</a></p>', PAGE, ["127.0.0.2"]),
        ('<p>not <a href="https://evil.com/?u=mysite.nl">query</a> <a href="https://mysite.nl.evil.com/">sub</a></p>',
         PAGE, ["mysite.nl"]),
        ('<p>skip <a href="mailto:a@mysite.nl">mail</a><a href="#mysite.nl">frag</a><a>none</a></p>', PAGE, ["mysite.nl"]),
        ('<template><a href="https://mysite.nl/">hidden</a></template><p>x</p>', PAGE, ["mysite.nl"]),
    ],
)
def test_edge_cases_match_the_full_analysis(body: str, url: str, targets: list[str]) -> None:
    html = f"<html><head><meta name=robots content='noindex'></head><body>{body}</body></html>"
    assert_same(html, url, targets)
    assert_same(html, url, targets, x_robots_tag="googlebot: nofollow")


def test_no_targets_and_no_links() -> None:
    fast = analyse_for_targets("<p>nothing</p>", PAGE, [])
    assert fast.links == () and not fast.noindex
    assert analyse_for_targets("", PAGE, ["mysite.nl"]).links == ()


@pytest.mark.skipif(not (EVAL_DIR / "manifest.jsonl").exists(), reason="placement eval set not available")
def test_same_links_as_the_full_analysis_on_every_eval_page() -> None:
    """All 300 real pages; targets: the page's own domain, the domain it links to most, both."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from placement_scoring import load_pages

    pages = load_pages(EVAL_DIR)
    assert len(pages) == 300
    compared = 0
    for n, page in enumerate(pages):
        full = analyse_html(page.html, page.url)
        own = domain_of_url(page.url) or "example.com"
        counts = Counter(d for d in (domain_of_url(l.href) for l in full.links) if d and d != own)
        outbound = counts.most_common(1)[0][0] if counts else "example.org"
        for targets in ([own], [outbound], [outbound, own]):
            fast = analyse_for_targets(page.html, page.url, targets)
            assert list(fast.links) == links_to(full, targets), (page.url, targets)
            assert (fast.noindex, fast.nofollow, fast.canonical) == (full.noindex, full.nofollow, full.canonical)
            compared += len(fast.links)
        if n % 25 == 0:  # the page-level nofollow reaches every link
            assert_same(page.html, page.url, [own, outbound], x_robots_tag="nofollow")
    assert compared > 5_000
