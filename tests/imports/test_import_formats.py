"""Every supported export, read from realistic sample files in tests/data/imports/."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from bot.imports import ImportedLink, ImportFileError, ImportFormat, parse_export

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def by_source(links: tuple[ImportedLink, ...]) -> dict[str, ImportedLink]:
    return {link.source_url: link for link in links}


def test_gsc_latest_links() -> None:
    result = parse_export(load("gsc_latest_links.csv"), "gsc_latest_links.csv")
    assert result.format is ImportFormat.GSC_LATEST
    assert result.format.found_by == "gsc"
    assert result.rows_read == 8
    # the "#reacties" row is the same page as the first: merged, keeping the latest crawl date
    assert result.duplicates_merged == 1
    links = by_source(result.links)
    assert len(links) == 7
    first = links["https://www.bakkerijdevries.nl/blog/lekkerste-broodjes-utrecht"]
    assert first.last_seen == "2026-03-05" and first.first_seen is None and first.target_url is None
    assert links["http://oudeblog.wordpress.com/2019/05/12/favoriete-adresjes/"].last_seen == "2025-11-02"
    assert result.rejected == ()


def test_gsc_dutch_headers_with_bom() -> None:
    result = parse_export(load("gsc_latest_links_nl.csv"))
    assert result.format is ImportFormat.GSC_LATEST
    assert [link.source_url for link in result.links] == [
        "https://www.kaasspeciaalzaak-amersfoort.nl/over-ons",
        "https://amersfoortsecourant.nl/lokaal/proeverij-centrum",
        "https://www.startpagina.nl/kaas/",
        "https://receptenblog.nl/recept/kaasfondue-met-oude-kaas/",
    ]
    assert result.links[0].last_seen == "2026-03-02"


def test_gsc_top_linking_sites_gives_domains_not_pages() -> None:
    result = parse_export(load("gsc_top_linking_sites.csv"))
    assert result.format is ImportFormat.GSC_TOP_SITES
    assert result.links == ()
    assert result.referring_domains == (
        "bakkerijdevries.nl", "utrechtsnieuws.nl", "broodbakken.nl", "wordpress.com", "linkedin.com", "pinterest.com",
    )
    assert result.rows_read == 6


def test_gsc_zip_as_downloaded_picks_the_links_and_the_sites() -> None:
    result = parse_export(load("gsc_links_export.zip"), "voorbeeldbakker.nl-links.zip")
    assert result.format is ImportFormat.GSC_LATEST
    assert len(result.links) == 7
    assert "pinterest.com" in result.referring_domains and len(result.referring_domains) == 6
    # "Top target pages.csv" lists the user's own pages: never imported as linking pages
    assert not any("voorbeeldbakker.nl" in link.source_url.split("/")[2] for link in result.links)
    assert result.rejected == ()


def test_gsc_zip_with_only_top_linking_sites() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("Top linking sites.csv", load("gsc_top_linking_sites.csv"))
        archive.writestr("Filters.csv", "Filter,Value\nSearch type,Web\n")
    result = parse_export(buf.getvalue())
    assert result.format is ImportFormat.GSC_TOP_SITES
    assert len(result.referring_domains) == 6


def test_ahrefs_utf16_tab_separated() -> None:
    data = load("ahrefs_backlinks_utf16.csv")
    assert data[:2] == b"\xff\xfe"
    result = parse_export(data)
    assert result.format is ImportFormat.AHREFS
    assert result.rows_read == 5 and result.duplicates_merged == 1
    links = by_source(result.links)
    gids = links["https://www.stadsgids-groningen.nl/eten-drinken/koffiebars"]
    assert gids == ImportedLink(
        source_url="https://www.stadsgids-groningen.nl/eten-drinken/koffiebars",
        target_url="https://koffiebranderij-noord.nl/",
        anchor="Koffiebranderij Noord",
        nofollow=False, ugc=False, sponsored=False,
        first_seen="2025-03-15",  # earliest of the two duplicate rows
        last_seen="2026-03-04",  # latest of the two
    )
    forum = links["https://forum.koffieliefhebbers.nl/t/verse-bonen/3312"]
    assert (forum.nofollow, forum.ugc, forum.sponsored) == (True, True, False)
    festival = links["https://koffiefestival-noord.nl/partners"]
    assert festival.sponsored is True and festival.anchor is None
    assert festival.target_url == "https://koffiebranderij-noord.nl/?ref=festival"


def test_ahrefs_utf8_csv_variant() -> None:
    result = parse_export(load("ahrefs_backlinks_utf8.csv"))
    assert result.format is ImportFormat.AHREFS
    assert len(result.links) == 3
    assert result.links[0].first_seen == "2025-04-02"


def test_semrush_semicolons_quotes_and_case_duplicates() -> None:
    result = parse_export(load("semrush_backlinks.csv"))
    assert result.format is ImportFormat.SEMRUSH
    assert result.rows_read == 5
    assert result.duplicates_merged == 1  # same page with an upper-case host
    links = by_source(result.links)
    life = links["https://www.zwollelife.nl/shoppen/fietsenwinkels"]
    assert (life.first_seen, life.last_seen) == ("2025-05-30", "2026-03-03")
    forum = links["https://fietsforum.nl/threads/goede-fietsenmaker-zwolle.23311/"]
    assert forum.anchor == 'deze "fietsenmaker", echt top' and forum.ugc is True and forum.nofollow is False
    assert links["https://www.wielerclub-isala.nl/sponsors"].sponsored is True
    assert links["https://zwolsnieuws.nl/2025/08/nieuwe-werkplaats-geopend"].nofollow is True


def test_semrush_comma_variant() -> None:
    text = ("Page ascore,Source title,Source url,Target url,Anchor,External links,Internal links,Nofollow,Sponsored,Ugc,"
            "First seen,Last seen\n"
            "30,Een titel,https://a.example.nl/p,https://mijnsite.nl/,mijn site,3,4,TRUE,FALSE,FALSE,2026-01-02,2026-02-03\n")
    result = parse_export(text.encode())
    assert result.format is ImportFormat.SEMRUSH
    assert result.links[0].nofollow is True and result.links[0].anchor == "mijn site"


def test_majestic_site_explorer_export() -> None:
    result = parse_export(load("majestic_backlinks.csv"))
    assert result.format is ImportFormat.MAJESTIC
    assert result.duplicates_merged == 1
    links = by_source(result.links)
    groen = links["https://www.groenlinks-tuinieren.nl/links"]
    assert (groen.first_seen, groen.last_seen, groen.nofollow) == ("2022-09-17", "2026-02-25", False)
    rozen = links["https://rozenforum.nl/viewtopic.php?t=912&start=20"]
    assert rozen.nofollow is True and rozen.anchor == "rozen kopen"
    assert links["http://gids.regio-oost.nl/bedrijven/tuin"].anchor is None


def test_majestic_api_style_columns() -> None:
    result = parse_export(load("majestic_api_backlinks.csv"))
    assert result.format is ImportFormat.MAJESTIC
    links = by_source(result.links)
    forum = links["https://marathon-forum.nl/t/welke-winkel/771"]
    assert (forum.nofollow, forum.first_seen, forum.last_seen) == (True, "2024-11-02", "2026-01-18")
    assert forum.target_url == "https://sportwinkel-peters.nl/"


def test_moz_link_explorer_with_preamble() -> None:
    result = parse_export(load("moz_inbound_links.csv"))
    assert result.format is ImportFormat.MOZ
    assert result.rows_read == 3  # the preamble lines are not rows
    links = by_source(result.links)
    assert links["https://www.woonwijzer.nl/buiten/tuinontwerp"].nofollow is True
    blog = links["https://www.tuinblog.nl/inspiratie/strakke-tuin-aanleggen"]
    assert (blog.nofollow, blog.anchor, blog.first_seen) == (False, "hoveniersbedrijf Groen", "2025-04-17")


def test_moz_legacy_open_site_explorer() -> None:
    result = parse_export(load("moz_ose_legacy.csv"))
    assert result.format is ImportFormat.MOZ
    links = by_source(result.links)
    assert links["http://forum.tuinieren.nl/topic/8812"].nofollow is True
    assert links["http://www.tuinblog.nl/oude-artikelen/hoveniers"].target_url == "http://hoveniersbedrijf-groen.nl/"


def test_common_crawl_job_output() -> None:
    result = parse_export(load("commoncrawl_links.csv"))
    assert result.format is ImportFormat.COMMON_CRAWL
    assert result.format.found_by == "common-crawl"
    assert result.duplicates_merged == 1  # the same link seen in two crawls
    links = by_source(result.links)
    blog = links["https://www.reisblog-nederland.nl/wandelen/veluwe"]
    assert (blog.first_seen, blog.last_seen) == ("2026-01-24", "2026-02-17")
    assert (blog.nofollow, blog.ugc, blog.sponsored) == (False, False, False)  # empty rel: a followed link
    forum = links["https://forum.kamperen.nl/t/veluwe-tips/5521"]
    assert (forum.nofollow, forum.ugc, forum.sponsored) == (True, True, False)
    assert links["https://www.vakantieparken-vergelijken.nl/veluwe"].sponsored is True


def test_common_crawl_gzipped_and_zipped_parts_merge() -> None:
    text = load("commoncrawl_links.csv").decode()
    header, *rows = text.strip().split("\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("part-00000.csv", "\n".join([header, *rows[:2]]))
        archive.writestr("part-00001.csv.gz", gzip.compress("\n".join([header, *rows[2:]]).encode()))
    result = parse_export(buf.getvalue())
    assert result.format is ImportFormat.COMMON_CRAWL
    assert len(result.links) == 3 and result.duplicates_merged == 1
    assert parse_export(gzip.compress(text.encode())).links == parse_export(text.encode()).links


def test_plain_url_list() -> None:
    result = parse_export(load("url_list.txt"))
    assert result.format is ImportFormat.URL_LIST
    assert [link.source_url for link in result.links] == [
        "https://www.fietsroutes-drenthe.nl/route/12-hunebedden",
        "https://drenthe-actueel.nl/artikel/91822,nieuwe-fietsverhuur-geopend",  # a comma inside a URL
        "http://www.campingsdrenthe.nl/overnachten/assen",
    ]
    assert result.duplicates_merged == 1
    assert [(r.line, r.code) for r in result.rejected] == [(6, "not-http")]
    assert result.rows_read == 5  # the blank line is not a row


def test_headerless_list_and_crlf() -> None:
    result = parse_export(b"https://a.nl/1\r\nhttps://b.nl/2\r\n")
    assert result.format is ImportFormat.URL_LIST
    assert [link.source_url for link in result.links] == ["https://a.nl/1", "https://b.nl/2"]


def test_unknown_language_gsc_is_read_by_content() -> None:
    text = "Strona z linkiem,Ostatnie indeksowanie\nhttps://blog.example.pl/a,2026-03-01\nhttps://news.example.pl/b,2026-02-01\n"
    result = parse_export(text.encode())
    assert result.format is ImportFormat.GSC_LATEST
    assert [(link.source_url, link.last_seen) for link in result.links] == [
        ("https://blog.example.pl/a", "2026-03-01"), ("https://news.example.pl/b", "2026-02-01"),
    ]


def test_unknown_language_top_linking_sites() -> None:
    text = "Sito,Pagine che rimandano,Pagine di destinazione\nesempio.it,12,3\nblog.altro.it,2,1\n"
    result = parse_export(text.encode())
    assert result.format is ImportFormat.GSC_TOP_SITES
    assert result.referring_domains == ("esempio.it", "altro.it")


def test_unknown_language_two_url_columns_picks_the_varied_one_as_source() -> None:
    text = ("URL de destino;Página de origen;Texto\n"
            "https://misitio.es/;https://blog.uno.es/a;mi sitio\n"
            "https://misitio.es/contacto;https://dos.es/b;contacto\n"
            "https://misitio.es/;https://tres.es/c;aqui\n")
    result = parse_export(text.encode("cp1252"))
    assert [(link.source_url, link.target_url) for link in result.links] == [
        ("https://blog.uno.es/a", "https://misitio.es/"),
        ("https://dos.es/b", "https://misitio.es/contacto"),
        ("https://tres.es/c", "https://misitio.es/"),
    ]


def test_windows_1252_export_is_decoded() -> None:
    text = "Source url,Target url,Anchor,Nofollow\nhttps://a.nl/x,https://b.nl/,café crème brûlée,false\n"
    result = parse_export(text.encode("cp1252"))
    assert result.links[0].anchor == "café crème brûlée"


def test_utf16_big_endian_and_without_bom() -> None:
    text = "Referring page URL\tTarget URL\tAnchor\nhttps://a.nl/\thttps://b.nl/\tanker\n"
    for data in (b"\xfe\xff" + text.encode("utf-16-be"), text.encode("utf-16-le")):
        result = parse_export(data)
        assert result.format is ImportFormat.AHREFS
        assert result.links[0].anchor == "anker"


def test_excel_sep_line() -> None:
    result = parse_export(b"sep=;\nSource url;Target url;Anchor\nhttps://a.nl/x;https://b.nl/;a,b\n")
    assert result.links[0].anchor == "a,b"


EXPORTS = sorted(p.name for p in DATA.iterdir() if p.suffix in (".csv", ".txt", ".zip") and not p.name.startswith(("tranco", "cc_")))


@pytest.mark.parametrize("name", EXPORTS)
def test_every_row_is_accounted_for(name: str) -> None:
    result = parse_export(load(name))
    accounted = len(result.links) + len(result.referring_domains) + result.duplicates_merged + len(result.rejected)
    assert accounted == result.rows_read


def test_gsc_top_linking_sites_in_dutch() -> None:
    text = "Site,Linkende pagina's,Doelpagina's\nvoorbeeld.nl,4,1\nwww.ander-voorbeeld.be,2,2\nniet goed!,1,1\n"
    result = parse_export(text.encode())
    assert result.format is ImportFormat.GSC_TOP_SITES
    assert result.referring_domains == ("voorbeeld.nl", "ander-voorbeeld.be")
    assert [(r.line, r.code) for r in result.rejected] == [(4, "bad-domain")]


def test_older_ahrefs_export_columns() -> None:
    text = (
        '"#","Domain Rating","URL Rating","Referring Page URL","Referring Page Title","Link URL","TextPre",'
        '"Link Anchor","TextPost","Type","First Seen","Last Check"\n'
        '"1","45","20","https://blog.voorbeeld.nl/a","Titel","https://mijnsite.nl/","","klik hier","","nofollow",'
        '"2019-04-01","2019-06-30"\n'
        '"2","30","12","https://news.voorbeeld.nl/b","Titel","https://mijnsite.nl/x","","mijn site","","dofollow",'
        '"2018-12-01","2019-06-29"\n'
    )
    result = parse_export(text.encode())
    assert result.format is ImportFormat.AHREFS
    first, second = result.links
    assert (first.anchor, first.nofollow, first.first_seen, first.last_seen) == ("klik hier", True, "2019-04-01", "2019-06-30")
    assert (second.target_url, second.nofollow) == ("https://mijnsite.nl/x", False)


HEBREW_SITES = "אתר,דפים מקשרים,דפי יעד\nקטן.example.org,3,1\nגדול.example.com,\"1,240\",12\nבינוני.co.il,87,5\n"
HEBREW_TARGETS = ("דף יעד,קישורים נכנסים,אתרים מקשרים\nhttps://plumber.example/,\"2,100\",80\n"
                  "https://plumber.example/leaks,340,25\nhttps://plumber.example/blog/x,12,3\n")


def test_top_linking_sites_in_an_unknown_language_with_thousands_separators() -> None:
    result = parse_export(HEBREW_SITES.encode())
    assert result.format is ImportFormat.GSC_TOP_SITES
    first, second, third = result.referring_domains
    assert (first, second) == ("example.org", "example.com")
    assert third.startswith("xn--") and third.endswith(".co.il")  # IDN in punycode, as bot.domains keeps it


def test_own_linked_pages_table_in_an_unknown_language_is_refused() -> None:
    with pytest.raises(ImportFileError, match="your own linked pages"):
        parse_export(HEBREW_TARGETS.encode())


def test_top_linking_sites_header_variant() -> None:
    result = parse_export(b"Top linking sites,Linking pages,Target pages\nnieuws.voorbeeld.nl,12,5\nbbb.org,3,1\n")
    assert result.format is ImportFormat.GSC_TOP_SITES
    assert result.referring_domains == ("voorbeeld.nl", "bbb.org")
