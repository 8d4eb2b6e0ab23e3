"""``backlinks inspect`` end to end: saved pages, a manifest, and pages fetched from a local web."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.localweb import LocalWeb

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "placement"
KEYS = {"url", "final_url", "status", "error", "content_type", "robots", "canonical", "outbound_links", "links"}
LINK_KEYS = {"href", "anchor", "rel", "kind", "follow", "placement"}

PAGE = """<!doctype html><html><head><title>Blog</title><base href="/posts/"></head><body>
<nav><a href="https://mysite.nl/">home of mysite</a></nav>
<article><p>We bought our bread at <a href="https://www.MySite.nl/bakery" rel="Sponsored, NOFOLLOW">the bakery on the corner</a>
and loved it. Read <a href="relative.html">more</a>.</p></article>
<!-- <a href="https://mysite.nl/in-comment">hidden</a> -->
<a href="https://mysite.nl.evil.com/">look-alike</a>
<a href="mailto:info@mysite.nl">mail</a>
<footer><a href="https://mysite.nl/"><img src="logo.png" alt="MySite logo"></a></footer>
</body></html>"""


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_saved_page_with_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "page.html.gz"
    html.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    code, out, _ = run_cli(capsys, "inspect", "https://blog.example/a/", "--html", str(html), "--target", "mysite.nl", "--json")
    assert code == 0
    page = json.loads(out)
    assert KEYS <= page.keys()
    hrefs = [link["href"] for link in page["links"]]
    # Only links to mysite.nl: not the look-alike, the mailto or the one inside a comment.
    assert hrefs == ["https://mysite.nl/", "https://www.MySite.nl/bakery", "https://mysite.nl/"]
    bakery = page["links"][1]
    assert set(bakery) == LINK_KEYS
    assert bakery["kind"] == "sponsored" and bakery["follow"] is False
    assert bakery["placement"] == "content"
    assert page["links"][2]["anchor"] == "MySite logo"


def test_all_links_without_target_resolve_base_href(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "page.html"
    html.write_text(PAGE, encoding="utf-8")
    code, out, _ = run_cli(capsys, "inspect", "https://blog.example/a/", "--html", str(html), "--json")
    assert code == 0
    hrefs = [link["href"] for link in json.loads(out)["links"]]
    assert "https://blog.example/posts/relative.html" in hrefs
    assert not any(h.startswith("mailto:") for h in hrefs)


@pytest.mark.skipif(not EVAL.exists(), reason="shared eval data not present")
def test_manifest_keeps_ids_one_line_per_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (EVAL / "manifest.jsonl").read_text().splitlines()[:5]
    manifest = tmp_path / "m.jsonl"
    entries = [json.loads(line) for line in lines]
    for entry in entries:
        entry["html_path"] = str(EVAL / entry["html_path"])
    entries.append({"id": "missing", "url": "https://x.example/", "html_path": "nope.html"})
    manifest.write_text("\n".join(json.dumps(e) for e in entries) + "\n")
    code, out, _ = run_cli(capsys, "inspect", "--manifest", str(manifest), "--json")
    assert code == 0
    pages = [json.loads(line) for line in out.splitlines()]
    assert [p["id"] for p in pages] == [e["id"] for e in entries]
    assert all(KEYS <= p.keys() for p in pages)
    assert all(p["links"] for p in pages[:5])
    assert pages[-1]["error"] == "unreadable"


async def test_fetched_page_from_local_web(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "1")
    async with LocalWeb() as web:
        blog = await web.add_host("blog.example")
        blog.page("/old", PAGE)
        blog.redirect("/moved", "/old", status=301)
        code = await asyncio.to_thread(main, ["inspect", blog.direct_url("/moved"), "--target", "mysite.nl", "--json"])
        page = json.loads(capsys.readouterr().out)
    assert code == 0
    assert page["status"] == 200 and page["error"] is None
    assert page["final_url"] == blog.direct_url("/old")
    assert len(page["links"]) == 3


async def test_blocked_address_sends_nothing(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BACKLINKS_ALLOW_PRIVATE_NETWORKS", "0")
    async with LocalWeb() as web:
        host = await web.add_host("internal.example", ip="127.0.0.1")
        host.page("/", PAGE)
        code = await asyncio.to_thread(main, ["inspect", host.direct_url("/"), "--json"])
        page = json.loads(capsys.readouterr().out)
        assert host.requests == []
    assert code == 0
    assert page["error"] == "blocked-address" and page["links"] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["inspect", "--json"],
        ["inspect", "not-a-url", "--json"],
        ["inspect", "ftp://example.nl/", "--json"],
        ["inspect", "https://example.nl/", "--html", "/no/such/file.html"],
        ["inspect", "--manifest", "/no/such/manifest.jsonl"],
        ["inspect", "https://example.nl/", "--target", "not a domain"],
    ],
)
def test_bad_input_is_one_sentence(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
