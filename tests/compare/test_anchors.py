"""Anchor classification and unnatural-profile warnings."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.compare.anchors import AnchorClass, AnchorRules, anchor_profile, anchors_for, classify_anchor, default_brands
from storage.sites import add_site
from tests.compare.helpers import L, put_links

RULES = AnchorRules.for_site("jansen-bakkerij.nl", [], ["beste bakker utrecht", "taart bestellen"])


@pytest.mark.parametrize(
    "anchor, expected",
    [
        ("", AnchorClass.IMAGE),
        (None, AnchorClass.IMAGE),
        ("https://www.jansen-bakkerij.nl/taarten", AnchorClass.NAKED_URL),
        ("www.jansen-bakkerij.nl", AnchorClass.NAKED_URL),
        ("jansen-bakkerij.nl", AnchorClass.NAKED_URL),
        ("Jansen Bakkerij", AnchorClass.BRAND),
        ("JansenBakkerij", AnchorClass.BRAND),
        ("bakkerij Jansen Bakkerij in Utrecht", AnchorClass.BRAND),
        ("Klik hier", AnchorClass.GENERIC),
        ("lees meer »", AnchorClass.GENERIC),
        ("Click here!", AnchorClass.GENERIC),
        ("website", AnchorClass.GENERIC),
        ("bron", AnchorClass.GENERIC),
        ("Beste bakker Utrecht", AnchorClass.EXACT),
        ("beste bakkers utrecht", AnchorClass.EXACT),  # plural through the stemmer
        ("de beste bakker in Utrecht", AnchorClass.EXACT),  # stopwords ignored
        ("Taart bestellen?", AnchorClass.EXACT),
        ("de beste bakker utrecht voor bruiloften", AnchorClass.PARTIAL),
        ("bakker in Utrecht", AnchorClass.PARTIAL),  # 2 of 3 keyword words
        ("online taart", AnchorClass.PARTIAL),  # 1 of 2 (half, rounded up)
        ("Zo maak je zuurdesem", AnchorClass.OTHER),
        ("bakker", AnchorClass.OTHER),  # 1 of 3 is not enough
    ],
)
def test_classify(anchor, expected) -> None:  # type: ignore[no-untyped-def]
    assert classify_anchor(anchor, RULES) is expected


def test_default_brand_and_settable_brand() -> None:
    assert default_brands("jansen-bakkerij.co.uk") == ["jansen bakkerij"]
    rules = AnchorRules.for_site("jb.nl", ["Bakkerij Jansen"], [])
    assert classify_anchor("Bakkerij Jansen", rules) is AnchorClass.BRAND
    assert classify_anchor("jb", rules) is AnchorClass.OTHER  # an explicit brand list replaces the default


def test_natural_mix_has_no_warning() -> None:
    anchors = ["Jansen Bakkerij"] * 8 + ["jansen-bakkerij.nl"] * 4 + ["klik hier"] * 3 + ["beste bakker utrecht"] * 2 + ["artikel over brood"] * 3
    profile = anchor_profile(anchors, RULES)
    assert profile.total == 20 and profile.natural
    assert profile.counts["brand"] == 8 and profile.counts["exact-match"] == 2
    assert profile.shares["brand"] == 0.4


def test_ninety_percent_one_phrase_is_severe() -> None:
    profile = anchor_profile(["beste bakker utrecht"] * 18 + ["Jansen Bakkerij", "klik hier"], RULES)
    codes = {w.code: w for w in profile.warnings}
    assert codes["phrase-dominates"].severity == "severe" and codes["phrase-dominates"].share == 0.9
    assert "exact-match-heavy" in codes and "commercial-heavy" in codes


def test_thresholds() -> None:
    # 6 of 10 the same "other" phrase: > 50% -> warning (not severe); exact share 0
    profile = anchor_profile(["goedkope taarten online"] * 6 + ["Jansen Bakkerij"] * 4, RULES)
    assert [(w.code, w.severity) for w in profile.warnings] == [("phrase-dominates", "warning")]
    # exactly 50% is not more than half; 3 of 10 exact is not more than 30%
    profile = anchor_profile(["zuurdesem recept"] * 5 + ["Jansen Bakkerij"] * 2 + ["beste bakker utrecht"] * 3, RULES)
    assert profile.warnings == []
    # 4 of 10 exact (spread over two keywords) -> exact-match-heavy only
    profile = anchor_profile(["beste bakker utrecht"] * 2 + ["taart bestellen"] * 2 + ["Jansen Bakkerij"] * 6, RULES)
    assert [w.code for w in profile.warnings] == ["exact-match-heavy"]
    # brand dominance is natural
    assert anchor_profile(["Jansen Bakkerij"] * 30, RULES).warnings == []
    # too few links to judge
    assert anchor_profile(["beste bakker utrecht"] * 9, RULES).warnings == []


def test_anchors_for_site_and_cli(db, capsys) -> None:  # type: ignore[no-untyped-def]
    add_site(db, "T1", "jansen-bakkerij.nl")
    links = [L(f"https://spam{i}.example/p", anchor="beste bakker utrecht") for i in range(10)]
    links += [L("https://img.example/p", anchor=""), L("https://gone.example/p", status="lost", anchor="Jansen Bakkerij")]
    put_links(db, "T1", "jansen-bakkerij.nl", links)
    result = anchors_for(db, "T1", "jansen-bakkerij.nl")
    assert result.brands_default and result.brands == ("jansen bakkerij",)
    assert result.profile.total == 11  # the lost link does not count
    assert result.profile.counts["other"] == 10  # no keywords set yet
    assert main(["anchors", "jansen-bakkerij.nl", "--keyword", "beste bakker utrecht", "--brand", "Jansen", "--json", "--workspace", "T1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["keywords"] == ["beste bakker utrecht"] and data["brands"] == ["Jansen"] and not data["brands_default"]
    assert data["counts"]["exact-match"] == 10 and data["counts"]["image"] == 1
    assert {w["code"] for w in data["warnings"]} == {"phrase-dominates", "exact-match-heavy", "commercial-heavy"}
    assert main(["anchors", "jansen-bakkerij.nl", "--workspace", "T1"]) == 0  # the terms were saved
    out = capsys.readouterr().out
    assert "Serious warning" in out and "beste bakker utrecht" in out
