"""Unlinked mentions: case, diacritics, word boundaries, linked or not, the sentence around it."""

from __future__ import annotations

from bot.discover.mentions import brand_terms, find_mentions, mentions_in_html, page_text, sentence_around

SITE = "bakkerij-jansen.nl"


def html(body: str, head: str = "") -> str:
    return f"<html><head><title>Bakkerij Jansen</title>{head}</head><body>{body}</body></html>"


def sentences(body: str, *, domain: str = SITE, brands: tuple[str, ...] = ()) -> list[str]:
    return [m.sentence for m in mentions_in_html(html(body), "https://blog.nl/post", domain, brands)]


def test_default_terms_from_the_domain() -> None:
    assert brand_terms(SITE) == ("bakkerij-jansen.nl", "bakkerij jansen")
    assert brand_terms("ab.nl") == ("ab.nl",)  # a 2-letter label alone is too ambiguous
    assert brand_terms("xn--bcker-gra.nl", ["Bäcker"]) == ("Bäcker", "bäcker.nl")
    assert brand_terms(SITE, ["Bakkerij Jansen", "BAKKERIJ JANSEN", "Jansen Brood"]) == (
        "Bakkerij Jansen", "Jansen Brood", "bakkerij-jansen.nl",
    )


def test_case_diacritics_and_separators() -> None:
    got = mentions_in_html(
        html("<p>Wij kopen ons brood bij BÄKKERIJ  Jánsen. Ook bakkerij-jansen is bekend. Tag: #bakkerijjansen</p>"),
        "https://blog.nl/post", SITE,
    )
    assert [m.matched for m in got] == ["BÄKKERIJ Jánsen", "bakkerij-jansen", "bakkerijjansen"]
    assert got[0].sentence == "Wij kopen ons brood bij BÄKKERIJ Jánsen."
    assert all(m.brand == "bakkerij jansen" and not m.linked for m in got)


def test_no_match_inside_another_word() -> None:
    assert sentences("<p>De Jansens en Pietjansen wonen hier. Janssen ook.</p>", domain="jansen.nl") == []
    assert sentences("<p>Bakkerij Jansenhuis is iets anders. Superbakkerij Jansen ook.</p>") == []
    assert sentences("<p>Bel Jansen, of mail jansen@example.nl.</p>", domain="jansen.nl") == [
        "Bel Jansen, of mail jansen@example.nl."
    ]


def test_domain_mentions_with_www_and_paths() -> None:
    got = mentions_in_html(html("<p>Kijk op www.Bakkerij-Jansen.nl/contact voor openingstijden.</p>"), "https://b.nl/", SITE)
    assert [(m.brand, m.matched) for m in got] == [("bakkerij-jansen.nl", "Bakkerij-Jansen.nl")]
    assert sentences("<p>Kijk op notbakkerij-jansen.nl of superbakkerij-jansen.nl.</p>") == []
    other = mentions_in_html(html("<p>Niet bakkerij-jansen.nlx maar iets anders.</p>"), "https://b.nl/", SITE)
    assert [m.brand for m in other] == ["bakkerij jansen"]  # the name, not the domain


def test_linked_mentions_are_not_mentions_and_flag_pages_that_link() -> None:
    body = (
        '<p>Ons brood komt van <a href="https://www.bakkerij-jansen.nl/">Bakkerij Jansen</a>.</p>'
        "<p>Bakkerij Jansen bakt ook taarten.</p>"
    )
    got = mentions_in_html(html(body), "https://blog.nl/post", SITE)
    assert [(m.sentence, m.linked) for m in got] == [("Bakkerij Jansen bakt ook taarten.", True)]
    elsewhere = '<p>Volg <a href="https://facebook.com/bakkerijjansen">Bakkerij Jansen op Facebook</a>.</p>'
    got = mentions_in_html(html(elsewhere), "https://blog.nl/post", SITE)
    assert [(m.matched, m.linked) for m in got] == [("Bakkerij Jansen", False)]


def test_scripts_styles_head_and_templates_are_not_text() -> None:
    body = (
        "<script>var b = 'Bakkerij Jansen';</script><style>.bakkerij-jansen{}</style>"
        "<template><p>Bakkerij Jansen</p></template><noscript>Bakkerij Jansen</noscript><p>Niets.</p>"
    )
    assert sentences(body) == []


def test_sentence_is_the_one_around_the_mention_and_blocks_end_sentences() -> None:
    body = (
        "<h2>Brood</h2><p>Eerste zin over iets. Tweede zin noemt Bakkerij Jansen in Utrecht! Derde zin.</p>"
        "<ul><li>Lijst met Bakkerij Jansen</li><li>andere</li></ul>"
    )
    assert sentences(body) == ["Tweede zin noemt Bakkerij Jansen in Utrecht!", "Lijst met Bakkerij Jansen"]
    long = "woord " * 200 + "Bakkerij Jansen " + "woord " * 200
    text = page_text(html(f"<p>{long}</p>"), "https://b.nl/").text
    start = text.index("Bakkerij")
    got = sentence_around(text, start, start + 15)
    assert "Bakkerij Jansen" in got and len(got) <= 310 and got.startswith("…") and got.endswith("…")


def test_inline_tags_do_not_split_words_and_one_mention_per_sentence() -> None:
    got = mentions_in_html(html("<p>Bij <b>Bakkerij</b> <i>Jan</i>sen, ja Bakkerij Jansen.</p>"), "https://b.nl/", SITE)
    assert len(got) == 1 and got[0].matched == "Bakkerij Jansen"


def test_find_mentions_on_empty_pages() -> None:
    assert find_mentions(page_text("", "https://b.nl/"), SITE) == []
    assert mentions_in_html("<html><body></body></html>", "https://b.nl/", SITE) == []
