"""Rows that cannot be read, duplicates, and a 100k-row export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bot.i18n import t
from bot.imports import ImportFormat, parse_export

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def test_rejected_rows_carry_line_numbers_and_reasons() -> None:
    result = parse_export((DATA / "broken_rows.csv").read_bytes())
    assert [(r.line, r.code) for r in result.rejected] == [
        (3, "no-url"),       # empty source cell
        (4, "not-http"),     # ftp://
        (6, "no-url"),       # "niet een url"
        (9, "bad-quoting"),  # a quote that is never closed
    ]
    assert all(r.reason.endswith(".") and len(r.reason) < 80 for r in result.rejected)
    assert result.rejected[0].reason == t("imports.rejected.no-url", "en")
    assert t("imports.rejected.bad-quoting", "nl").startswith("De regel")
    sources = [link.source_url for link in result.links]
    assert sources == [
        "https://goed.voorbeeld.nl/pagina-1",
        "https://goed.voorbeeld.nl/pagina-2",  # a stray quote inside a field is read leniently
        "https://goed.voorbeeld.nl/pagina-3",  # a quoted anchor spanning two lines
        "https://goed.voorbeeld.nl/pagina-5",  # reading resumes after the broken row
    ]
    assert result.links[2].anchor == "anker met\neen regeleinde" and result.links[2].nofollow is True
    assert result.rows_read == 8


def test_a_broken_quote_does_not_swallow_the_rest_of_the_file() -> None:
    rows = ["Source url,Target url,Anchor", 'https://a.nl/1,"open quote,https://mijn.nl/']
    rows += [f"https://b.nl/{i},https://mijn.nl/,ok" for i in range(40)]
    result = parse_export("\n".join(rows).encode())
    assert [(r.line, r.code) for r in result.rejected] == [(2, "bad-quoting")]
    assert len(result.links) == 40
    # a stray quote that still leaves the right number of columns is read leniently
    rows[1] = 'https://a.nl/1,https://mijn.nl/,"open quote'
    result = parse_export("\n".join(rows).encode())
    assert result.rejected == () and result.links[0].anchor == "open quote"


def test_duplicates_merge_dates_and_fill_missing_fields() -> None:
    text = (
        "Source url,Target url,Anchor,Nofollow,First seen,Last seen\n"
        "https://a.nl/p,https://mijn.nl/,,,2025-05-01,2025-06-01\n"
        "http://A.NL/p#x,https://mijn.nl/,het anker,true,2025-01-01,2025-05-01\n"
        "https://a.nl/p,https://mijn.nl/,ander anker,false,2025-03-01,2026-02-01\n"
        "https://a.nl/p,https://mijn.nl/andere-pagina,anker,false,2025-03-01,2026-02-01\n"
    )
    result = parse_export(text.encode())
    assert result.duplicates_merged == 2
    assert len(result.links) == 2  # a different target on the same page is a different link
    merged = result.links[0]
    assert merged.source_url == "https://a.nl/p"
    assert (merged.first_seen, merged.last_seen) == ("2025-01-01", "2026-02-01")
    assert (merged.anchor, merged.nofollow) == ("het anker", True)  # first known value kept


def test_one_hundred_thousand_rows() -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["Page ascore", "Source title", "Source url", "Target url", "Anchor", "Nofollow", "Sponsored", "Ugc",
                     "First seen", "Last seen"])
    for i in range(100_000):
        source = f"https://blog{i % 9000}.voorbeeld{i % 11}.nl/artikel/{i}" if i % 1000 else "not a url"
        writer.writerow([i % 90, f"Titel {i}", source, f"https://mijnsite.nl/p{i % 40}", f"anker {i % 77}",
                         "true" if i % 4 == 0 else "false", "false", "false",
                         f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", f"2026-{1 + i % 2:02d}-{1 + i % 28:02d}"])
    writer.writerow(["1", "dubbel", "https://blog1.voorbeeld1.nl/artikel/1", "https://mijnsite.nl/p1", "x", "", "", "",
                     "2020-01-01", ""])
    result = parse_export(buf.getvalue().encode())
    assert result.format is ImportFormat.SEMRUSH
    assert result.rows_read == 100_001
    assert len(result.rejected) == 100
    assert result.rejected[0].line == 2 and result.rejected[1].line == 1002
    assert result.duplicates_merged == 1
    assert len(result.links) == 100_000 - 100
    by_source = {link.source_url: link for link in result.links[:5]}
    assert by_source["https://blog1.voorbeeld1.nl/artikel/1"].first_seen == "2020-01-01"
