"""Compare and gap on a small world whose answers can be checked by hand (see the table in each test)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bot.cli import main
from bot.compare.compare import compare_sites
from bot.compare.gap import gap_csv, gap_for
from bot.errors import NotFoundError, UserInputError
from storage import compare_repo
from storage.sites import add_site
from tests.compare.helpers import L, put_links

T = "T1"


def build(db, team: str = T) -> None:  # type: ignore[no-untyped-def]
    add_site(db, team, "mysite.nl")
    add_site(db, team, "rival.nl", competitor_of="mysite.nl")
    add_site(db, team, "other.nl", competitor_of="mysite.nl")
    put_links(
        db,
        team,
        "mysite.nl",
        [
            L("https://blog.example.com/a", anchor="mysite"),
            L("https://news.example.org/x", follow=False, placement="footer", anchor="mysite.nl"),
            L("https://forum.example.net/t", status="pending"),
            L("https://oldfriend.nl/p", status="lost"),
            L("https://maybe.nl/p", status="missing"),
        ],
    )
    put_links(
        db,
        team,
        "rival.nl",
        [
            L("https://blog.example.com/b"),
            L("https://news.example.org/y"),
            L("https://forum.example.net/u"),
            L("https://oldfriend.nl/q"),
            L("https://maybe.nl/q"),
            L("https://gem.nl/1"),
            L("https://www.gem.nl/2"),
            L("https://dir.nl/1", follow=False, placement="sidebar"),
            L("https://deadlink.nl/1", status="lost"),
            L("https://pendingonly.nl/1", status="pending"),
            L("http://192.0.2.7/x"),
            L("https://other.nl/page"),
        ],
    )
    put_links(
        db,
        team,
        "other.nl",
        [
            L("https://gem.nl/3", follow=False, placement="footer"),
            L("https://shop.nl/1", placement="sidebar"),
            L("https://sub.dir.nl/2"),
        ],
    )
    compare_repo.store_authority(db, team, "tranco", [("gem.nl", 1000, 50.0)])


def test_gap_is_ranked_and_excludes_any_link_to_the_site(db) -> None:  # type: ignore[no-untyped-def]
    build(db)
    site, comps, items = gap_for(db, T, "mysite.nl")
    assert (site, comps) == ("mysite.nl", ["other.nl", "rival.nl"])
    # by hand: blog (live to me), news (nofollow to me), forum (pending to me), maybe (missing to me) are
    # not gaps; deadlink/pendingonly are not live at the competitor; other.nl is a compared site.
    assert [g.domain for g in items] == ["gem.nl", "dir.nl", "192.0.2.7", "oldfriend.nl", "shop.nl"]
    gem, dird, ip, old, shop = items
    assert gem.links_to == ("other.nl", "rival.nl") and gem.pages == 3 and gem.dofollow and gem.authority == 50.0
    assert dird.links_to == ("other.nl", "rival.nl") and dird.dofollow and dird.editorial and dird.authority is None
    assert ip.links_to == ("rival.nl",) and ip.pages == 1
    assert old.was_linking and not ip.was_linking  # all its links to me are confirmed lost: a win-back
    assert shop.dofollow and not shop.editorial


def test_gap_csv_is_an_outreach_list(db) -> None:  # type: ignore[no-untyped-def]
    build(db)
    _, _, items = gap_for(db, T, "mysite.nl")
    rows = list(csv.DictReader(io.StringIO(gap_csv(items))))
    assert [r["domain"] for r in rows] == ["gem.nl", "dir.nl", "192.0.2.7", "oldfriend.nl", "shop.nl"]
    assert rows[0]["authority"] == "50.0" and rows[1]["authority"] == ""  # unknown stays empty, not 0
    assert rows[0]["links_to"] == "other.nl rival.nl" and rows[0]["competitors"] == "2"
    assert rows[3]["was_linking"] == "yes"


def test_gap_against_one_named_competitor(db) -> None:  # type: ignore[no-untyped-def]
    build(db)
    _, comps, items = gap_for(db, T, "mysite.nl", ["other.nl"])
    assert comps == ["other.nl"]
    # against other.nl alone: dir.nl (dofollow, content) > shop.nl (dofollow, sidebar) > gem.nl (nofollow footer)
    assert [g.domain for g in items] == ["dir.nl", "shop.nl", "gem.nl"]


def test_compare_figures(db) -> None:  # type: ignore[no-untyped-def]
    build(db)
    result = compare_sites(db, T, "mysite.nl").to_json()
    sites = {s["site"]: s for s in result["sites"]}
    assert [s["site"] for s in result["sites"]] == ["mysite.nl", "other.nl", "rival.nl"]
    me, rival, other = sites["mysite.nl"], sites["rival.nl"], sites["other.nl"]
    assert (me["live_links"], me["referring_domains"], me["dofollow_share"], me["content_share"]) == (2, 2, 0.5, 0.5)
    assert (rival["live_links"], rival["referring_domains"], rival["dofollow_share"], rival["content_share"]) == (10, 9, 0.9, 0.9)
    assert (other["live_links"], other["referring_domains"]) == (3, 3)
    assert other["dofollow_share"] == pytest.approx(2 / 3, abs=1e-4) and other["content_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert me["anchor_mix"]["brand"] == 0.5 and me["anchor_mix"]["naked-url"] == 0.5
    assert me["new_30d"] == 2 and me["lost_30d"] == 1
    # authority distribution: rival's gem.nl is the only ranked domain (score 50 -> band 40-59)
    assert rival["authority"]["known"] == 1 and rival["authority"]["unknown"] == 8
    assert rival["authority"]["bands"]["40-59"] == 1 and rival["authority"]["median"] == 50.0
    assert me["authority"]["known"] == 0 and me["authority"]["median"] is None
    leader = result["leader"]
    assert leader["site"] == "rival.nl" and leader["referring_domains"] == 9
    # live to rival and to neither mysite.nl nor other.nl: forum (only pending at mine), oldfriend, maybe, the IP
    assert sorted(e["domain"] for e in leader["examples"]) == ["192.0.2.7", "example.net", "maybe.nl", "oldfriend.nl"]
    assert "referring_domains" in leader["ahead_on"] and "dofollow_share" in leader["ahead_on"]
    assert [g["domain"] for g in result["gap"]] == ["gem.nl", "dir.nl", "192.0.2.7", "oldfriend.nl", "shop.nl"]
    assert set(result["gap"][0]) >= {"domain", "links_to", "pages", "dofollow", "authority"}


def test_compare_cli_json_and_text(db, capsys) -> None:  # type: ignore[no-untyped-def]
    build(db)
    assert main(["compare", "mysite.nl", "rival.nl", "--json", "--workspace", T]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["competitors"] == ["rival.nl"]
    assert [s["site"] for s in data["sites"]] == ["mysite.nl", "rival.nl"]
    # against rival.nl alone, dofollow first; gem.nl's known authority beats unknowns; dir.nl is nofollow
    assert [g["domain"] for g in data["gap"]] == ["gem.nl", "192.0.2.7", "oldfriend.nl", "dir.nl"]
    assert main(["compare", "mysite.nl", "--workspace", T]) == 0
    out = capsys.readouterr().out
    assert "Leader: rival.nl" in out and "gem.nl" in out and "unknown" in out


def test_gap_cli_csv(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    build(db)
    target = tmp_path / "outreach.csv"
    assert main(["gap", "mysite.nl", "--csv", str(target), "--workspace", T]) == 0
    assert "gem.nl" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("1,gem.nl,2,")


def test_errors_are_one_sentence(db, capsys) -> None:  # type: ignore[no-untyped-def]
    add_site(db, T, "lonely.nl")
    with pytest.raises(UserInputError):
        gap_for(db, T, "lonely.nl")
    with pytest.raises(NotFoundError):
        compare_sites(db, T, "unknown.nl")
    assert main(["compare", "lonely.nl", "--workspace", T]) == 2
    assert capsys.readouterr().err.startswith("error: lonely.nl has no competitors")


def test_no_query_crosses_workspaces(db) -> None:  # type: ignore[no-untyped-def]
    build(db, "T1")
    add_site(db, "T2", "mysite.nl")
    add_site(db, "T2", "rival.nl", competitor_of="mysite.nl")
    put_links(db, "T2", "rival.nl", [L("https://onlyt2.nl/1")])
    compare_repo.store_authority(db, "T2", "tranco", [("onlyt2.nl", 10, 87.5), ("gem.nl", 1, 100.0)])
    _, _, t2 = gap_for(db, "T2", "mysite.nl")
    assert [g.domain for g in t2] == ["onlyt2.nl"] and t2[0].authority == 87.5
    _, _, t1 = gap_for(db, "T1", "mysite.nl")
    assert "onlyt2.nl" not in {g.domain for g in t1}
    assert next(g for g in t1 if g.domain == "gem.nl").authority == 50.0  # T2's 100 is not seen
    assert compare_repo.workspace_referring_domains(db, "T2") == {"onlyt2.nl"}
    assert set(compare_repo.authority_for(db, "T1", ["onlyt2.nl", "gem.nl"])) == {"gem.nl"}
    t1_site = compare_repo.domain_rows(db, "T1", [1, 2, 3, 4, 5])
    assert all(r.domain != "onlyt2.nl" for r in t1_site)  # even with T2's site ids asked for
    with pytest.raises(ValueError):
        compare_repo.linking_domains(db, "", 1)
