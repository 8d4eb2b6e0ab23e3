"""Cell parsers: dates, booleans, URLs and rel tokens."""

from __future__ import annotations

import pytest

from bot.imports.values import BadUrl, clean_url, parse_bool, parse_date, rel_flags


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04 09:12:33", "2026-03-04"),
        ("2026-03-04T09:12:33Z", "2026-03-04"),
        ("2026/3/4", "2026-03-04"),
        ("20260304", "2026-03-04"),
        ("20260304091233", "2026-03-04"),
        ("04-03-2026", "2026-03-04"),  # Dutch: day first
        ("04.03.2026", "2026-03-04"),
        ("03/04/2026", "2026-03-04"),  # US: month first
        ("25/12/2025", "2025-12-25"),  # a part over 12 decides
        ("12-25-2025", "2025-12-25"),
        ("Mar 4, 2026", "2026-03-04"),
        ("March 4, 2026", "2026-03-04"),
        ("4 Mar 2026", "2026-03-04"),
        ("4 mrt. 2026", "2026-03-04"),
        ("4 maart 2026", "2026-03-04"),
        ("17 okt 2025", "2025-10-17"),
        ("4-mrt-2026", "2026-03-04"),
        ("04/03/26", "2026-04-03"),
    ],
)
def test_dates_to_iso(raw: str, iso: str) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["", "   ", None, "never", "2026-13-45", "31/31/2026", "soon 2026", "1234567"])
def test_unreadable_dates_are_none(raw: str | None) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [("true", True), ("TRUE", True), ("1", True), ("yes", True), ("Ja", True), ("+", True),
     ("false", False), ("FALSE", False), ("0", False), ("no", False), ("Nee", False), ("-", False),
     ("", None), ("maybe", None), (None, None)],
)
def test_booleans(raw: str | None, value: bool | None) -> None:
    assert parse_bool(raw) is value


@pytest.mark.parametrize(
    ("raw", "flags"),
    [("nofollow", (True, False, False)), ("NoFollow UGC", (True, True, False)), ("sponsored,nofollow", (True, False, True)),
     ("follow", (False, False, False)), ("", (False, False, False)), ("text", (None, None, None)), (None, (None, None, None))],
)
def test_rel_tokens(raw: str | None, flags: tuple) -> None:
    assert rel_flags(raw) == flags


def test_clean_url_normalises_scheme_host_port_and_fragment() -> None:
    assert clean_url("HTTPS://WWW.Example.NL:443/Pad?q=1#top") == ("https://www.example.nl/Pad?q=1", "www.example.nl/Pad?q=1")
    assert clean_url("http://example.nl") == ("http://example.nl/", "example.nl/")
    assert clean_url("https://example.nl:8443/x")[0] == "https://example.nl:8443/x"
    # http and https of one page share a key (they merge as duplicates)
    assert clean_url("http://a.nl/x")[1] == clean_url("https://a.nl/x")[1]
    # IDN host: shown as given, keyed as punycode
    url, key = clean_url("https://Café.nl/menu")
    assert url == "https://café.nl/menu" and key == "xn--caf-dma.nl/menu"
    assert clean_url("www.voorbeeld.nl/pagina")[0] == "http://www.voorbeeld.nl/pagina"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("", "no-url"), ("   ", "no-url"), ("niet een url", "no-url"), ("mailto:info@a.nl", "not-http"),
     ("ftp://a.nl/file", "not-http"), ("javascript:void(0)", "not-http"), ("https://a b.nl/", "no-url"),
     ("https://a.nl:99999/", "no-url"), ("https:///pad", "no-url")],
)
def test_clean_url_refuses(raw: str, code: str) -> None:
    with pytest.raises(BadUrl) as info:
        clean_url(raw)
    assert info.value.code == code
