"""Streaming web-graph import on small files in Common Crawl's format."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from bot.commoncrawl import graph as G
from bot.commoncrawl.graph import import_graph, reverse_name
from bot.errors import UserInputError
from tests.commoncrawl import graphfiles as F


def run(files: dict[str, list[Path]], sites=("site.nl", "rival.nl"), **kwargs) -> G.GraphResult:  # type: ignore[no-untyped-def]
    return import_graph(files["vertices"], files["edges"], sites, ranks=files.get("ranks", ()), **kwargs)


def test_referring_domains_ranks_and_malformed_lines(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    result = run(F.write_graph(tmp_path), progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert result.referring == F.EXPECTED
    assert result.found == {"site.nl", "rival.nl"} and result.missing == set()
    v, e = result.passes["vertices"], result.passes["edges"]
    assert (v.lines, v.malformed) == (len(F.VERTICES) + 3, 3)
    assert v.malformed_lines == [("cc-main-test-domain-vertices.txt.gz", n) for n in (4, 5, 6)]
    assert (e.lines, e.malformed) == (len(F.EDGES) + 4, 3)
    assert e.malformed_lines == [("cc-main-test-domain-edges.txt.gz", n) for n in (5, 6, 7)]
    # ranks only for referring domains; the file's malformed line counted
    assert set(result.ranks) == {"forum.nl", "shop.co.uk", "evil.com", "blog.nl", "site.nl"}  # not example.com
    assert result.ranks["forum.nl"][0] == 12 and result.ranks["forum.nl"][1] > result.ranks["evil.com"][1]
    assert result.passes["ranks"].malformed == 1
    # progress: every phase, ending at its total
    phases = [p for p, _, _ in seen]
    assert [p for p in dict.fromkeys(phases)] == ["vertices", "edges", "names", "ranks"]
    last = {p: (d, t) for p, d, t in seen}
    assert all(done == total for done, total in last.values())


def test_fast_and_slow_paths_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = F.write_graph(tmp_path / "clean", malformed=False, gz=False)
    fast = run(clean)
    monkeypatch.setattr(G, "FIND_LIMIT", 0)  # every block line by line
    slow = run(clean)
    assert fast.referring == slow.referring == F.EXPECTED
    assert fast.ranks == slow.ranks
    assert fast.passes["edges"].lines == slow.passes["edges"].lines == len(F.EDGES)
    assert fast.passes["vertices"].malformed == slow.passes["vertices"].malformed == 0


def test_split_files_plain_text_and_crlf(tmp_path: Path) -> None:
    files = F.write_graph(tmp_path / "split", gz=False, split_edges=True)
    assert run(files).referring == F.EXPECTED
    crlf = tmp_path / "crlf"
    crlf.mkdir()
    for kind in ("vertices", "edges"):
        src = files[kind][0]
        (crlf / src.name).write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    result = import_graph([crlf / files["vertices"][0].name], [crlf / files["edges"][0].name, files["edges"][1]], ["site.nl", "rival.nl"])
    assert result.referring == F.EXPECTED


def test_empty_fields_on_wanted_lines_are_counted(tmp_path: Path) -> None:
    files = F.write_graph(tmp_path, gz=False, malformed=False)
    edges = tmp_path / "edges-empty.txt"
    edges.write_bytes(files["edges"][0].read_bytes() + b"\t6\n")  # no from_id, to a wanted id
    vertices = tmp_path / "vertices-empty.txt"
    vertices.write_bytes(files["vertices"][0].read_bytes() + b"\tnl.rival\t1\n")  # no id, a wanted name
    result = import_graph([vertices], [edges], ["site.nl", "rival.nl"])
    assert result.referring == F.EXPECTED
    assert (result.passes["edges"].malformed, result.passes["vertices"].malformed) == (1, 1)


def test_multi_member_gzip(tmp_path: Path) -> None:
    files = F.write_graph(tmp_path, gz=False, malformed=False)
    text = files["edges"][0].read_bytes()
    cut = text.index(b"\n", len(text) // 2) + 1
    multi = tmp_path / "multi-edges.txt.gz"
    multi.write_bytes(gzip.compress(text[:cut]) + gzip.compress(text[cut:]) + b"\x00" * 16)  # as concatenated parts
    result = import_graph(files["vertices"], [multi], ["site.nl", "rival.nl"])
    assert result.referring == F.EXPECTED and result.passes["edges"].lines == len(F.EDGES)


def test_blocks_cut_lines_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = F.write_graph(tmp_path, gz=True)
    for size in (3, 7, 64):
        monkeypatch.setattr(G, "BLOCK", size)
        result = run(files)
        assert result.referring == F.EXPECTED
        assert result.passes["edges"].malformed == 3


def test_host_graph_maps_hosts_to_domains(tmp_path: Path) -> None:
    result = run(F.write_host_graph(tmp_path), sites=("site.nl",))
    # www.site.nl and site.nl are the site; shop.blog.nl and www.blog.nl are blog.nl; www.sitex.nl is not the site
    assert result.referring == {"site.nl": {"blog.nl", "sitex.nl"}}


def test_missing_site_and_bad_input(tmp_path: Path) -> None:
    files = F.write_graph(tmp_path)
    result = run(files, sites=("site.nl", "unknown.nl"))
    assert result.found == {"site.nl"} and result.missing == {"unknown.nl"}
    assert result.referring["unknown.nl"] == set()
    with pytest.raises(UserInputError, match="no file"):
        import_graph([tmp_path / "nope.gz"], files["edges"], ["site.nl"])
    with pytest.raises(UserInputError):
        import_graph(files["vertices"], files["edges"], [])
    broken = tmp_path / "broken-edges.txt.gz"
    broken.write_bytes(gzip.compress(b"1\t6\n" * 5000)[:-20])
    with pytest.raises(UserInputError, match="damaged"):
        import_graph(files["vertices"], [broken], ["site.nl"])


def test_reverse_name() -> None:
    assert reverse_name("example.co.uk") == "uk.co.example"
    assert reverse_name(reverse_name("a.b.c")) == "a.b.c"


def test_giving_up_mid_file_stops_the_inflating_thread(tmp_path: Path) -> None:
    import threading

    edges = tmp_path / "big-edges.txt.gz"
    edges.write_bytes(gzip.compress(b"1\t2\n" * 1_000_000))

    def fail(block: bytes, name: str, first: int, stats: G.PassStats) -> int:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        G._run_pass([edges], "edges", None, fail)
    assert not [t for t in threading.enumerate() if t.name.startswith("inflate-")]
