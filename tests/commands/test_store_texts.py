import string

from bot.texts.store import TEXTS


def fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_store_text_is_dutch_and_english_with_the_same_fields() -> None:
    for key, variants in TEXTS.items():
        assert key.startswith("store."), key
        assert set(variants) == {"en", "nl"}, key
        assert variants["en"].strip() and variants["nl"].strip(), key
        assert fields(variants["en"]) == fields(variants["nl"]), key


def test_store_errors_are_keyed_dutch_and_name_the_surfaces_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Errors carry a text key: English for str(), Dutch with err.text("nl"); the command prefix is a
    parameter (the CLI's by default, Slack sets "/backlinks")."""
    import pytest

    from bot.digest.compute import compute_digest
    from bot.errors import BacklinksError, NotFoundError, UserInputError
    from storage.db import connect
    from storage.sites import add_site, require_site

    db = connect(tmp_path / "keyed.db")
    with pytest.raises(NotFoundError) as err:
        require_site(db, "T", "nope.nl")
    assert str(err.value) == "nope.nl is not tracked in this workspace; start with: backlinks track nope.nl"
    err.value.params["cmd"] = "/backlinks"
    assert err.value.text("nl") == "nope.nl wordt in deze werkruimte niet gevolgd; begin met: /backlinks track nope.nl"
    add_site(db, "T", "mysite.nl")
    add_site(db, "T", "rival.nl", competitor_of="mysite.nl")
    raised: list[BacklinksError] = []
    for call in (lambda: add_site(db, "T", "mysite.nl", competitor_of="rival.nl"),
                 lambda: add_site(db, "T", "mysite.nl", competitor_of="mysite.nl"),
                 lambda: add_site(db, "T", "192.168.1.1"),
                 lambda: compute_digest(db, "T", "mysite.nl", days=0)):
        with pytest.raises(UserInputError) as caught:
            call()
        raised.append(caught.value)
    for error in raised:
        assert error.key is not None and error.text("nl") != str(error), error
    db.conn.close()


def test_untrack_of_an_unknown_site_does_not_suggest_tracking_it(capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main

    assert main(["untrack", "nope.nl"]) == 2
    err = capsys.readouterr().err
    assert err == "error: nope.nl is not tracked in this workspace, so there is nothing to stop; the tracked sites: backlinks sites\n"


def test_counts_read_right_for_one() -> None:
    """QA 13 grammar: no "1 referring domains" or "from 1 sites"."""
    from bot.i18n import t

    for lang in ("en", "nl"):
        quiet = t("digest.quiet", lang, site="a.nl", live=1, domains=1)
        fallback = t("digest.fallback", lang, site="a.nl", gained=1, lost=0, changed=0, live=1, domains=1)
        for text in (quiet, fallback):
            for wrong in ("1 domains", "1 domeinen", "1 sites", "1 live links", "1 actieve links"):
                assert wrong not in text, text
