"""Link extraction rules of ``analyse_html``: URLs, anchors, rel, page robots, canonical, matching."""

from __future__ import annotations

import pytest

from bot.analysis import analyse_html, links_to, page_to_json
from bot.analysis.links import kind_of, rel_tokens, resolve
from bot.analysis.model import LinkKind, Placement

PAGE = "https://blog.example.com/posts/a/page.html"


def hrefs(html: str, url: str = PAGE, **kw: object) -> list[str]:
    return [link.href for link in analyse_html(html, url, **kw).links]


def test_relative_links_resolve_against_the_page_url() -> None:
    html = '<a href="b.html">1</a><a href="/root">2</a><a href="../up/">3</a><a href="//cdn.example.org/x">4</a><a href="?q=1">5</a>'
    assert hrefs(html) == [
        "https://blog.example.com/posts/a/b.html",
        "https://blog.example.com/root",
        "https://blog.example.com/posts/up/",
        "https://cdn.example.org/x",
        "https://blog.example.com/posts/a/page.html?q=1",
    ]


def test_base_href_is_resolved_against_the_page_and_used_for_links() -> None:
    html = '<head><base href="/other/dir/"></head><body><a href="x.html">x</a><a href="/abs">y</a></body>'
    assert hrefs(html) == ["https://blog.example.com/other/dir/x.html", "https://blog.example.com/abs"]
    absolute_base = '<head><base href="https://cdn.example.net/b/"></head><a href="x">x</a>'
    assert hrefs(absolute_base) == ["https://cdn.example.net/b/x"]


def test_a_non_web_base_href_is_ignored() -> None:
    assert hrefs('<head><base href="javascript:alert(1)"></head><a href="x">x</a>') == ["https://blog.example.com/posts/a/x"]


def test_dot_segments_and_whitespace_inside_hrefs() -> None:
    html = '<a href="  /a/./b/../c  ">1</a><a href="https://site.nl/a\n/b">2</a><a href="/a/../../d">3</a>'
    assert hrefs(html) == ["https://blog.example.com/a/c", "https://site.nl/a/b", "https://blog.example.com/d"]


@pytest.mark.parametrize("href", [
    "mailto:info@site.nl", "MAILTO:info@site.nl", "javascript:void(0)", " JavaScript:go('https://site.nl')",
    "tel:+31201234567", "data:text/html,<a href=https://site.nl>", "#", "#section", "", "ftp://site.nl/file",
])
def test_non_web_empty_and_fragment_only_links_are_left_out(href: str) -> None:
    assert hrefs(f'<a href="{href}">x</a><a href="https://site.nl/">ok</a>') == ["https://site.nl/"]


def test_a_without_href_is_not_a_link() -> None:
    assert hrefs('<a name="top">x</a><a>y</a>') == []


def test_links_in_comments_script_template_noscript_svg_and_style_are_ignored() -> None:
    html = """<html><head><title>t</title></head><body>
    <!-- <a href="https://site.nl/comment">c</a> -->
    <script>document.write('<a href="https://site.nl/script">s</a>')</script>
    <script type="text/template"><a href="https://site.nl/tpl-script">t</a></script>
    <template><a href="https://site.nl/template">t</a></template>
    <noscript><a href="https://site.nl/noscript">n</a></noscript>
    <svg><a href="https://site.nl/svg">s</a></svg>
    <style>a[href="https://site.nl/style"]{}</style>
    <p>Visible <a href="https://site.nl/visible">link</a></p></body></html>"""
    assert hrefs(html) == ["https://site.nl/visible"]


def test_anchor_text_decodes_entities_collapses_whitespace_and_uses_image_alt() -> None:
    html = """<a href="/1">  Fish &amp;\n\t <b>Chips</b>&nbsp;shop </a>
    <a href="/2"><img src="logo.png" alt=" Site  logo "></a>
    <a href="/3"><img src="x.png"></a>
    <a href="/4"><img alt="ignored"> Text wins</a>"""
    anchors = [link.anchor for link in analyse_html(html, PAGE).links]
    assert anchors == ["Fish & Chips shop", "Site logo", "", "Text wins"]


@pytest.mark.parametrize(("rel", "tokens", "kind"), [
    (None, (), LinkKind.DOFOLLOW),
    ("", (), LinkKind.DOFOLLOW),
    ("noopener noreferrer", ("noopener", "noreferrer"), LinkKind.DOFOLLOW),
    ("NoFollow", ("nofollow",), LinkKind.NOFOLLOW),
    ("nofollow,UGC", ("nofollow", "ugc"), LinkKind.UGC),
    ("ugc , sponsored nofollow", ("ugc", "sponsored", "nofollow"), LinkKind.SPONSORED),
    ("  SPONSORED\tsponsored ", ("sponsored",), LinkKind.SPONSORED),
])
def test_rel_tokens_and_kind(rel: str | None, tokens: tuple[str, ...], kind: LinkKind) -> None:
    assert rel_tokens(rel) == tokens
    assert kind_of(tokens) is kind


def test_follow_is_false_when_rel_says_nofollow_ugc_or_sponsored() -> None:
    html = ('<a href="/a">a</a><a href="/b" rel="nofollow">b</a><a href="/c" rel="UGC">c</a>'
            '<a href="/d" rel="sponsored">d</a><a href="/e" rel="noopener">e</a>')
    links = analyse_html(html, PAGE).links
    assert [(l.kind.value, l.follow) for l in links] == [
        ("dofollow", True), ("nofollow", False), ("ugc", False), ("sponsored", False), ("dofollow", True)]
    assert links[1].rel == ("nofollow",)


@pytest.mark.parametrize(("meta", "noindex", "nofollow"), [
    ('<meta name="robots" content="noindex">', True, False),
    ('<meta name="ROBOTS" content="NoFollow">', False, True),
    ('<meta name="googlebot" content="noindex, nofollow">', True, True),
    ('<meta name="robots" content="none">', True, True),
    ('<meta name="robots" content="index, follow, max-snippet:-1">', False, False),
    ('<meta name="bingbot" content="noindex, nofollow">', False, False),
    ('<meta name="description" content="noindex nofollow">', False, False),
])
def test_meta_robots(meta: str, noindex: bool, nofollow: bool) -> None:
    analysis = analyse_html(f'<html><head>{meta}</head><body><a href="/x">x</a></body></html>', PAGE)
    assert (analysis.noindex, analysis.nofollow) == (noindex, nofollow)
    assert analysis.links[0].follow is (not nofollow)


@pytest.mark.parametrize(("header", "noindex", "nofollow"), [
    ("noindex", True, False),
    ("NOFOLLOW", False, True),
    ("noindex, nofollow", True, True),
    ("none", True, True),
    ("googlebot: noindex", True, False),
    ("googlebot: nofollow, noindex", True, True),
    ("bingbot: noindex, nofollow", False, False),
    ("otherbot: noindex, googlebot: nofollow", False, True),
    ("unavailable_after: 25 Jun 2030 15:00:00 PST", False, False),
    ("max-snippet: 20, nofollow", False, True),
    ("noarchive\nnoindex", True, False),
])
def test_x_robots_tag_header(header: str, noindex: bool, nofollow: bool) -> None:
    analysis = analyse_html('<a href="/x">x</a>', PAGE, x_robots_tag=header)
    assert (analysis.noindex, analysis.nofollow) == (noindex, nofollow)
    assert analysis.links[0].follow is (not nofollow)


def test_canonical_is_made_absolute() -> None:
    assert analyse_html('<head><link rel="canonical" href="/real"></head>', PAGE).canonical == "https://blog.example.com/real"
    assert analyse_html('<head><link rel="Canonical" href="https://other.nl/p"></head>', PAGE).canonical == "https://other.nl/p"
    with_base = '<head><base href="https://cdn.example.net/"><link rel="canonical" href="p"></head>'
    assert analyse_html(with_base, PAGE).canonical == "https://cdn.example.net/p"
    assert analyse_html('<head><link rel="alternate" href="/x"></head>', PAGE).canonical is None
    assert analyse_html("<p>no head</p>", PAGE).canonical is None


def test_outbound_links_count_other_registrable_domains() -> None:
    html = """<a href="/in">1</a><a href="https://www.example.com/x">2</a><a href="http://EXAMPLE.com:8080/">3</a>
    <a href="https://site.nl/">4</a><a href="https://shop.site.nl/">5</a><a href="https://example.com.evil.org/">6</a>
    <a href="https://xn--bcher-kva.de/">7</a>"""
    assert analyse_html(html, PAGE).outbound_links == 4


def test_links_to_matches_registrable_domain_and_never_look_alikes() -> None:
    html = """<a href="https://site.nl/">1</a><a href="http://WWW.Site.NL/page">2</a><a href="https://shop.site.nl/x">3</a>
    <a href="https://site.nl.evil.com/">x</a><a href="https://notsite.nl/">x</a><a href="https://evil.com/?u=site.nl">x</a>
    <a href="https://evil.com/site.nl">x</a><a href="mailto:me@site.nl">x</a><a href="javascript:location='https://site.nl'">x</a>
    <!-- <a href="https://site.nl/hidden">x</a> --><script>"<a href='https://site.nl/s'>"</script>"""
    matched = links_to(analyse_html(html, PAGE), ["site.nl"])
    assert [l.anchor for l in matched] == ["1", "2", "3"]


def test_links_to_handles_idn_targets() -> None:
    html = '<a href="https://www.bücher.de/">1</a><a href="https://xn--bcher-kva.de/x">2</a>'
    assert len(links_to(analyse_html(html, PAGE), ["xn--bcher-kva.de"])) == 2


def test_links_on_ip_address_pages_and_to_ip_targets() -> None:
    html = '<a href="http://192.0.2.7/x">ip</a><a href="/rel">rel</a>'
    analysis = analyse_html(html, "http://192.0.2.7/page")
    assert [l.href for l in links_to(analysis, ["192.0.2.7"])] == ["http://192.0.2.7/x", "http://192.0.2.7/rel"]
    assert analysis.outbound_links == 0


def test_page_to_json_shape_and_target_filter() -> None:
    html = ('<html><head><meta name="robots" content="noindex"><link rel="canonical" href="/c"></head><body>'
            '<a href="https://site.nl/a" rel="ugc">A</a><a href="https://other.nl/">B</a></body></html>')
    analysis = analyse_html(html, PAGE)
    data = page_to_json(analysis, targets=["site.nl"])
    assert data["robots"] == {"noindex": True, "nofollow": False}
    assert data["canonical"] == "https://blog.example.com/c"
    assert data["outbound_links"] == 2
    assert data["links"] == [{"href": "https://site.nl/a", "anchor": "A", "rel": ["ugc"], "kind": "ugc",
                              "follow": False, "placement": data["links"][0]["placement"]}]
    assert data["links"][0]["placement"] in {p.value for p in Placement}
    assert len(page_to_json(analysis)["links"]) == 2


def test_title_and_main_text() -> None:
    html = """<html><head><title>  Fish &amp; Chips  </title></head><body><nav><a href="/">Home</a></nav>
    <article><p>We fry fish, chips and more, every day of the week, since 1952 in Amsterdam.</p>
    <p>Read about <a href="https://site.nl/">our supplier</a> and their boats, nets and crew.</p></article>
    <footer>Copyright</footer></body></html>"""
    analysis = analyse_html(html, PAGE)
    assert analysis.title == "Fish & Chips"
    assert analysis.text is not None
    assert "since 1952 in Amsterdam" in analysis.text and "our supplier" in analysis.text
    assert "Copyright" not in analysis.text and "Home" not in analysis.text


def test_junk_hrefs_do_not_crash_and_never_match() -> None:
    html = '<a href="http://[broken/">1</a><a href="https://">2</a><a href="http:///x">3</a><a href="https://site.nl">ok</a>'
    analysis = analyse_html(html, PAGE)
    assert [l.anchor for l in links_to(analysis, ["site.nl"])] == ["ok"]
    assert resolve(None, PAGE) is None
    assert resolve("https://site.nl", PAGE) == "https://site.nl"


def test_links_in_excluded_parts_of_a_nav_or_footer_are_ignored_too() -> None:
    html = """<body><nav><ul><li><a href="https://site.nl/menu">Menu</a></li></ul>
    <svg><a href="https://site.nl/svg">s</a></svg><noscript><a href="https://site.nl/ns">n</a></noscript></nav>
    <footer><template><a href="https://site.nl/tpl">t</a></template><a href="https://site.nl/foot">Foot</a></footer></body>"""
    links = analyse_html(html, PAGE).links
    assert [(l.href, l.placement.value) for l in links] == [
        ("https://site.nl/menu", "navigation"), ("https://site.nl/foot", "footer")]
