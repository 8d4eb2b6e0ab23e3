from bot.errors import NotFoundError, UserInputError


def test_plain_message_is_its_own_text() -> None:
    err = UserInputError("Give a site.")
    assert str(err) == "Give a site." and err.text("nl") == "Give a site."


def test_keyed_error_is_english_by_default_and_localised_on_request() -> None:
    err = NotFoundError.keyed("common.error_prefix")
    assert str(err) == "error"
    assert err.text("nl") == "fout"
    assert err.text("nl-NL") == "fout"
