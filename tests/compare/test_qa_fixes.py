"""QA findings in comparison: never-checked competitors, keyed errors with surface syntax, limits."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.compare.compare import compare_sites
from bot.compare.gap import gap_report
from bot.errors import UserInputError
from bot.slack.blocks import error_text
from storage.sites import add_site
from tests.compare.helpers import L, put_links

T = "T1"


def world(db, *, rival_checked: bool) -> None:  # type: ignore[no-untyped-def]
    add_site(db, T, "mysite.nl")
    add_site(db, T, "rival.nl", competitor_of="mysite.nl")
    put_links(db, T, "mysite.nl", [L("https://blog.nl/a")])
    status = "live" if rival_checked else "pending"
    put_links(db, T, "rival.nl", [L("https://gem.nl/1", status=status), L("https://blog.nl/b", status=status)])


def test_gap_of_a_never_checked_competitor_is_unknown_not_empty(db, capsys) -> None:  # type: ignore[no-untyped-def]
    world(db, rival_checked=False)
    report = gap_report(db, T, "mysite.nl")
    assert report.items == [] and report.unchecked == ["rival.nl"]
    assert main(["gap", "mysite.nl", "--workspace", T]) == 0
    out = capsys.readouterr().out
    assert "rival.nl has not been checked yet" in out and "backlinks check rival.nl" in out
    assert "No link gap" not in out
    assert main(["gap", "mysite.nl", "--json", "--workspace", T]) == 0
    assert json.loads(capsys.readouterr().out)["unchecked"] == ["rival.nl"]
    assert main(["compare", "mysite.nl", "--workspace", T]) == 0
    out = capsys.readouterr().out
    assert "rival.nl has not been checked yet" in out and "No link gap" not in out
    assert main(["compare", "mysite.nl", "--json", "--workspace", T]) == 0
    assert json.loads(capsys.readouterr().out)["unchecked"] == ["rival.nl"]


def test_checked_competitor_is_not_flagged(db) -> None:  # type: ignore[no-untyped-def]
    world(db, rival_checked=True)
    assert gap_report(db, T, "mysite.nl").unchecked == []
    assert compare_sites(db, T, "mysite.nl").unchecked == []
    assert [g.domain for g in gap_report(db, T, "mysite.nl").items] == ["gem.nl"]


def test_dutch_not_checked_text(db) -> None:  # type: ignore[no-untyped-def]
    from bot.compare.render import gap_lines

    lines = gap_lines("mysite.nl", ["rival.nl"], [], "nl", slack=True, unchecked=["rival.nl"])
    assert lines == ["rival.nl is nog niet gecontroleerd, dus de links tellen nog niet mee; draai eerst /backlinks check rival.nl."]


def test_no_competitors_error_is_keyed_with_cli_and_slack_syntax(db) -> None:  # type: ignore[no-untyped-def]
    add_site(db, T, "mijnsite.nl")
    with pytest.raises(UserInputError) as info:
        gap_report(db, T, "mijnsite.nl")
    err = info.value
    assert str(err).endswith("track one with: backlinks track COMPETITOR --competitor-of mijnsite.nl")
    slack_nl = error_text(err, "nl")
    assert "nog geen concurrenten" in slack_nl and "/backlinks track CONCURRENT competitor-of mijnsite.nl" in slack_nl
    assert "--competitor-of" not in slack_nl


@pytest.mark.parametrize("argv", [
    ["gap", "mysite.nl", "--limit", "-1"],
    ["gap", "mysite.nl", "--limit", "0"],
    ["compare", "mysite.nl", "--gap-limit", "-1"],
    ["gap", "mysite.nl", "--limit", "x"],
    ["compare", "mysite.nl", "--gap-limit", "0"],
    ["faq", "unanswered", "--limit", "0"],
    ["commoncrawl", "gap", "mysite.nl", "--limit", "-5"],
])
def test_negative_or_zero_limits_are_refused_with_one_sentence(db, capsys, argv) -> None:  # type: ignore[no-untyped-def]
    world(db, rival_checked=True)
    with pytest.raises(SystemExit) as info:
        main([*argv, "--workspace", T])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "must be a whole number of 1 or more" in err and "Traceback" not in err


def test_toxic_mark_refuses_a_domain_that_does_not_link_unless_forced(db, capsys) -> None:  # type: ignore[no-untyped-def]
    from storage import compare_repo
    from storage.sites import require_site

    world(db, rival_checked=True)
    code = main(["toxic", "mark", "mysite.nl", "nooit-gezien.nl", "disavow", "--workspace", T])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() == (
        "error: nooit-gezien.nl has no known link to mysite.nl, so there is nothing to mark; check the name, or add --force to mark it anyway."
    )
    site = require_site(db, T, "mysite.nl")
    assert compare_repo.list_marks(db, T, site.id) == {}
    assert main(["toxic", "mark", "mysite.nl", "nooit-gezien.nl", "disavow", "--force", "--workspace", T]) == 0
    assert main(["toxic", "mark", "mysite.nl", "https://www.blog.nl/x", "keep", "--workspace", T]) == 0  # links: fine
    assert set(compare_repo.list_marks(db, T, site.id)) == {"nooit-gezien.nl", "blog.nl"}


def test_unknown_niche_is_refused_with_the_valid_ones(db, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.commands.toxic import NICHES
    from bot.compare.toxic import SPAM_TERMS

    assert set(NICHES) == set(SPAM_TERMS)
    world(db, rival_checked=True)
    with pytest.raises(SystemExit) as info:
        main(["toxic", "mysite.nl", "--niche", "casino", "--no-fetch", "--workspace", T])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'casino'" in err and "gambling" in err and "link-selling" in err
    assert main(["toxic", "mysite.nl", "--niche", "gambling", "--no-fetch", "--json", "--workspace", T]) == 0
    assert "gambling" in json.loads(capsys.readouterr().out)["niche"]


def test_anchors_json_with_no_links_is_not_called_natural(db, capsys) -> None:  # type: ignore[no-untyped-def]
    world(db, rival_checked=False)
    assert main(["anchors", "rival.nl", "--json", "--workspace", T]) == 0
    data = json.loads(capsys.readouterr().out)
    profile = data.get("profile", data)
    assert profile["live_links"] == 0 and profile["natural"] is None


def test_counts_of_one_are_singular() -> None:
    from bot.compare.render import gap_lines, leader_lines
    from bot.slack.blocks import sites_message
    from bot.compare.gap import GapDomain as G

    item = G("gem.nl", ("rival.nl",), 1, True, True, None, "https://gem.nl/1")
    assert gap_lines("mysite.nl", ["rival.nl"], [item], "en")[0] == "Link gap for mysite.nl: 1 referring domain links to rival.nl but not to mysite.nl."
    assert "1 verwijzend domein linkt" in gap_lines("mysite.nl", ["rival.nl"], [item], "nl")[0]
    assert "2 referring domains link" in gap_lines("mysite.nl", ["rival.nl"], [item, item._replace(domain="b.nl")], "en")[0]
    leader = {"site": "rival.nl", "referring_domains": 1, "exclusive_domains": 1, "examples": [{"domain": "gem.nl"}], "ahead_on": []}
    assert "with 1 referring domain (" in leader_lines(leader, "en")[0]
    row = {"domain": "mysite.nl", "role": "own", "live": 1, "lost": 0, "referring_domains": 1}
    text = str(sites_message("en", [row]).payload())
    assert "1 live link from 1 site" in text
    text = str(sites_message("nl", [{**row, "live": 3, "referring_domains": 2}]).payload())
    assert "3 actieve links van 2 sites" in text


def test_idn_sites_read_in_unicode_in_text_and_stay_punycode_in_json(db, capsys) -> None:  # type: ignore[no-untyped-def]
    add_site(db, T, "bücher.de")
    add_site(db, T, "bücherei.de", competitor_of="bücher.de")
    put_links(db, T, "bücherei.de", [L("https://schön.de/a")])
    put_links(db, T, "bücher.de", [L("https://blog.de/a")])
    assert main(["gap", "bücher.de", "--workspace", T]) == 0
    out = capsys.readouterr().out
    assert "Link gap for bücher.de: 1 referring domain links to bücherei.de" in out and "schön.de" in out and "xn--" not in out
    assert main(["gap", "bücher.de", "--json", "--workspace", T]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["site"] == "xn--bcher-kva.de" and data["gap"][0]["domain"] == "xn--schn-7qa.de"
