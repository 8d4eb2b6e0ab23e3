"""The store commands end to end through ``bot.cli.main`` on a real database (and a real local web
for ``check``)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.check.helpers import article
from tests.localweb import LocalWeb

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str):  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_track_sites_untrack_and_errors(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run_json(capsys, "track", "https://www.MySite.nl/")["site"] == "mysite.nl"
    again = run_json(capsys, "track", "mysite.nl", "--brand", "My Site", "--brand", "MySite", "--keyword", "fietsen zwolle")
    assert (again["brands"], again["keywords"]) == (["My Site", "MySite"], ["fietsen zwolle"])
    assert run_json(capsys, "track", "mysite.nl", "--brand", "my site")["brands"] == ["My Site", "MySite"]
    rival = run_json(capsys, "track", "rival.nl", "--competitor-of", "mysite.nl")
    assert (rival["role"], rival["competitor_of"]) == ("competitor", ["mysite.nl"])
    sites = run_json(capsys, "sites")["sites"]
    assert [(s["site"], s["role"], s["competitor_of"], s["total"]) for s in sites] == [
        ("mysite.nl", "own", [], 0), ("rival.nl", "competitor", ["mysite.nl"], 0)]
    code, out, _ = run(capsys, "sites")
    assert code == 0 and "mysite.nl" in out and "competitor" in out
    # another workspace sees nothing
    assert run_json(capsys, "sites", "--workspace", "T-OTHER")["sites"] == []
    code, _, err = run(capsys, "track", "x.nl", "--competitor-of", "nope.nl")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
    code, _, err = run(capsys, "track", "not a site")
    assert code == 2 and "not a domain name" in err
    assert run_json(capsys, "untrack", "rival.nl") == {"site": "rival.nl", "removed": True}
    code, _, err = run(capsys, "untrack", "rival.nl")
    assert code == 2 and "not tracked" in err


def test_add_reports_rejected_urls_and_refuses_none(capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "track", "mysite.nl")
    data = run_json(capsys, "add", "mysite.nl", "https://blog.example.com/a", "blog.example.com/b", "https://mysite.nl/x",
                    "https://blog.example.com/a#top")
    assert (data["added"], data["merged"]) == (1, 1)
    assert data["rejected"] == [{"url": "blog.example.com/b", "reason": "invalid-url"}, {"url": "https://mysite.nl/x", "reason": "same-site"}]
    code, _, err = run(capsys, "add", "mysite.nl", "nonsense")
    assert code == 2 and "None of the URLs" in err
    code, _, err = run(capsys, "add", "mysite.nl")
    assert code == 2 and "at least one page URL" in err
    code, _, err = run(capsys, "add", "untracked.nl", "https://blog.example.com/a")
    assert code == 2 and "not tracked" in err


def test_import_sample_files_counts_and_rejected_lines(capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "track", "mijnsite.nl")
    data = run_json(capsys, "import", "mijnsite.nl", str(DATA / "broken_rows.csv"))
    assert data["format"] == "semrush" and data["rows_read"] == 8
    assert data["added"] == 4 and data["rejected"] == 4
    assert [r["line"] for r in data["rejected_rows"]] == [3, 4, 6, 9]
    assert data["added"] + data["merged"] + data["duplicates_merged"] + data["rejected"] == data["rows_read"]
    # the text form shows the first rejected lines with their numbers
    code, out, _ = run(capsys, "import", "mijnsite.nl", str(DATA / "broken_rows.csv"))
    assert code == 0 and "line 3:" in out and "4 already known" in out
    # an export for another site is refused with one sentence; a non-export too
    code, _, err = run(capsys, "import", "mijnsite.nl", str(DATA / "semrush_backlinks.csv"))
    assert code == 2 and "fietsenmaker-zwolle.nl" in err
    code, _, err = run(capsys, "import", "mijnsite.nl", str(DATA / "tranco_top.csv"))
    assert code == 2 and err.startswith("error: ")
    code, _, err = run(capsys, "import", "mijnsite.nl", str(DATA / "does-not-exist.csv"))
    assert code == 2 and "does not exist" in err


@pytest.mark.parametrize(
    ("name", "site"),
    [("semrush_backlinks.csv", "fietsenmaker-zwolle.nl"), ("ahrefs_backlinks_utf16.csv", None), ("gsc_latest_links.csv", None),
     ("gsc_links_export.zip", None), ("url_list.txt", None), ("majestic_backlinks.csv", None), ("moz_inbound_links.csv", None)],
)
def test_import_every_format_is_recognised(capsys, name: str, site: str | None) -> None:  # type: ignore[no-untyped-def]
    from bot.domains import domain_of_url
    from bot.imports import parse_export

    parsed = parse_export((DATA / name).read_bytes(), name)
    targets = [domain_of_url(link.target_url) for link in parsed.links if link.target_url]
    site = site or (max(set(targets), key=targets.count) if targets else "somesite.nl")
    run(capsys, "track", site)
    data = run_json(capsys, "import", site, str(DATA / name))
    assert data["format"] == parsed.format.value
    assert data["added"] + data["merged"] + len(data["rejected_links"]) == len(parsed.links)
    assert data["added"] > 0


def test_export_csv_is_safe_and_complete(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bot.check.cli import open_db

    run(capsys, "track", "mysite.nl")
    run(capsys, "add", "mysite.nl", "https://blog.example.com/a", "https://news.example.org/b")
    open_db().execute("UPDATE backlinks SET anchor = '=HYPERLINK(\"http://evil\")', status = 'live' WHERE source_url LIKE '%blog%'")
    code, out, _ = run(capsys, "export", "mysite.nl")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert rows[0]["source_url"] == "https://blog.example.com/a" and rows[0]["anchor"].startswith("'=")
    assert rows[1]["status"] == "pending" and rows[1]["found_by"] == "manual"
    target = tmp_path / "out.csv"
    assert run_json(capsys, "export", "mysite.nl", "--output", str(target)) == {"site": "mysite.nl", "rows": 2, "output": str(target)}
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("source_url,source_domain,target_url,status,reason")
    live = run_json(capsys, "export", "mysite.nl", "--status", "live")
    assert [b["source_url"] for b in live["backlinks"]] == ["https://blog.example.com/a"]
    code, _, err = run(capsys, "export", "mysite.nl", "--output", str(tmp_path / "no" / "dir.csv"))
    assert code == 2 and "Cannot write" in err


async def test_check_and_digest_commands_against_a_local_web(capsys, local_web: LocalWeb, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.fetch.settings import FetchSettings

    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "1")  # the pages are on 127.0.0.x
    hosts = [await local_web.add_host(f"h{i}.nl") for i in range(3)]
    hosts[0].page("/a", article('<a href="https://www.mysite.nl/shop">Shop</a>'))
    hosts[1].page("/b", article('<a rel="sponsored" href="https://mysite.nl/">paid</a>'))
    hosts[2].status("/c", 404)
    ports = frozenset(h.port for h in hosts)
    monkeypatch.setattr(FetchSettings, "from_settings", classmethod(lambda cls, s, **kw: local_web.settings(allowed_ports=ports, max_retries=0)))

    def cli(*argv: str) -> tuple[int, str, str]:
        return run(capsys, *argv)

    assert cli("track", "mysite.nl")[0] == 0
    # QA 10: nothing to check is not an error, in both modes: exit 0 and one clear line
    code, out, err = await asyncio.to_thread(cli, "check", "mysite.nl")
    assert code == 0 and err == "" and out.strip() == (
        "mysite.nl has no backlinks to check yet; add some with backlinks import mysite.nl FILE or backlinks add mysite.nl URL.")
    code, out, _ = await asyncio.to_thread(cli, "check", "mysite.nl", "--json")
    empty = json.loads(out)
    assert code == 0 and (empty["checked"], empty["links"]) == (0, []) and "no backlinks to check yet" in empty["note"]
    cli("add", "mysite.nl", hosts[0].direct_url("/a"), hosts[1].direct_url("/b"), hosts[2].direct_url("/c"))
    code, out, err = await asyncio.to_thread(cli, "check", "mysite.nl", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["site", "checked", "live", "missing", "lost", "blocked", "links"]
    assert (data["site"], data["checked"], data["live"], data["missing"], data["lost"], data["blocked"]) == ("mysite.nl", 3, 2, 1, 0, 0)
    for link in data["links"]:
        assert list(link) == ["source_url", "target_url", "status", "reason", "changes", "kind", "follow", "anchor", "placement", "http_status"]
    paid = [l for l in data["links"] if l["source_url"].endswith("/b")][0]
    assert (paid["kind"], paid["follow"], paid["anchor"]) == ("sponsored", False, "paid")

    hosts[0].page("/a", article(None))
    code, out, _ = await asyncio.to_thread(cli, "check", "mysite.nl")
    assert code == 0
    assert "checked 3 pages" in out and "1 live, 1 missing, 1 lost" in out
    assert "the page is gone (404/410)" in out and "the page no longer links to the site" in out

    digest = json.loads(cli("digest", "mysite.nl", "--json")[1])
    # /c was a 404 from the start: never seen live, so neither lost nor gained; /a and /b were found
    # at their first check: known links, not new ones
    assert digest["lost"] == [] and digest["gained"] == [] and digest["totals"]["checks"] == 2
    assert digest["totals"]["never_live"] == 1 and digest["totals"]["confirmed_first_check"] == 2
    code, out, _ = cli("digest", "mysite.nl")
    assert code == 0 and "mysite.nl" in out
    code, _, err = cli("digest", "mysite.nl", "--days", "0")
    assert code == 2 and "--days" in err


def test_add_and_import_refuse_private_addresses(capsys, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA 6: pages on this machine or a private network are rejected rows with a reason (the fetcher
    would never read them), unless BACKLINKS_ALLOW_PRIVATE_NETWORKS=1."""
    monkeypatch.delenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", raising=False)
    run(capsys, "track", "mysite.nl")
    private = ["http://127.0.0.2:8081/dg", "http://192.168.1.1/a", "http://[::1]/b", "http://localhost/c",
               "http://169.254.169.254/latest", "http://10.1.2.3/d", "http://2130706433/e"]
    data = run_json(capsys, "add", "mysite.nl", "https://blog.example.com/a", *private)
    assert data["added"] == 1
    assert [(r["url"], r["reason"]) for r in data["rejected"]] == [(url, "private-address") for url in private]
    code, out, _ = run(capsys, "add", "mysite.nl", "https://blog.example.com/z", "http://10.0.0.1/x")
    assert code == 0 and "http://10.0.0.1/x" in out and "private network" in out
    code, _, err = run(capsys, "add", "mysite.nl", "http://127.0.0.1/only")
    assert code == 2 and "None of the URLs" in err and "BACKLINKS_ALLOW_PRIVATE_NETWORKS" in err
    (tmp_path / "list.txt").write_text("https://news.example.org/a\nhttp://192.168.0.10/b\n")
    imported = run_json(capsys, "import", "mysite.nl", str(tmp_path / "list.txt"))
    assert imported["added"] == 1
    assert imported["rejected_links"] == [{"url": "http://192.168.0.10/b", "reason": "private-address"}]

    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "1")
    assert run_json(capsys, "add", "mysite.nl", "http://127.0.0.2:8081/dg")["added"] == 1


async def test_check_url_inspects_one_page_against_tracked_sites(capsys, local_web: LocalWeb, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA 7: `check URL` is Slack's `check URL` (one page, its links to the tracked sites); `check SITE`
    stays the site check."""
    from bot.fetch.settings import FetchSettings

    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "1")
    blog = await local_web.add_host("blog.nl")
    blog.page("/post", article('<a href="https://mysite.nl/shop">Shop</a> <a href="https://other.nl/">x</a>'))
    monkeypatch.setattr(FetchSettings, "from_settings",
                        classmethod(lambda cls, s, **kw: local_web.settings(allowed_ports=frozenset({blog.port}), max_retries=0)))

    def cli(*argv: str) -> tuple[int, str, str]:
        return run(capsys, *argv)

    code, out, err = await asyncio.to_thread(cli, "check", blog.direct_url("/post"))
    assert code == 0, err
    assert "track SITE" in out and "other.nl" in out  # nothing tracked: every link, and how to start
    cli("track", "mysite.nl")
    code, out, err = await asyncio.to_thread(cli, "check", blog.direct_url("/post"), "--json")
    assert code == 0, err
    page = json.loads(out)
    assert [(l["href"], l["anchor"]) for l in page["links"]] == [("https://mysite.nl/shop", "Shop")]
    assert page["tracked_sites"] == ["mysite.nl"]
    code, out, _ = await asyncio.to_thread(cli, "check", blog.direct_url("/post"))
    assert code == 0 and "1 link on this page to your tracked sites (mysite.nl)" in out
    assert "error" not in out and "not tracked" not in out
    # a bare site name is still the site check
    code, out, _ = cli("check", "mysite.nl")
    assert code == 0 and "no backlinks to check yet" in out


def test_track_keeps_a_competitor_and_refuses_loops(capsys) -> None:  # type: ignore[no-untyped-def]
    """QA 9: tracking a competitor again keeps it a competitor (one sentence says so; --own promotes it);
    mutual competitors and a site competing with itself are refused; --json gives competitor_of as a
    list, as `sites --json` does."""
    run(capsys, "track", "mysite.nl")
    rival = run_json(capsys, "track", "rival.nl", "--competitor-of", "mysite.nl")
    assert (rival["role"], rival["competitor_of"]) == ("competitor", ["mysite.nl"])
    code, out, _ = run(capsys, "track", "rival.nl")
    assert code == 0 and out.strip() == "rival.nl stays a competitor of mysite.nl; to make it one of your own sites: backlinks track rival.nl --own"
    assert run_json(capsys, "track", "rival.nl")["role"] == "competitor"
    code, _, err = run(capsys, "track", "mysite.nl", "--competitor-of", "rival.nl")
    assert code == 2 and "already a competitor of mysite.nl" in err and err.count("\n") == 1
    code, _, err = run(capsys, "track", "mysite.nl", "--competitor-of", "mysite.nl")
    assert code == 2 and "competitor of itself" in err
    own = run_json(capsys, "track", "rival.nl", "--own")
    assert (own["role"], own["competitor_of"]) == ("own", [])
    code, _, err = run(capsys, "track", "192.168.1.1")
    assert code == 2 and "IP address" in err
    code, out, _ = run(capsys, "track", "bücher.de")
    assert code == 0 and "bücher.de" in out and "xn--" not in out


def test_export_before_the_first_check_keeps_the_imported_anchor_and_kind(capsys) -> None:  # type: ignore[no-untyped-def]
    """QA 13: an export right after an import shows what the file said (anchor, nofollow/ugc)."""
    run(capsys, "track", "fietsenmaker-zwolle.nl")
    assert run_json(capsys, "import", "fietsenmaker-zwolle.nl", str(DATA / "semrush_backlinks.csv"))["added"] >= 2
    code, out, _ = run(capsys, "export", "fietsenmaker-zwolle.nl")
    rows = {r["source_url"]: r for r in csv.DictReader(io.StringIO(out))}
    life = rows["https://www.zwollelife.nl/shoppen/fietsenwinkels"]
    assert (life["status"], life["anchor"], life["kind"], life["follow"]) == ("pending", "Fietsenmaker Zwolle", "dofollow", "true")
    forum = rows["https://fietsforum.nl/threads/goede-fietsenmaker-zwolle.23311/"]
    assert (forum["anchor"], forum["kind"], forum["follow"]) == ('deze "fietsenmaker", echt top', "ugc", "false")
    data = run_json(capsys, "export", "fietsenmaker-zwolle.nl")
    assert {b["source_url"]: b["kind"] for b in data["backlinks"]}[life["source_url"]] == "dofollow"
