"""Toxicity: pages written to trigger (and not trigger) each reason; domain aggregation; the scan."""

from __future__ import annotations

import json
import os

import pytest

from bot.analysis import analyse_html
from bot.cli import main
from bot.compare.toxic import (
    LinkInfo,
    PageSignals,
    SiteContext,
    extract_signals,
    score_domain,
    score_page,
    store_reasons,
    toxic_scan,
)
from storage import compare_repo
from storage.sites import add_site, require_site
from storage.store import Store
from tests.compare.helpers import L, put_links
from tests.localweb import LocalWeb

SITE = SiteContext.for_site("jansen-bakkerij.nl", [], ["beste bakker utrecht"])
DUTCH = (
    "Wij bakken elke dag vers brood en taarten voor de hele buurt. In dit artikel lees je hoe je een goede "
    "bakker kiest, waar je op let bij zuurdesem en waarom een lokale bakkerij het verschil maakt. "
) * 4


def page(body: str, title: str = "Blog", head: str = "") -> str:
    return f"<!doctype html><html lang='nl'><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def reasons(html: str, site: SiteContext = SITE, url: str = "https://blog.example.com/post") -> dict[str, int]:
    analysis = analyse_html(html, url)
    return {r.code: r.points for r in score_page(analysis, html, site, url)}


LINK = "<a href='https://www.jansen-bakkerij.nl/'>Jansen Bakkerij</a>"


def test_clean_dutch_article_has_no_reason() -> None:
    html = page(f"<article><h1>Brood</h1><p>{DUTCH} Lees meer bij {LINK}.</p></article>")
    assert reasons(html) == {}
    scripted = "<script>var ads = ['casino', 'casino', 'poker', 'roulette', 'viagra', 'porn', 'xxx'];</script>"
    assert reasons(page(f"<p>{DUTCH} {LINK}</p>{scripted}", head="<style>.casino{color:red}</style>")) == {}


def test_spam_vocabulary_by_category() -> None:
    casino = "Speel online casino en gokken met gratis spins! Beste casino bonus zonder storting, roulette en blackjack. "
    assert reasons(page(f"<p>{casino} {LINK}</p>")) == {"spam-gambling": 40}
    # a single mention in an honest article is not spam
    assert reasons(page(f"<p>{DUTCH} Ons bakkersfeest was in het casino van Valkenburg. {LINK}</p>")) == {}
    # pharma in the title alone is strong
    assert reasons(page(f"<p>{DUTCH} {LINK}</p>", title="Buy viagra online")) == {"spam-pharma": 40}
    en = "Essay writing service: write my essay today, buy essay cheap, custom essay by an essay writer. "
    assert reasons(page(f"<p>{en} {LINK}</p>")) == {"spam-essay": 25}  # 5 hits
    assert reasons(page(f"<p>Snel geld lenen? Flitskrediet en lenen zonder BKR, minilening vandaag. {LINK}</p>")) == {"spam-payday": 25}
    assert reasons(page(f"<p>Replica horloges, fake rolex and replica watches. {LINK}</p>")) == {"spam-replica": 25}
    assert reasons(page(f"<p>Gratis porno, xxx sexcam en escorts. {LINK}</p>")) == {"spam-adult": 25}


def test_niche_is_taken_into_account() -> None:
    html = page("<p>Speel online casino en gokken met gratis spins! Beste casino bonus, roulette en blackjack. "
                "<a href='https://casinoking.nl/'>casinoking</a></p>")
    casino_site = SiteContext.for_site("casinoking.nl")
    assert "gambling" in casino_site.niche
    assert reasons(html, casino_site) == {"spam-gambling": 0}
    assert reasons(html, SiteContext.for_site("bakker.nl", niche=["gambling"])) == {"spam-gambling": 0}
    assert "gambling" not in SITE.niche


def test_many_outbound_links() -> None:
    links = "".join(f"<li><a href='https://site{i}.example.org/'>site {i}</a></li>" for i in range(120))
    assert reasons(page(f"<p>{DUTCH} {LINK}</p><ul>{links}</ul>")) == {"many-outbound-links": 15}
    links = "".join(f"<li><a href='https://site{i}.example.org/'>site {i}</a></li>" for i in range(260))
    assert reasons(page(f"<p>{DUTCH} {LINK}</p><ul>{links}</ul>")) == {"many-outbound-links": 30}
    links = "".join(f"<li><a href='https://site{i}.example.org/'>site {i}</a></li>" for i in range(40))
    assert reasons(page(f"<p>{DUTCH} {LINK}</p><ul>{links}</ul>")) == {}


@pytest.mark.parametrize(
    "wrapper",
    [
        "<div style='display: none'>{}</div>",
        "<span style='position:absolute; left:-9999px'>{}</span>",
        "<p style='font-size:0px'>{}</p>",
        "<div class='seo x'>{}</div>",  # hidden through a <style> rule
        "<div hidden>{}</div>",
    ],
)
def test_hidden_link_to_the_site(wrapper: str) -> None:
    html = page(f"<p>{DUTCH}</p>" + wrapper.format(LINK), head="<style>.seo { display:none }</style>")
    assert reasons(html) == {"hidden-link-to-site": 50}


def test_hidden_links_to_others_and_visible_styles() -> None:
    spam = "".join(f"<a href='https://pills{i}.example.org/'>goedkope viagra kopen</a>" for i in range(2))
    html = page(f"<p>{DUTCH} {LINK}</p><div style='visibility:hidden'>{spam}</div>")
    assert reasons(html) == {"hidden-spam-links": 40}
    plain = "".join(f"<a href='https://other{i}.example.org/'>partner {i}</a>" for i in range(5))
    assert reasons(page(f"<p>{DUTCH} {LINK}</p><div style='display:none'>{plain}</div>")) == {"hidden-links": 15}
    # dropdown menus and language pickers hide links for ordinary reasons
    menu = f"<nav><ul class='dropdown' style='display:none'>{plain}</ul></nav><div class='lang-switch' hidden>{plain}</div>"
    assert reasons(page(f"<p>{DUTCH} {LINK}</p>{menu}")) == {}
    # our link hidden in a mobile copy but also shown visibly: not a hack
    assert reasons(page(f"<p>{DUTCH} {LINK}</p><div style='display:none'>{LINK}</div>")) == {}
    # styles that do not hide: font-size 12px, left:-5px, opacity .5
    visible = "<div style='font-size:12px; left:-5px; opacity:0.5'>" + LINK + "</div>"
    assert reasons(page(f"<p>{DUTCH}</p>{visible}")) == {}


def test_real_pages_are_not_flagged() -> None:
    """40 real pages of the placement eval set (ordinary sites): none scores suspicious (>= 30);
    words in scripts and JSON do not count as spam vocabulary."""
    import gzip
    from pathlib import Path

    base = Path("/work/shared/eval/placement")
    if not (base / "manifest.jsonl").exists():
        pytest.skip("eval pages not available")
    manifest = [json.loads(line) for line in (base / "manifest.jsonl").read_text().splitlines()][::7][:40]
    site = SiteContext.for_site("mysite.nl")
    flagged = []
    for m in manifest:
        html = gzip.decompress((base / m["html_path"]).read_bytes()).decode("utf-8", "replace")
        got = score_page(analyse_html(html, m["url"]), html, site, m["url"])
        if sum(r.points for r in got) >= 30:
            flagged.append((m["url"], got))
    assert flagged == []


def test_parked_page() -> None:
    html = page(f"<h1>Deze domeinnaam is te koop</h1><p>Neem contact op. {LINK}</p>", title="jansen.example")
    assert reasons(html) == {"parked": 50}
    long_article = page(f"<p>{DUTCH * 3} Wat is domain parking en waarom is een domain is for sale pagina slecht? {LINK}</p>")
    assert reasons(long_article) == {}  # an article about parking, not a parked page


def test_foreign_script() -> None:
    cyr = "Купить дешево пиццу в Москве с доставкой на дом быстро и качественно. " * 8
    assert reasons(page(f"<p>{cyr} {LINK}</p>", title="Магазин")) == {"foreign-script": 25}
    russian_site = SiteContext.for_site("pizza-moskva.ru", [], ["пицца москва"])
    assert russian_site.script == "cyrillic"
    html = page(f"<p>{cyr} <a href='https://pizza-moskva.ru/'>пицца</a></p>")
    assert reasons(html, russian_site) == {}
    cjk = "这是一个关于面包和蛋糕的网站，我们提供最好的服务和产品。" * 10
    assert reasons(page(f"<p>{cjk} {LINK}</p>")) == {"foreign-script": 25}


def test_signals_round_trip_and_target_placement() -> None:
    html = page(f"<article><p>{DUTCH} {LINK}</p></article><footer>{LINK}</footer>")
    signals = extract_signals(analyse_html(html, "https://blog.example.com/p"), html, "https://blog.example.com/p", SITE.targets)
    assert set(signals.target_placements) == {"content", "footer"}
    assert PageSignals.from_dict(json.loads(json.dumps(signals.to_dict()))) == signals


def info(url: str, anchor: str = "Jansen Bakkerij", placement: str = "content", status: str = "live") -> LinkInfo:
    return LinkInfo(url, "farm.example", status, anchor, placement, True)


def test_link_farm_and_sitewide_from_stored_links() -> None:
    farm = [info(f"https://farm.example/{i}", anchor="goedkope taarten") for i in range(3)]
    assert {r.code: r.points for r in store_reasons(farm, SITE)} == {"link-farm": 35}
    farm10 = [info(f"https://farm.example/{i}", anchor="goedkope taarten") for i in range(10)]
    assert {r.code: r.points for r in store_reasons(farm10, SITE)} == {"link-farm": 50}
    brand = [info(f"https://farm.example/{i}") for i in range(12)]  # the same brand anchor is natural
    assert store_reasons(brand, SITE) == []
    footer = [info(f"https://farm.example/{i}", placement="footer") for i in range(3)]
    assert {r.code: r.points for r in store_reasons(footer, SITE)} == {"sitewide": 15}
    assert store_reasons(footer[:2], SITE) == []


def test_domain_aggregation_unknown_is_not_clean() -> None:
    links = [info("https://farm.example/1"), info("https://farm.example/2")]
    unread = {"https://farm.example/1": PageSignals(status="unreachable"), "https://farm.example/2": PageSignals(status="blocked")}
    d = score_domain("farm.example", links, unread, SITE)
    assert d.verdict == "unknown" and d.score is None and d.unread == ("blocked", "unreachable")
    d = score_domain("farm.example", links, {}, SITE)
    assert d.verdict == "unknown" and d.score is None and d.unread == ("not-read",)
    spam = PageSignals(spam={"gambling": 8}, outbound_links=300)
    d = score_domain("farm.example", links, {"https://farm.example/1": spam, "https://farm.example/2": spam}, SITE)
    assert d.verdict == "toxic" and d.score == 70 and d.pages_read == 2
    assert {r.code: r.params.get("pages_with") for r in d.reasons} == {"spam-gambling": 2, "many-outbound-links": 2}
    clean = PageSignals(words=300)
    d = score_domain("farm.example", links, {"https://farm.example/1": clean}, SITE)
    assert d.verdict == "clean" and d.score == 0
    # stored evidence alone can make an unread domain suspicious: it is not hidden as unknown
    farm = [info(f"https://farm.example/{i}", anchor="goedkope taarten") for i in range(3)]
    d = score_domain("farm.example", farm, {}, SITE)
    assert d.verdict == "suspicious" and d.score == 35
    # capped at 100
    bad = PageSignals(spam={"gambling": 9, "pharma": 9, "adult": 9}, parked=False, hidden_target_links=1)
    assert score_domain("farm.example", links, {"https://farm.example/1": bad}, SITE).score == 100


async def test_scan_reads_pages_once_a_week_and_scores(tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T1", "jansen-bakkerij.nl")
    add_site(db, "T2", "jansen-bakkerij.nl")
    put_links(
        db,
        "T1",
        "jansen-bakkerij.nl",
        [
            L("http://good.nl/post", anchor="Jansen Bakkerij"),
            L("http://casino.nl/a", anchor="beste taarten"),
            L("http://casino.nl/b", anchor="beste taarten"),
            L("http://casino.nl/c", anchor="beste taarten"),
            L("http://gone.nl/p", anchor="Jansen"),
            L("http://old.nl/p", status="lost"),
        ],
    )
    put_links(db, "T2", "jansen-bakkerij.nl", [L("http://t2only.nl/p")])
    async with LocalWeb() as web:
        good = await web.add_host("good.nl")
        good.page("/post", page(f"<article><p>{DUTCH} {LINK}</p></article>"))
        casino = await web.add_host("casino.nl")
        spam = page(f"<p>Online casino, gokken, gratis spins en roulette! Blackjack en poker. {LINK}</p>", title="Casino bonus")
        for path in ("/a", "/b", "/c"):
            casino.page(path, spam)
        gone = await web.add_host("gone.nl")
        gone.status("/p", 404)
        store = Store(os.environ["BACKLINKS_DB"])
        try:
            report = await toxic_scan(store, "T1", "jansen-bakkerij.nl", open_fetcher_fn=lambda: web.fetcher(max_retries=0))
            by = {d.domain: d for d in report.domains}
            assert set(by) == {"good.nl", "casino.nl", "gone.nl"}  # the lost link's domain is left out; T2 unseen
            assert by["casino.nl"].verdict == "toxic" and by["casino.nl"].score == 75  # gambling 40 + link farm 35
            assert {r.code for r in by["casino.nl"].reasons} == {"spam-gambling", "link-farm"}
            assert by["good.nl"].verdict == "clean" and by["good.nl"].score == 0
            assert by["gone.nl"].verdict == "unknown" and by["gone.nl"].score is None
            assert [d.domain for d in report.domains] == ["casino.nl", "gone.nl", "good.nl"]
            assert report.fetched == 5 and casino.hits("/a") == 1
            # a second scan within the week reads only what could not be read
            again = await toxic_scan(store, "T1", "jansen-bakkerij.nl", open_fetcher_fn=lambda: web.fetcher(max_retries=0))
            assert again.fetched == 1 and casino.hits("/a") == 1 and good.hits("/post") == 1
            assert {d.domain: d.score for d in again.domains} == {d.domain: d.score for d in report.domains}
            # without a fetcher, stored signals only
            offline = await toxic_scan(store, "T1", "jansen-bakkerij.nl")
            assert offline.fetched == 0 and {d.domain: d.verdict for d in offline.domains}["casino.nl"] == "toxic"
            # the site's niche turns the vocabulary off
            niche = await toxic_scan(store, "T1", "jansen-bakkerij.nl", niche=["gambling"])
            assert {d.domain: d.score for d in niche.domains}["casino.nl"] == 35
        finally:
            await store.aclose()
    site = require_site(db, "T2", "jansen-bakkerij.nl")
    assert compare_repo.load_page_signals(db, "T2", site.id) == {}


def test_toxic_cli_mark_and_offline_json(db, capsys) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T1", "jansen-bakkerij.nl")
    put_links(db, "T1", "jansen-bakkerij.nl", [L("http://spam.nl/p")])
    assert main(["toxic", "mark", "jansen-bakkerij.nl", "spam.nl", "disavow", "--reason", "casino\nspam", "--workspace", "T1"]) == 0
    assert "spam.nl marked disavow" in capsys.readouterr().out
    assert main(["toxic", "jansen-bakkerij.nl", "--no-fetch", "--json", "--workspace", "T1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["domains"][0]["domain"] == "spam.nl" and data["domains"][0]["decision"] == "disavow"
    assert data["domains"][0]["verdict"] == "unknown" and data["marked_disavow"] == 1
    assert main(["toxic", "mark", "jansen-bakkerij.nl", "spam.nl", "maybe", "--workspace", "T1"]) == 2
    assert main(["toxic", "jansen-bakkerij.nl", "extra", "--workspace", "T1"]) == 2
    assert main(["toxic", "jansen-bakkerij.nl", "--no-fetch", "--workspace", "T1"]) == 0
    out = capsys.readouterr().out
    assert "unknown" in out and "Nothing is disavowed automatically" in out


def test_pages_to_read_is_bounded_and_fair() -> None:
    from datetime import datetime, timezone

    from bot.compare.toxic import pages_to_read

    now = datetime(2026, 11, 25, tzinfo=timezone.utc)
    links = [LinkInfo(f"https://d{d}.nl/{p}", f"d{d}.nl", "live", "x", "content", True) for d in range(5) for p in range(5)]
    chosen = pages_to_read(links, {}, now=now)
    assert len(chosen) == 15  # 3 pages per domain
    stored = {"https://d0.nl/0": ("2026-11-24T00:00:00+00:00", PageSignals())}
    chosen = pages_to_read(links, stored, now=now, limit=4)
    # domains never read come first, one page each per round: d1..d4 before d0 gets more
    assert [l.source_domain for l in chosen] == ["d1.nl", "d2.nl", "d3.nl", "d4.nl"]
    assert len(pages_to_read(links, stored, now=now)) == 14  # d0: its two unread pages
    old = {"https://d0.nl/0": ("2026-11-01T00:00:00+00:00", PageSignals())}
    assert "https://d0.nl/0" in {l.source_url for l in pages_to_read(links, old, now=now)}  # older than a week
    assert "https://d0.nl/0" in {l.source_url for l in pages_to_read(links, stored, now=now, refresh=True)}


def test_link_selling_and_template_link() -> None:
    seller = "Backlinks kopen? Gastblog plaatsen vanaf 50 euro, dofollow backlinks, sponsored post en linkruil. "
    assert reasons(page(f"<p>{DUTCH} {seller} {LINK}</p>")) == {"spam-link-selling": 25}
    agency = SiteContext.for_site("linkbuilding.nl", [], ["backlinks kopen"])
    assert reasons(page(f"<p>{DUTCH} {seller} <a href='https://linkbuilding.nl/'>x</a></p>"), agency) == {"spam-link-selling": 0}
    footer_only = page(f"<article><p>{DUTCH}</p></article><footer>Webdesign door {LINK}</footer>")
    assert reasons(footer_only) == {"sitewide": 10}
    # the stored evidence of 3+ footer pages outranks the single-page hint (the code counts once)
    signals = extract_signals(analyse_html(footer_only, "https://farm.example/1"), footer_only, "https://farm.example/1", SITE.targets)
    links = [info(f"https://farm.example/{i}", placement="footer") for i in range(3)]
    d = score_domain("farm.example", links, {"https://farm.example/1": signals}, SITE)
    assert [(r.code, r.points) for r in d.reasons] == [("sitewide", 15)]
