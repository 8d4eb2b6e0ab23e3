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
