"""What discovery takes from one fetched page: links to tracked sites and unlinked mentions (pure)."""

from __future__ import annotations

from bot.discover.crawl import page_findings
from bot.discover.watchlist import SiteTarget
from bot.fetch.result import FetchResult

SITES = [SiteTarget("bakkerij-jansen.nl", ("Bakkerij Jansen",)), SiteTarget("xn--bckerei-mller-bfb28a.de"), SiteTarget("nieuws.nl")]


def fetched(html: str, url: str = "https://nieuws.nl/artikel", **headers: str) -> FetchResult:
    return FetchResult(url=url, final_url=url, status=200, content_type="text/html", headers=dict(headers), html=html)


def test_links_to_any_tracked_site_with_kind_and_whether_they_count() -> None:
    html = (
        "<html><body><main><p>Brood van <a href='https://WWW.Bakkerij-Jansen.nl/winkel'>Bakkerij Jansen</a> en "
        "<a rel='sponsored' href='https://bäckerei-müller.de/'>Müller</a>. Niet: <a href='https://bakkerij-jansen.nl.evil.com/'>x</a>"
        " <a href='https://evil.com/?u=bakkerij-jansen.nl'>y</a></p></main></body></html>"
    )
    links, mentions = page_findings(fetched(html), SITES)
    assert [(l.site, l.target_url, l.kind, l.follow, l.counts) for l in links] == [
        ("bakkerij-jansen.nl", "https://WWW.Bakkerij-Jansen.nl/winkel", "dofollow", True, True),
        ("xn--bckerei-mller-bfb28a.de", "https://bäckerei-müller.de/", "sponsored", False, True),
    ]
    assert mentions == ()  # the brand is only named inside its own link; the page's own site is skipped


def test_noindex_and_canonical_elsewhere_links_do_not_count_yet() -> None:
    html = "<html><head><meta name='robots' content='noindex'></head><body><a href='https://bakkerij-jansen.nl/'>b</a></body></html>"
    [link], _ = page_findings(fetched(html), SITES)
    assert link.counts is False
    html = "<html><head><link rel='canonical' href='https://nieuws.nl/other'></head><body><a href='https://bakkerij-jansen.nl/'>b</a></body></html>"
    [link], _ = page_findings(fetched(html), SITES)
    assert link.counts is False
    [link], _ = page_findings(fetched("<a href='https://bakkerij-jansen.nl/'>b</a>", **{"x-robots-tag": "noindex"}), SITES)
    assert link.counts is False


def test_mentions_for_every_site_but_not_of_the_page_itself() -> None:
    html = "<html><body><p>Bakkerij Jansen en Bäckerei Müller verkopen brood, zegt nieuws.nl.</p></body></html>"
    links, mentions = page_findings(fetched(html), SITES)
    assert links == ()
    assert {(m.site, m.matched, m.linked) for m in mentions} == {
        ("bakkerij-jansen.nl", "Bakkerij Jansen", False), ("xn--bckerei-mller-bfb28a.de", "Bäckerei Müller", False),
    }
    assert page_findings(fetched(""), SITES) == ((), ())


def test_ascii_brands_still_match_text_with_diacritics() -> None:
    sites = [SiteTarget("muller-brood.nl", ("Muller Brood",))]
    _, mentions = page_findings(fetched("<p>Wij eten brood van Müller Bröod, heerlijk.</p>"), sites)
    assert [m.matched for m in mentions] == ["Müller Bröod"]
