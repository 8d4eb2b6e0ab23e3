"""``backlinks commoncrawl graph|scan|spark`` through ``bot.cli.main`` on a real database, and the
graph repository (workspace isolation, watch candidates, graph gap)."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

from bot.cli import main
from storage import commoncrawl_repo as repo
from storage.compare_repo import authority_for
from storage.db import connect
from storage.workspace import purge_workspace
from tests.commoncrawl import graphfiles as F
from tests.commoncrawl import watfiles as W


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def graph_args(files: dict[str, list[Path]], ranks: bool = True) -> list[str]:
    args = ["--vertices", str(files["vertices"][0])]
    for edge in files["edges"]:
        args += ["--edges", str(edge)]
    if ranks:
        args += ["--ranks", str(files["ranks"][0])]
    return args


def db():  # type: ignore[no-untyped-def]
    return connect(Path(os.environ["BACKLINKS_DB"]))


def test_graph_command_stores_domains_and_authority(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = F.write_graph(tmp_path, split_edges=True)
    assert run(capsys, "track", "site.nl")[0] == 0
    assert run(capsys, "track", "rival.nl", "--competitor-of", "site.nl")[0] == 0
    assert run(capsys, "track", "new-shop.nl")[0] == 0
    payload = run_json(capsys, "commoncrawl", "graph", *graph_args(files))  # every tracked site
    assert payload["graph"] == "cc-main-test-domain"
    assert payload["sites"] == {"new-shop.nl": 0, "rival.nl": 3, "site.nl": 4}
    assert payload["missing"] == ["new-shop.nl"]
    assert payload["passes"]["vertices"]["malformed"] == 3 and payload["passes"]["edges"]["malformed"] == 3
    assert [d["domain"] for d in payload["top"]["site.nl"]] == ["forum.nl", "shop.co.uk", "blog.nl", "evil.com"]
    d = db()
    stored = repo.graph_domains(d, "local", "site.nl")
    assert {g.domain for g in stored} == F.EXPECTED["site.nl"] and {g.graph for g in stored} == {"cc-main-test-domain"}
    assert authority_for(d, "local", ["forum.nl"])["forum.nl"].source == "common-crawl"
    assert repo.graph_counts(d, "local") == {"site.nl": 4, "rival.nl": 3, "new-shop.nl": 0}
    # the watch list gets the site's and its competitor's referring domains, never a tracked site
    assert repo.watch_candidates(d, "local", "site.nl") == {"evil.com", "blog.nl", "forum.nl", "shop.co.uk", "news.nl"}
    # graph gap: news.nl links to the rival, not to the site; forum.nl links to both
    assert [g.to_dict() for g in repo.graph_gap(d, "local", "site.nl")] == [
        {"domain": "news.nl", "links_to": ["rival.nl"], "authority": None}]
    gap = run_json(capsys, "commoncrawl", "gap", "site.nl")
    assert gap == {"site": "site.nl", "total": 1, "domains": [{"domain": "news.nl", "links_to": ["rival.nl"], "authority": None}]}
    code, out, _ = run(capsys, "commoncrawl", "gap", "rival.nl", "--competitor", "site.nl")
    assert code == 0 and "rival.nl: 3 domains" in out and "shop.co.uk  -> site.nl  (authority 80)" in out
    # readable output, and a re-import replaces a site's rows
    code, out, _ = run(capsys, "commoncrawl", "graph", *graph_args(files, ranks=False), "site.nl", "--top", "2")
    assert code == 0 and "site.nl: 4 referring domains" in out and "forum.nl" in out and "3 malformed" not in out
    assert "6 malformed lines skipped" in out
    # another workspace sees nothing and has its own rows
    assert repo.graph_counts(d, "T2") == {}
    assert purge_workspace(d, "local") > 0
    assert d.execute("SELECT COUNT(*) FROM cc_graph_domains").fetchone()[0] == 0


def test_graph_command_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = F.write_graph(tmp_path)
    code, _, err = run(capsys, "commoncrawl", "graph", *graph_args(files))
    assert code == 2 and "track one first" in err
    code, _, err = run(capsys, "commoncrawl", "graph", *graph_args(files), "site.nl")
    assert code == 2 and "not tracked" in err
    assert run(capsys, "track", "site.nl")[0] == 0
    code, _, err = run(capsys, "commoncrawl", "graph", "--vertices", str(tmp_path / "nope.gz"), "--edges",
                       str(files["edges"][0]), "site.nl")
    assert code == 2 and err.startswith("error: There is no file") and err.count("\n") == 1


def test_repo_requires_team_and_replaces(tmp_path: Path) -> None:
    from storage.sites import add_site

    d = db()
    add_site(d, "T1", "site.nl")
    assert repo.record_graph_domains(d, "T1", "site.nl", ["a.nl", "b.nl", "site.nl", "a.nl"], graph="g1") == 2
    assert repo.record_graph_domains(d, "T1", "site.nl", ["c.nl"], graph="g2") == 1
    assert [(g.domain, g.graph) for g in repo.graph_domains(d, "T1", "site.nl")] == [("c.nl", "g2")]
    with pytest.raises(ValueError):
        repo.graph_counts(d, "")
    with pytest.raises(Exception):
        repo.graph_domains(d, "T2", "site.nl")  # not tracked in that workspace


def test_scan_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastwarc")
    files, expected = W.scenario(tmp_path / "wat")
    listing = tmp_path / "wat.paths"
    listing.write_text("\n".join(str(f) for f in files) + "\n")
    payload = run_json(capsys, "commoncrawl", "scan", "--wat-list", str(listing), "--out", str(tmp_path / "out"),
                       "--workers", "1", "--format", "csv", "site.nl", "rival.nl")
    assert payload["rows"] == {"rival.nl": 2, "site.nl": 6} and payload["failed"] == []
    assert payload["stats"]["skipped_by_prefilter"] == 4  # the café.nl page too: not asked for
    code, out, _ = run(capsys, "commoncrawl", "scan", "--wat-list", str(listing), "--out", str(tmp_path / "out2"),
                       "--workers", "1", "--format", "csv", "site.nl")
    assert code == 0 and "Scanned 2 WAT files (0 failed)" in out and f"backlinks import SITE {tmp_path / 'out2'}" in out
    # tracked sites by default
    assert run(capsys, "track", "rival.nl")[0] == 0
    payload = run_json(capsys, "commoncrawl", "scan", "--wat-list", str(listing), "--out", str(tmp_path / "out3"),
                       "--workers", "1", "--format", "csv")
    assert payload["sites"] == ["rival.nl"] and payload["rows"] == {"rival.nl": 2}
    code, _, err = run(capsys, "commoncrawl", "scan", "--wat-list", str(tmp_path / "none"), "--out", str(tmp_path / "x"))
    assert code == 2 and "one WAT location a line" in err
    code, _, err = run(capsys, "commoncrawl", "scan", "--wat-list", str(listing), "--out", str(tmp_path / "x"), "not a site")
    assert code == 2 and "not a domain name" in err


def test_spark_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    listing = tmp_path / "wat.paths"
    listing.write_text("crawl-data/CC-MAIN-2024-10/segments/1/wat/x.warc.wat.gz\n")
    code, out, _ = run(capsys, "commoncrawl", "spark", "--wat-list", str(listing), "--out", str(tmp_path / "o"),
                       "--master", "local[2]", "--format", "csv", "--dry-run", "Site.NL")
    cmd = shlex.split(out)
    assert code == 0 and cmd[0].endswith("spark-submit") and cmd[1:3] == ["--master", "local[2]"]
    job = next(c for c in cmd if c.endswith(".py"))
    assert job.endswith("jobs/commoncrawl_backlinks.py") and Path(job).is_file()
    assert cmd[-1] == "site.nl" and cmd[cmd.index("--format") + 1] == "csv"
    # without pyspark: one clear sentence
    import builtins

    real_import = builtins.__import__

    def no_pyspark(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    code, _, err = run(capsys, "commoncrawl", "spark", "--wat-list", str(listing), "--out", str(tmp_path / "o"), "site.nl")
    assert code == 2 and "Spark is not installed" in err and err.count("\n") == 1


def test_texts_have_both_languages() -> None:
    from bot.texts.commoncrawl import TEXTS

    assert all(set(v) == {"en", "nl"} and all(v.values()) for v in TEXTS.values())
    assert all(key.startswith("commoncrawl.") for key in TEXTS)


def test_graph_command_refuses_files_that_are_not_graph_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import random

    files = F.write_graph(tmp_path)
    assert run(capsys, "track", "site.nl")[0] == 0
    junk = tmp_path / "photo.bin"
    junk.write_bytes(random.Random(7).randbytes(40_000))
    for flag, good in (("--vertices", "--edges"), ("--edges", "--vertices")):
        other = files["edges"][0] if flag == "--vertices" else files["vertices"][0]
        code, out, err = run(capsys, "commoncrawl", "graph", flag, str(junk), good, str(other), "site.nl")
        kind = flag[2:]
        assert code == 2 and err.startswith(f"error: The {kind} file is not a web-graph file") and err.count("\n") == 1
        assert "nothing was stored" in err and out == ""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "commoncrawl", "graph", "--vertices", str(empty), "--edges", str(files["edges"][0]), "site.nl")
    assert code == 2 and "not a web-graph file" in err
    assert db().execute("SELECT COUNT(*) FROM cc_graph_domains").fetchone()[0] == 0
    assert run(capsys, "commoncrawl", "graph", *graph_args(files, ranks=False), "site.nl")[0] == 0  # real files still fine
