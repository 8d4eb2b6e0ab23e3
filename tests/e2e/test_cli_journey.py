"""End to end: a new user's journey through the ``backlinks`` command line, as the README tells it.

Every command runs in-process through :func:`bot.cli.main` (in a thread, because commands call
``asyncio.run``) against a real SQLite file and a real local web (:class:`tests.localweb.LocalWeb`,
reached by IP-literal URLs with ``BACKLINKS_ALLOW_PRIVATE_NETWORKS=1``, exactly like a user testing
against a local server would). The pages change between checks: a link removed, ``nofollow`` added,
a 404 and a 403 bot wall, then the link comes back.
"""

from __future__ import annotations

import asyncio
import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from tests.localweb import LocalWeb, local_web  # noqa: F401  (the fixture)

FILLER = " ".join(["Backlinks help small shops be found; this paragraph is ordinary article text."] * 6)

INSPECT_KEYS = {"url", "final_url", "status", "error", "content_type", "robots", "canonical", "outbound_links", "links"}
INSPECT_LINK_KEYS = {"href", "anchor", "rel", "kind", "follow", "placement"}
CHECK_KEYS = {"site", "checked", "live", "missing", "lost", "blocked", "links"}
CHECK_LINK_KEYS = {"source_url", "target_url", "status", "reason", "changes", "kind", "follow", "anchor", "placement", "http_status"}
FAQ_KEYS = {"answered", "answer", "lang", "topic", "score"}


def article(link: str | None, *, head: str = "") -> str:
    """A blog post with a header, a footer and ``link`` (an ``<a>`` element) in its main text."""
    body = f"<p>{FILLER} Read more at {link}.</p>" if link else f"<p>{FILLER}</p>"
    return (
        f"<!doctype html><html><head><title>Post</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></header>"
        f"<main><article><h1>Post</h1>{body}<p>{FILLER}</p></article></main>"
        "<footer><a href='/contact'>Contact</a></footer></body></html>"
    )


@pytest.fixture(autouse=True)
def _user_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A user working in their own folder against a local web on 127.0.0.x."""
    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.chdir(tmp_path)


def _main(argv: list[str]) -> int:
    """``main`` as the console script sees it: argparse usage errors exit with their code."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1


async def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``backlinks ARGV`` in-process; returns (exit code, stdout, stderr)."""
    code = await asyncio.to_thread(_main, list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


async def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = await cli(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


async def expect_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The command fails the documented way: exit 2, one line ``error: <sentence>``, nothing on stdout."""
    code, out, err = await cli(capsys, *argv)
    assert code == 2, (argv, code, out, err)
    assert err.startswith("error: ") and err.count("\n") == 1, (argv, err)
    assert out == "", (argv, out)
    return err


def ahrefs_export(rows: list[tuple[str, str, str]]) -> bytes:
    """An Ahrefs backlink export: UTF-16 with BOM, tab-separated."""
    lines = ["Referring page URL\tReferring page title\tTarget URL\tAnchor\tNofollow\tUGC\tSponsored\tFirst seen\tLast seen"]
    lines += [f"{src}\tA post\t{target}\t{anchor}\tfalse\tfalse\tfalse\t2026-01-02\t2026-11-01" for src, target, anchor in rows]
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def by_source(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {link["source_url"]: link for link in data["links"]}


# ------------------------------------------------------------------------------------ the journey


async def test_track_import_check_lose_return_export_digest(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    news = await local_web.add_host("news.example")
    blog.page("/a", article("<a href='https://mysite.nl/'>Bakkerij Jansen</a>"))
    blog.page("/b", article("<a href='https://www.mysite.nl/shop'>verse broodjes</a>"))
    news.page("/c", article("<a href='http://MySite.nl/x'>click here</a>"))
    news.page("/d", article("<a href='https://mysite.nl/y'>mysite.nl</a>"))
    news.page("/e", article("<a href='https://mysite.nl/z'>Bakkerij Jansen</a>"))
    a, b, c, d, e = (blog.direct_url("/a"), blog.direct_url("/b"), news.direct_url("/c"), news.direct_url("/d"), news.direct_url("/e"))

    # a new user: nothing tracked, then track (a URL is fine: it becomes the domain)
    code, out, _ = await cli(capsys, "sites")
    assert code == 0 and "backlinks track" in out
    site = await cli_json(capsys, "track", "https://www.MySite.nl/path")
    assert (site["domain"], site["role"]) == ("mysite.nl", "own")
    code, out, _ = await cli(capsys, "check", "mysite.nl")  # nothing to check yet: one sentence, exit 0 (QA 10)
    assert code == 0 and "no backlinks to check yet" in out

    # import an Ahrefs export (UTF-16, tabs) and a Search Console CSV; format recognised
    (tmp_path / "ahrefs.csv").write_bytes(ahrefs_export([(a, "https://mysite.nl/", "Bakkerij Jansen"), (b, "https://www.mysite.nl/shop", "verse broodjes"),
                                                         ("not-a-url", "https://mysite.nl/", "x")]))
    (tmp_path / "gsc.csv").write_text(f"Linking page,Last crawled\n{c},2026-11-20\n{d},2026-11-20\n{a},2026-11-19\n")
    imported = await cli_json(capsys, "import", "mysite.nl", "ahrefs.csv")
    assert (imported["format"], imported["added"], imported["rejected"]) == ("ahrefs", 2, 1)
    assert imported["rejected_rows"][0]["line"] == 4
    imported = await cli_json(capsys, "import", "mysite.nl", "gsc.csv")
    assert (imported["format"], imported["added"], imported["merged"]) == ("gsc-latest", 2, 1)
    code, out, _ = await cli(capsys, "add", "mysite.nl", e)
    assert code == 0 and "1 page added" in out and "backlinks check mysite.nl" in out
    assert (await cli_json(capsys, "sites"))["sites"][0]["pending"] == 5

    # first check: everything live, with kind, placement and anchor
    first = await cli_json(capsys, "check", "mysite.nl")
    assert set(first) == CHECK_KEYS and all(set(link) == CHECK_LINK_KEYS for link in first["links"])
    assert (first["checked"], first["live"], first["missing"], first["lost"], first["blocked"]) == (5, 5, 0, 0, 0)
    links = by_source(first)
    assert links[a]["kind"] == "dofollow" and links[a]["follow"] is True
    assert links[a]["placement"] == "content" and links[a]["anchor"] == "Bakkerij Jansen" and links[a]["http_status"] == 200
    assert links[c]["target_url"] == "http://MySite.nl/x"

    # the web changes: link removed, nofollow added, 404, 403 bot wall
    blog.page("/a", article(None))
    blog.page("/b", article("<a rel='nofollow' href='https://www.mysite.nl/shop'>verse broodjes</a>"))
    news.status("/c", 404)
    news.status("/d", 403, body="Access denied")

    second = await cli_json(capsys, "check", "mysite.nl")
    links = by_source(second)
    assert (links[a]["status"], links[a]["reason"]) == ("missing", "link-removed")  # one miss is not a loss
    assert (links[c]["status"], links[c]["reason"], links[c]["http_status"]) == ("missing", "page-not-found", 404)
    assert (links[d]["status"], links[d]["reason"], links[d]["http_status"]) == ("blocked", "blocked", 403)
    assert (links[b]["status"], links[b]["kind"], links[b]["follow"], links[b]["changes"]) == ("live", "nofollow", False, ["nofollow-added"])
    assert links[e]["status"] == "live"
    assert (second["live"], second["missing"], second["lost"], second["blocked"]) == (2, 2, 0, 1)

    # the second miss in a row confirms the loss, with its reason; a bot wall is never lost
    code, out, _ = await cli(capsys, "check", "mysite.nl")
    assert code == 0 and "0 missing, 2 lost, 1 blocked" in out and "not a lost link" in out
    third = await cli_json(capsys, "check", "mysite.nl")
    links = by_source(third)
    assert (links[a]["status"], links[a]["reason"]) == ("lost", "link-removed")
    assert (links[c]["status"], links[c]["reason"]) == ("lost", "page-not-found")
    assert links[d]["status"] == "blocked" and links[b]["changes"] == []
    assert (third["live"], third["missing"], third["lost"], third["blocked"]) == (2, 0, 2, 1)

    # export: the current state as CSV (to a file and to standard output, filtered by status)
    code, out, _ = await cli(capsys, "export", "mysite.nl", "--output", "state.csv")
    assert code == 0 and "5 backlinks" in out
    rows = {row["source_url"]: row for row in csv.DictReader(io.StringIO((tmp_path / "state.csv").read_text(encoding="utf-8")))}
    assert set(rows) == {a, b, c, d, e}
    assert (rows[a]["status"], rows[a]["reason"]) == ("lost", "link-removed")
    assert (rows[b]["status"], rows[b]["kind"], rows[b]["follow"]) == ("live", "nofollow", "false")
    assert rows[d]["status"] == "blocked" and rows[c]["http_status"] == "404"
    assert rows[a]["found_by"] == "ahrefs" and rows[e]["found_by"] == "manual"
    code, out, _ = await cli(capsys, "export", "mysite.nl", "--status", "lost")
    assert code == 0 and sorted(r["source_url"] for r in csv.DictReader(io.StringIO(out))) == sorted([a, c])
    exported = await cli_json(capsys, "export", "mysite.nl")
    assert exported["rows"] == 5

    # the link comes back: live again
    blog.page("/a", article("<a href='https://mysite.nl/'>Bakkerij Jansen</a>"))
    code, out, _ = await cli(capsys, "check", "mysite.nl")
    assert code == 0 and "1 back" in out
    fourth = await cli_json(capsys, "check", "mysite.nl")
    assert by_source(fourth)[a]["status"] == "live" and fourth["lost"] == 1

    # the digest: the documented shape, the nofollow change, the current totals
    digest = await cli_json(capsys, "digest", "mysite.nl", "--days", "7")
    assert {"site", "period", "gained", "lost", "changed", "totals"} <= set(digest)
    assert digest["site"] == "mysite.nl" and set(digest["period"]) == {"start", "end"}
    assert [(ch["source_url"], ch["change"]) for ch in digest["changed"]] == [(b, "nofollow-added")]
    assert digest["changed"][0]["before"]["follow"] is True and digest["changed"][0]["after"]["follow"] is False
    assert (digest["totals"]["live"], digest["totals"]["blocked"], digest["totals"]["lost_total"]) == (3, 1, 1)
    assert all(item["reason"] != "blocked" for item in digest["lost"])
    code, out, _ = await cli(capsys, "digest", "mysite.nl")
    assert code == 0 and "nofollow added" in out
    await expect_error(capsys, "digest", "mysite.nl", "--days", "0")

    sites = (await cli_json(capsys, "sites"))["sites"]
    assert [(s["site"], s["total"], s["live"], s["lost"], s["blocked"]) for s in sites] == [("mysite.nl", 5, 3, 1, 1)]


async def test_redirect_noindex_canonical_and_robots_reasons(capsys, local_web: LocalWeb) -> None:  # type: ignore[no-untyped-def]
    web = await local_web.add_host("web.example")
    link = "<a href='https://edge.nl/'>edge</a>"
    for path in ("/noindex", "/canonical", "/moved", "/robots"):
        web.page(path, article(link))
    await cli(capsys, "track", "edge.nl")
    urls = {path: web.direct_url(path) for path in ("/noindex", "/canonical", "/moved", "/robots")}
    await cli(capsys, "add", "edge.nl", *urls.values())
    assert (await cli_json(capsys, "check", "edge.nl"))["live"] == 4

    web.page("/noindex", article(link, head="<meta name='robots' content='noindex'>"))
    web.page("/canonical", article(link, head=f"<link rel='canonical' href='{web.direct_url('/elsewhere')}'>"))
    web.redirect("/moved", "/home", status=301)
    web.page("/home", article(None))
    web.robots("User-agent: *\nDisallow: /robots\n")
    await cli(capsys, "check", "edge.nl")
    links = by_source(await cli_json(capsys, "check", "edge.nl"))
    assert (links[urls["/noindex"]]["status"], links[urls["/noindex"]]["reason"]) == ("lost", "noindex")
    assert (links[urls["/canonical"]]["status"], links[urls["/canonical"]]["reason"]) == ("lost", "canonical-elsewhere")
    assert (links[urls["/moved"]]["status"], links[urls["/moved"]]["reason"]) == ("lost", "redirected")
    assert links[urls["/robots"]]["status"] == "blocked"  # robots.txt disallow: blocked, never lost


# ------------------------------------------------------------------------------------ competitors


async def test_compare_gap_and_anchors(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    both = await local_web.add_host("both.example")
    rival_only = await local_web.add_host("rivalfan.example")
    mine = await local_web.add_host("mine.example")
    both.page("/p", article("<a href='https://mysite.nl/'>Bakkerij Jansen</a> and <a href='https://rival.nl/'>Rival</a>"))
    rival_only.page("/1", article("<a href='https://rival.nl/a'>best bakery</a>"))
    rival_only.page("/2", article("<a href='https://www.rival.nl/b'>rival.nl</a>"))
    mine.page("/1", article("<a href='https://mysite.nl/shop'>verse broodjes</a>"))
    mine.page("/2", article("<a href='https://mysite.nl/x'>click here</a>"))

    await cli(capsys, "track", "mysite.nl")
    await expect_error(capsys, "compare", "mysite.nl", "rival.nl")  # not tracked yet
    await expect_error(capsys, "gap", "mysite.nl")  # no competitors yet
    await expect_error(capsys, "track", "mysite.nl", "--competitor-of", "mysite.nl")
    rival = await cli_json(capsys, "track", "rival.nl", "--competitor-of", "mysite.nl")
    assert rival["role"] == "competitor"
    await cli(capsys, "add", "mysite.nl", both.direct_url("/p"), mine.direct_url("/1"), mine.direct_url("/2"))
    await cli(capsys, "add", "rival.nl", both.direct_url("/p"), rival_only.direct_url("/1"), rival_only.direct_url("/2"))
    assert (await cli_json(capsys, "check", "mysite.nl"))["live"] == 3
    assert (await cli_json(capsys, "check", "rival.nl"))["live"] == 3

    compared = await cli_json(capsys, "compare", "mysite.nl", "rival.nl")
    assert compared["competitors"] == ["rival.nl"]
    stats = {s["site"]: s for s in compared["sites"]}
    assert (stats["mysite.nl"]["live_links"], stats["mysite.nl"]["referring_domains"]) == (3, 2)
    assert (stats["rival.nl"]["live_links"], stats["rival.nl"]["referring_domains"]) == (3, 2)
    assert stats["rival.nl"]["dofollow_share"] == 1.0
    assert compared == await cli_json(capsys, "compare", "mysite.nl")  # recorded competitors by default
    code, out, _ = await cli(capsys, "compare", "mysite.nl")
    assert code == 0 and "rival.nl" in out and rival_only.ip in out

    gap = await cli_json(capsys, "gap", "mysite.nl")
    assert [(g["domain"], g["links_to"], g["pages"]) for g in gap["gap"]] == [(rival_only.ip, ["rival.nl"], 2)]
    code, _, _ = await cli(capsys, "gap", "mysite.nl", "--csv", "outreach.csv")
    assert code == 0
    rows = list(csv.DictReader((tmp_path / "outreach.csv").open(encoding="utf-8")))
    assert [row["domain"] for row in rows] == [rival_only.ip]
    await expect_error(capsys, "gap", "mysite.nl", "--csv", str(tmp_path / "no" / "such" / "dir.csv"))

    anchors = await cli_json(capsys, "anchors", "mysite.nl", "--brand", "Bakkerij Jansen", "--keyword", "verse broodjes")
    assert anchors["live_links"] == 3 and anchors["brands"] == ["Bakkerij Jansen"] and anchors["keywords"] == ["verse broodjes"]
    assert (anchors["counts"]["brand"], anchors["counts"]["exact-match"], anchors["counts"]["generic"]) == (1, 1, 1)
    assert abs(sum(anchors["shares"].values()) - 1.0) < 0.01
    again = await cli_json(capsys, "anchors", "mysite.nl")  # brand and keyword were saved
    assert again["brands"] == ["Bakkerij Jansen"] and again["counts"] == anchors["counts"]


# ------------------------------------------------------------------------------------ questions


async def test_faq_in_dutch_and_english(capsys) -> None:  # type: ignore[no-untyped-def]
    nl = await cli_json(capsys, "faq", "is een nofollow link iets waard?")
    assert set(nl) == FAQ_KEYS and nl["answered"] is True and nl["lang"] == "nl" and nl["topic"]
    assert isinstance(nl["score"], float) and "nofollow" in nl["answer"].lower()
    en = await cli_json(capsys, "faq", "is a nofollow link worth anything?")
    assert set(en) == FAQ_KEYS and en["answered"] is True and en["lang"] == "en" and en["topic"] == nl["topic"]
    assert en["answer"] != nl["answer"]
    forced = await cli_json(capsys, "faq", "is a nofollow link worth anything?", "--lang", "nl")
    assert forced["lang"] == "nl" and forced["answer"] == nl["answer"]
    code, out, _ = await cli(capsys, "faq", "hoe snel helpt een nieuwe backlink?")
    assert code == 0 and "maanden" in out

    off = await cli_json(capsys, "faq", "what is the weather in Paris tomorrow?")
    assert set(off) == FAQ_KEYS and off["answered"] is False and off["topic"] is None
    unanswered = await cli_json(capsys, "faq", "unanswered")
    assert [q["text"] for q in unanswered["unanswered"]] == ["what is the weather in Paris tomorrow?"]
    assert (await cli_json(capsys, "faq", "unanswered", "--workspace", "T-OTHER"))["unanswered"] == []
    await expect_error(capsys, "faq")
    await expect_error(capsys, "faq", "")
    huge = await cli_json(capsys, "faq", "x" * 100_000)
    assert huge["answered"] is False


# ------------------------------------------------------------------------------------ one page


async def test_inspect_matches_the_design_contract(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    blog.page("/post", article("<a href='https://mysite.nl/' rel='Sponsored,nofollow'>sponsor</a> <a href='https://evil.com/?u=mysite.nl'>x</a>"))
    page = await cli_json(capsys, "inspect", blog.direct_url("/post"), "--target", "mysite.nl")
    assert set(page) == INSPECT_KEYS and set(page["robots"]) == {"noindex", "nofollow"}
    assert (page["status"], page["error"]) == (200, None)
    assert [(link["href"], link["kind"], link["follow"], link["placement"]) for link in page["links"]] == [
        ("https://mysite.nl/", "sponsored", False, "content")]
    assert set(page["links"][0]) == INSPECT_LINK_KEYS
    everything = await cli_json(capsys, "inspect", blog.direct_url("/post"))
    assert len(everything["links"]) == 5 and {link["placement"] for link in everything["links"]} >= {"footer", "content"}

    gone = await cli_json(capsys, "inspect", blog.direct_url("/gone"))
    assert (gone["status"], gone["error"], gone["links"]) == (404, "page-not-found", [])

    saved = tmp_path / "saved.html.gz"
    saved.write_bytes(gzip.compress(article("<a href='/rel'>relative</a> <a href='https://mysite.nl/'>me</a>").encode()))
    offline = await cli_json(capsys, "inspect", "https://blog.example.nl/post", "--html", str(saved))
    assert offline["url"] == "https://blog.example.nl/post"
    assert "https://blog.example.nl/rel" in [link["href"] for link in offline["links"]]
    (tmp_path / "pages.jsonl").write_text(
        json.dumps({"id": "p1", "url": "https://a.example/", "html_path": "saved.html.gz"}) + "\n"
        + json.dumps({"id": "p2", "url": "https://b.example/", "html_path": "missing.html"}) + "\n")
    code, out, _ = await cli(capsys, "inspect", "--manifest", str(tmp_path / "pages.jsonl"), "--target", "mysite.nl", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["id"] for line in lines] == ["p1", "p2"]
    assert len(lines[0]["links"]) == 1 and lines[1]["error"] is not None

    await expect_error(capsys, "inspect")
    await expect_error(capsys, "inspect", "not a url")
    await expect_error(capsys, "inspect", "ftp://example.nl/file")
    await expect_error(capsys, "inspect", blog.direct_url("/post"), "--target", "not a domain")
    await expect_error(capsys, "inspect", "https://x.example/", "--html", str(tmp_path / "missing.html"))
    await expect_error(capsys, "inspect", "--manifest", str(tmp_path / "missing.jsonl"))


# ------------------------------------------------------------------------------------ workspaces


async def test_workspaces_never_see_each_other(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    blog.page("/a", article("<a href='https://mysite.nl/'>Secret anchor</a>"))
    await cli(capsys, "track", "mysite.nl", "--workspace", "TEAM-A")
    await cli(capsys, "track", "rival.nl", "--competitor-of", "mysite.nl", "--workspace", "TEAM-A")
    await cli(capsys, "add", "mysite.nl", blog.direct_url("/a"), "--workspace", "TEAM-A")
    assert (await cli_json(capsys, "check", "mysite.nl", "--workspace", "TEAM-A"))["live"] == 1
    await cli(capsys, "faq", "what is the weather in Paris tomorrow?", "--workspace", "TEAM-A")

    # the default workspace and another team see none of it
    for team in ("local", "TEAM-B"):
        assert (await cli_json(capsys, "sites", "--workspace", team))["sites"] == []
        assert (await cli_json(capsys, "faq", "unanswered", "--workspace", team))["unanswered"] == []
        for argv in (("check", "mysite.nl"), ("export", "mysite.nl"), ("digest", "mysite.nl"), ("compare", "mysite.nl"),
                     ("gap", "mysite.nl"), ("anchors", "mysite.nl"), ("untrack", "mysite.nl"),
                     ("add", "mysite.nl", "https://x.example/"), ("watch", "list", "mysite.nl"), ("mentions", "mysite.nl")):
            err = await expect_error(capsys, *argv, "--workspace", team)
            assert "not tracked" in err
        code, _, err = await cli(capsys, "track", "rival.nl", "--competitor-of", "mysite.nl", "--workspace", team)
        assert code == 2 and "not tracked" in err

    # the same site in team B starts empty, and leaving it changes nothing in team A
    await cli(capsys, "track", "mysite.nl", "--workspace", "TEAM-B")
    assert (await cli_json(capsys, "export", "mysite.nl", "--workspace", "TEAM-B"))["rows"] == 0
    code, out, _ = await cli(capsys, "export", "mysite.nl", "--workspace", "TEAM-B")
    assert code == 0 and "Secret anchor" not in out and blog.direct_url("/a") not in out
    assert (await cli_json(capsys, "digest", "mysite.nl", "--workspace", "TEAM-B"))["gained"] == []
    assert (await cli_json(capsys, "untrack", "mysite.nl", "--workspace", "TEAM-B"))["removed"] is True
    a_sites = (await cli_json(capsys, "sites", "--workspace", "TEAM-A"))["sites"]
    assert [(s["site"], s["total"], s["live"]) for s in a_sites] == [("mysite.nl", 1, 1), ("rival.nl", 0, 0)]
    assert (await cli_json(capsys, "export", "mysite.nl", "--workspace", "TEAM-A"))["backlinks"][0]["anchor"] == "Secret anchor"


# ------------------------------------------------------------------------------------ bad input


async def test_bad_input_gives_one_sentence_and_exit_2(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    await cli(capsys, "track", "mysite.nl")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "people.csv").write_text("name,age\nbob,3\nalice,4\n")
    (tmp_path / "other-site.csv").write_text("Linking page,Target page\nhttps://blog.example/a,https://other.nl/\n")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "broken.gz").write_bytes(b"\x1f\x8bgarbage")
    bad = [
        ("track", ""), ("track", "http://"), ("track", "not a domain"), ("track", "localhost"), ("track", "co.uk"),
        ("track", "a" * 5000 + ".com"), ("track", "x.nl", "--competitor-of", "nope.nl"),
        ("untrack", "nope.nl"),
        ("add", "mysite.nl"), ("add", "mysite.nl", ""), ("add", "mysite.nl", "not a url"), ("add", "mysite.nl", "ftp://x.nl/a"),
        ("add", "mysite.nl", "javascript:alert(1)"), ("add", "mysite.nl", "https://mysite.nl/self"), ("add", "nope.nl", "https://a.example/"),
        ("import", "mysite.nl", "missing.csv"), ("import", "mysite.nl", "empty.csv"), ("import", "mysite.nl", "binary.csv"),
        ("import", "mysite.nl", "people.csv"), ("import", "mysite.nl", "other-site.csv"), ("import", "mysite.nl", "broken.zip"),
        ("import", "mysite.nl", "broken.gz"), ("import", "nope.nl", "people.csv"),
        ("check", "nope.nl"), ("check", ""), ("export", "nope.nl"), ("export", "mysite.nl", "-o", str(tmp_path / "no" / "x.csv")),
        ("digest", "nope.nl"), ("digest", "mysite.nl", "--days", "0"), ("digest", "mysite.nl", "--days", "1000"),
        ("compare", "nope.nl"), ("compare", "mysite.nl", "nope.nl"), ("gap", "mysite.nl"), ("anchors", "nope.nl"),
        ("toxic", "nope.nl"), ("toxic", "mark", "mysite.nl", "spam.example", "maybe"), ("disavow", "nope.nl"),
        ("authority", "import", "missing.csv"), ("authority", "import", "binary.csv"),
        ("watch", "add", "mysite.nl", "not a domain"), ("discover", "nope.nl"), ("discover", "mysite.nl", "--budget", "0"),
        ("faq", "unanswered", "--limit", "-5"),
        ("run",),
    ]
    for argv in bad:
        await expect_error(capsys, *argv)


async def test_every_command_speaks_json(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    blog.page("/a", article("<a href='https://mysite.nl/'>Bakkerij Jansen</a>"))
    (tmp_path / "tranco.csv").write_text("1,google.com\n2,example.org\n")
    (tmp_path / "urls.txt").write_text("https://x.example.nl/1\nhttps://y.example.nl/2\n")
    commands = [
        ("sites",), ("track", "mysite.nl"), ("track", "rival.nl", "--competitor-of", "mysite.nl"),
        ("add", "mysite.nl", blog.direct_url("/a")), ("import", "mysite.nl", "urls.txt"), ("check", "mysite.nl"),
        ("export", "mysite.nl"), ("digest", "mysite.nl"), ("compare", "mysite.nl"), ("gap", "mysite.nl"),
        ("anchors", "mysite.nl"), ("toxic", "mysite.nl", "--no-fetch"), ("toxic", "mark", "mysite.nl", "spam-casino.nl", "disavow", "--force"),
        ("disavow", "mysite.nl", "--output", str(tmp_path / "disavow.txt")), ("authority", "import", "tranco.csv"),
        ("watch", "list", "mysite.nl"), ("watch", "add", "mysite.nl", "nieuws.example.nl"), ("mentions", "mysite.nl"),
        ("faq", "wat is een backlink?"), ("faq", "unanswered"), ("inspect", blog.direct_url("/a")),
        ("untrack", "rival.nl"), ("sites",),
    ]
    for argv in commands:
        data = await cli_json(capsys, *argv)
        assert isinstance(data, dict), argv
    assert (tmp_path / "disavow.txt").read_text(encoding="utf-8").count("domain:spam-casino.nl") == 1


def test_help_lists_every_command_without_heavy_imports() -> None:
    """``backlinks --help`` stays fast: building the parser imports no heavy library."""
    probe = (
        "import sys, contextlib, io\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ['aiohttp', 'sqlite_utils', 'selectolax', 'matplotlib', 'slack_bolt', 'slack_sdk', 'tldextract', 'apscheduler']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "print(out.getvalue())\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
    loaded, _, text = proc.stdout.partition("\n")
    assert loaded == "[]"
    for command in ("inspect", "track", "untrack", "sites", "add", "import", "check", "export", "digest", "compare", "gap",
                    "anchors", "toxic", "disavow", "faq", "run"):
        assert f"    {command} " in text or f"    {command}\n" in text, command


# ------------------------------------------------------------------------------------ fixed after the QA report


async def test_empty_workspace_is_refused_without_a_traceback(capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (("sites",), ("track", "x.nl"), ("faq", "unanswered"), ("check", "mysite.nl")):
        code, out, err = await cli(capsys, *argv, "--workspace", "")
        assert code == 2 and out == "" and "workspace" in err, (argv, err)


async def test_import_a_folder_of_ordinary_exports_is_one_sentence(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    await cli(capsys, "track", "mysite.nl")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "ahrefs.csv").write_bytes(ahrefs_export([("https://blog.example/a", "https://mysite.nl/", "x")]))
    await expect_error(capsys, "import", "mysite.nl", str(downloads))
    await expect_error(capsys, "import", "mysite.nl", "")  # '' is the current folder


async def test_ctrl_c_during_a_check_keeps_the_database_usable(capsys, local_web: LocalWeb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A user presses Ctrl-C while a check runs: exit 130 with one word, and the next check completes."""
    import os
    import signal

    blog = await local_web.add_host("slow.example")
    urls = []
    for i in range(6):
        blog.page(f"/p{i}", article("<a href='https://mysite.nl/'>me</a>"), delay=3.0)
        urls.append(blog.direct_url(f"/p{i}"))
    await cli(capsys, "track", "mysite.nl")
    await cli(capsys, "add", "mysite.nl", *urls)

    env = {**os.environ, "BACKLINKS_ALLOW_PRIVATE_NETWORKS": "1", "BACKLINKS_DOTENV": "0"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "check", "mysite.nl", cwd=Path(__file__).resolve().parents[2], env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    for _ in range(200):  # until the check is fetching pages
        if any(blog.hits(f"/p{i}") for i in range(6)):
            break
        await asyncio.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 130, (out, err)
    assert b"Traceback" not in err and err.decode().strip() == "interrupted"

    for i in range(6):
        blog.page(f"/p{i}", article("<a href='https://mysite.nl/'>me</a>"))
    done = await cli_json(capsys, "check", "mysite.nl")
    assert (done["checked"], done["live"]) == (6, 6)
    assert (await cli_json(capsys, "sites"))["sites"][0]["live"] == 6


# ------------------------------------------------------------------------------------ open bugs (QA report)


async def test_first_week_digest_reports_a_confirmed_loss(capsys, local_web: LocalWeb) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    blog.page("/a", article("<a href='https://mysite.nl/'>me</a>"))
    await cli(capsys, "track", "mysite.nl")
    await cli(capsys, "add", "mysite.nl", blog.direct_url("/a"))
    await cli(capsys, "check", "mysite.nl")
    blog.page("/a", article(None))
    await cli(capsys, "check", "mysite.nl")
    assert (await cli_json(capsys, "check", "mysite.nl"))["lost"] == 1
    digest = await cli_json(capsys, "digest", "mysite.nl")
    assert [(item["source_url"], item["reason"]) for item in digest["lost"]] == [(blog.direct_url("/a"), "link-removed")]


async def test_digest_does_not_call_a_never_live_import_lost(capsys, local_web: LocalWeb) -> None:  # type: ignore[no-untyped-def]
    blog = await local_web.add_host("blog.example")
    blog.page("/live", article("<a href='https://mysite.nl/'>me</a>"))
    blog.status("/dead", 404)
    await cli(capsys, "track", "mysite.nl")
    await cli(capsys, "add", "mysite.nl", blog.direct_url("/live"), blog.direct_url("/dead"))
    await cli(capsys, "check", "mysite.nl")
    await cli(capsys, "check", "mysite.nl")
    digest = await cli_json(capsys, "digest", "mysite.nl")
    assert digest["lost"] == [] and digest["totals"]["annual_loss_rate"] == 0.0
