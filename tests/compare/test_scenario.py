"""The whole path on a local web: exports imported for two own sites and a competitor, every link
verified live by the real checker, then compare and gap from the live facts (not the exports' claims).

The web (every page written here; expected answers worked out by hand below):

============  ===================================================================  =================
page          links                                                                 live for
============  ===================================================================  =================
blog.nl/post  mysite.nl (content, dofollow), rival.nl (content, dofollow)           mysite, rival
news.nl/item  rival.nl (content, dofollow), mysite.nl (footer, nofollow)            rival, mysite
forum.nl/t    rival.nl (comment, rel=ugc)        -- the export claims dofollow      rival
gids.nl/list  rival.nl (sidebar, dofollow), shop2.nl (sidebar, dofollow)            rival, shop2
dead.nl/old   404                                -- the export claims a link        nobody
moved.nl/p    no link any more                   -- the export claims a link        nobody
============  ===================================================================  =================
"""

from __future__ import annotations

import json
import os

from bot.check.engine import check_site
from bot.cli import main
from storage.store import Store
from tests.localweb import LocalWeb

T = "T1"
HEAD = "Referring page URL,Referring page title,Domain rating,Target URL,Anchor,Type,Nofollow,First seen,Last seen\n"


def export(rows: list[tuple[str, str, str]]) -> str:
    return HEAD + "".join(f"{src},Title,10,{target},{anchor},text,false,2026-01-02,2026-11-01\n" for src, target, anchor in rows)


def article(inner: str, footer: str = "", aside: str = "") -> str:
    return (
        "<html><head><title>Page</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
        "<h1>Een artikel</h1><p>Dit is een lang genoeg stuk tekst over brood, taart en het bakkersvak in Utrecht. "
        f"{inner} Meer tekst zodat dit duidelijk de inhoud van de pagina is.</p></article></main>"
        f"<aside>{aside}</aside><footer>{footer}</footer></body></html>"
    )


async def test_import_check_compare_gap(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (["track", "mysite.nl"], ["track", "shop2.nl"], ["track", "rival.nl", "--competitor-of", "mysite.nl"],
                 ["track", "rival.nl", "--competitor-of", "shop2.nl"]):
        assert main([*argv, "--workspace", T]) == 0, argv
    files = {
        "mysite.nl": export([("http://blog.nl/post", "https://mysite.nl/", "Mysite"), ("http://news.nl/item", "https://mysite.nl/", "mysite.nl")]),
        "shop2.nl": export([("http://gids.nl/list", "https://shop2.nl/", "Shop2")]),
        "rival.nl": export([(f"http://{p}", "https://rival.nl/", "rival") for p in ("blog.nl/post", "news.nl/item", "forum.nl/t", "gids.nl/list", "dead.nl/old", "moved.nl/p")]),
    }
    for site, text in files.items():
        path = tmp_path / f"ahrefs-{site}.csv"
        path.write_text(text, encoding="utf-8")
        assert main(["import", site, str(path), "--workspace", T]) == 0
    capsys.readouterr()

    # before any check nothing is live: no comparison figures, no gap
    assert main(["gap", "mysite.nl", "--json", "--workspace", T]) == 0
    assert json.loads(capsys.readouterr().out)["gap"] == []

    async with LocalWeb() as web:
        (await web.add_host("blog.nl")).page("/post", article("Lees <a href='https://mysite.nl/'>Mysite</a> en <a href='https://www.rival.nl/'>Rival</a>."))
        (await web.add_host("news.nl")).page("/item", article("Volgens <a href='https://rival.nl/'>Rival</a> klopt dit.", footer="<a rel='nofollow' href='https://mysite.nl/'>mysite.nl</a>"))
        (await web.add_host("forum.nl")).page("/t", "<html><body><main><p>Vraag over taart</p></main><div class='comments' id='comments'><div class='comment'><p>Kijk bij <a rel='ugc' href='https://rival.nl/'>rival</a></p></div></div></body></html>")
        (await web.add_host("gids.nl")).page("/list", article("Een gids.", aside="<a href='https://rival.nl/'>Rival</a> <a href='https://shop2.nl/'>Shop2</a>"))
        (await web.add_host("dead.nl")).status("/old", 404)
        (await web.add_host("moved.nl")).page("/p", article("Hier stond ooit een link."))
        store = Store(os.environ["BACKLINKS_DB"])
        try:
            async with web.fetcher(max_retries=0) as fetcher:
                for site in ("mysite.nl", "shop2.nl", "rival.nl"):
                    await check_site(store, fetcher, T, site)
        finally:
            await store.aclose()

    assert main(["compare", "mysite.nl", "--json", "--workspace", T]) == 0
    data = json.loads(capsys.readouterr().out)
    sites = {s["site"]: s for s in data["sites"]}
    me, rival = sites["mysite.nl"], sites["rival.nl"]
    assert (me["live_links"], me["referring_domains"], me["dofollow_share"], me["content_share"]) == (2, 2, 0.5, 0.5)
    # live facts, not claims: dead.nl and moved.nl are not counted, forum.nl's ugc link does not follow
    assert (rival["live_links"], rival["referring_domains"], rival["dofollow_share"], rival["content_share"]) == (4, 4, 0.75, 0.5)
    assert me["new_30d"] == 2 and rival["new_30d"] == 4
    assert [g["domain"] for g in data["gap"]] == ["gids.nl", "forum.nl"]
    assert data["gap"][0] == {"domain": "gids.nl", "links_to": ["rival.nl"], "pages": 1, "dofollow": True, "editorial": False,
                              "authority": None, "example_url": "http://gids.nl/list", "was_linking": False}
    assert data["leader"]["site"] == "rival.nl" and {e["domain"] for e in data["leader"]["examples"]} == {"forum.nl", "gids.nl"}

    assert main(["gap", "shop2.nl", "--json", "--workspace", T]) == 0
    shop = json.loads(capsys.readouterr().out)
    assert [g["domain"] for g in shop["gap"]] == ["blog.nl", "news.nl", "forum.nl"]
