"""``backlinks faq`` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.cli import main


def test_json_answer_has_exactly_the_contract_keys(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["faq", "--json", "Hoe snel werken backlinks?"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"answered", "answer", "lang", "topic", "score"}
    assert out["answered"] is True and out["lang"] == "nl" and out["topic"] == "how-fast"
    assert "2-4 maanden" in out["answer"]


def test_plain_answer_is_readable_text(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["faq", "what", "is", "a", "natural", "anchor", "text", "mix?"]) == 0
    out = capsys.readouterr().out
    assert "natural anchor mix" in out and "*" not in out.split("\n")[0]
    assert "Try: backlinks anchors yoursite.nl" in out
    assert "Related questions:" in out


def test_empty_question_is_one_sentence_error(capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (["faq", ""], ["faq"], ["faq", "  ?  "]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err


def test_declined_questions_are_recorded_per_workspace(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["faq", "--json", "--workspace", "T_A", "wat wordt het weer morgen?"]) == 0
    assert json.loads(capsys.readouterr().out)["answered"] is False
    assert main(["faq", "--workspace", "T_A", "Wat is link decay?"]) == 0  # answered: not recorded
    capsys.readouterr()
    assert main(["faq", "unanswered", "--json", "--workspace", "T_A"]) == 0
    rows = json.loads(capsys.readouterr().out)["unanswered"]
    assert [r["text"] for r in rows] == ["wat wordt het weer morgen?"]
    assert main(["faq", "unanswered", "--json", "--workspace", "T_B"]) == 0
    assert json.loads(capsys.readouterr().out)["unanswered"] == []
    assert main(["faq", "unanswered", "--workspace", "T_B"]) == 0
    assert "No unanswered questions" in capsys.readouterr().out


def test_help_does_not_load_the_knowledge_base() -> None:
    code = (
        "import sys\n"
        "from bot.cli import build_parser\n"
        "build_parser()\n"
        "loaded = [m for m in sys.modules if m.startswith('bot.faq.') and m != 'bot.faq.model']\n"
        "print(','.join(loaded))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_forced_language(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["faq", "--json", "--lang", "en", "hoe snel werken backlinks?"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["lang"] == "en" and "2-4 months" in out["answer"]


def test_terminal_text_has_no_slack_markup_but_json_keeps_it(capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.commands.faq import _plain

    assert _plain("a *nofollow* link is _still_ worth it, see <https://x.nl/a|the guide> or <https://y.nl>") == (
        "a nofollow link is still worth it, see the guide (https://x.nl/a) or https://y.nl"
    )
    assert _plain("snake_case and 2*3*4 stay; `/backlinks toxic` and `<a href>` &amp; ~old~") == (
        "snake_case and 2*3*4 stay; `backlinks toxic` and `<a href>` & old"
    )
    assert main(["faq", "is a nofollow link worth anything?"]) == 0
    out = capsys.readouterr().out
    assert "nofollow" in out and "*nofollow*" not in out and "/backlinks" not in out
    assert main(["faq", "--json", "is a nofollow link worth anything?"]) == 0
    assert "*nofollow*" in json.loads(capsys.readouterr().out)["answer"]
