import pytest

from bot.domains import match_target, normalise_site, registrable_domain
from bot.errors import UserInputError


@pytest.mark.parametrize(
    "url",
    [
        "https://site.nl/",
        "http://www.site.nl/page?x=1",
        "HTTPS://WWW.SITE.NL",
        "https://shop.blog.site.nl/a#b",
        "http://site.nl.:8080/",
    ],
)
def test_matches_any_subdomain_scheme_and_case(url: str) -> None:
    assert match_target(url, {"site.nl"}) == "site.nl"


@pytest.mark.parametrize(
    "url",
    [
        "https://site.nl.evil.com/",
        "https://notsite.nl/",
        "https://evil.com/?u=site.nl",
        "https://evil.com/site.nl",
        "mailto:info@site.nl",
        "javascript:location='https://site.nl'",
        "ftp://site.nl/",
    ],
)
def test_look_alikes_do_not_match(url: str) -> None:
    assert match_target(url, {"site.nl"}) is None


def test_idn_unicode_and_punycode_are_the_same_site() -> None:
    assert normalise_site("bücher.de") == "xn--bcher-kva.de"
    assert match_target("https://www.BÜCHER.de/x", {"xn--bcher-kva.de"}) == "xn--bcher-kva.de"
    assert match_target("https://xn--bcher-kva.de/", {normalise_site("bücher.de")})


def test_registrable_domain_uses_public_suffixes() -> None:
    assert registrable_domain("www.shop.example.co.uk") == "example.co.uk"
    assert registrable_domain("a.github.io") == "a.github.io"
    assert registrable_domain("192.0.2.7") == "192.0.2.7"
    assert registrable_domain("co.uk") is None


@pytest.mark.parametrize("text", ["", "   ", "not a site", "http://", "https://exa mple.com"])
def test_bad_sites_are_one_clear_sentence(text: str) -> None:
    with pytest.raises(UserInputError) as err:
        normalise_site(text)
    assert str(err.value).endswith(".")


def test_site_from_url_and_slack_markup() -> None:
    assert normalise_site("https://www.MySite.nl/shop") == "mysite.nl"
    assert normalise_site("<http://mysite.nl|mysite.nl>") == "mysite.nl"


def test_ip_addresses_and_broken_punycode_are_not_sites() -> None:
    """QA 13: one sentence each; a very long argument is echoed clipped."""
    from bot.domains import display_domain, normalise_site

    for text in ("127.0.0.1", "192.168.1.1", "http://10.0.0.1/x", "[::1]"):
        with pytest.raises(UserInputError, match="IP address|not a domain"):
            normalise_site(text)
    with pytest.raises(UserInputError, match="international domain name"):
        normalise_site("xn--zz.nl")
    with pytest.raises(UserInputError) as err:
        normalise_site("a" * 5000)
    assert len(str(err.value)) < 200 and "…" in str(err.value)
    assert err.value.text("nl").endswith("geef een site zoals mijnsite.nl.")
    assert normalise_site("bücher.de") == "xn--bcher-kva.de" and display_domain("xn--bcher-kva.de") == "bücher.de"
    assert display_domain("mysite.nl") == "mysite.nl"
