"""User-facing texts count nouns properly ('1 page' / '2 pages'), never 'page(s)' or 'pagina('s)'."""

from __future__ import annotations

import re

from bot.i18n import catalogue
from bot.plural import tn

BRACKET_PLURAL = re.compile(r"\((?:s|en|'s)\)")


def test_no_text_uses_a_bracketed_plural() -> None:
    offenders = [
        (key, lang, text)
        for key, texts in catalogue().items()
        for lang, text in texts.items()
        if BRACKET_PLURAL.search(text.replace("http(s)", ""))
    ]
    assert offenders == []


def test_every_singular_variant_has_its_plural_and_both_languages() -> None:
    cat = catalogue()
    for key in cat:
        if key.endswith(".one"):
            assert key[: -len(".one")] in cat, key
            assert set(cat[key]) >= {"en", "nl"}, key


def test_counted_texts_pick_singular_and_plural() -> None:
    assert tn("store.added", "en", 1, site="a.nl", added=1, merged=0) == "a.nl: 1 page added, 0 already known."
    assert tn("store.added", "en", 2, site="a.nl", added=2, merged=0) == "a.nl: 2 pages added, 0 already known."
    assert tn("store.added", "nl", 1, site="a.nl", added=1, merged=0) == "a.nl: 1 pagina toegevoegd, 0 waren al bekend."
    assert tn("store.added", "nl", 3, site="a.nl", added=3, merged=0) == "a.nl: 3 pagina's toegevoegd, 0 waren al bekend."
    assert tn("discover.watch_added", "nl", 1, site="a.nl", domains="b.nl") == "Voor a.nl wordt 1 domein extra gevolgd: b.nl."
    assert tn("discover.watch_added", "en", 2, site="a.nl", domains="b.nl, c.nl") == "Watching 2 more domains for a.nl: b.nl, c.nl."
    assert "1 domain," in tn("compare.disavow.written", "en", 1, site="a.nl", path="d.txt")
    assert "0 domains," in tn("compare.disavow.written", "en", 0, site="a.nl", path="d.txt")
