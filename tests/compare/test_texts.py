"""Every comparison text exists in Dutch and English with the same placeholders; Dutch renders."""

from __future__ import annotations

import string

from bot.compare.render import toxic_lines
from bot.compare.toxic import DomainToxicity, Reason, ToxicReport
from bot.texts.compare import TEXTS


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_same_placeholders() -> None:
    for key, variants in TEXTS.items():
        assert key.startswith("compare."), key
        assert set(variants) == {"en", "nl"}, key
        assert fields(variants["en"]) == fields(variants["nl"]), key


def test_dutch_toxic_report() -> None:
    report = ToxicReport(
        "mysite.nl",
        ("gambling",),
        (
            DomainToxicity("casino.nl", 75, "toxic", (Reason("spam-gambling", 0, {"hits": 9, "niche": True}), Reason("link-farm", 35, {"pages": 3, "anchor": "taart"})), 3, 3, 3),
            DomainToxicity("gone.nl", None, "unknown", (), 1, 0, 1, "keep", ("page-not-found",)),
        ),
    )
    text = "\n".join(toxic_lines(report, "nl"))
    assert "1 toxisch" in text and "linkfarm" in text and "maar dat is je niche" in text
    assert "[behouden]" in text and "niet te lezen (page-not-found)" in text
