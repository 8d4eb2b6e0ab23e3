"""Writes the sample files that are awkward to keep as text: the Ahrefs UTF-16 export and the
Search Console zip. Run once (``python make_binary_samples.py``); the outputs are committed."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).parent

AHREFS_HEADER = [
    "Referring page title", "Referring page URL", "Language", "Platform", "Referring page HTTP code",
    "Domain rating", "UR", "Domain traffic", "Referring domains", "Linked domains", "External links",
    "Page traffic", "Keywords", "Target URL", "Left context", "Anchor", "Right context", "Type", "Content",
    "Nofollow", "UGC", "Sponsored", "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status",
    "Link Group Count", "Is root source", "First seen", "Last seen", "Lost",
]
AHREFS_ROWS = [
    ["De 10 beste koffiebars van Groningen", "https://www.stadsgids-groningen.nl/eten-drinken/koffiebars",
     "nl", "Blog", "200", "38", "12", "5120", "44", "212", "31", "180", "26", "https://koffiebranderij-noord.nl/",
     "Onze favoriet is", "Koffiebranderij Noord", "met hun eigen bonen.", "text", "true", "false", "false",
     "false", "true", "true", "", "", "", "1", "false", "2025-04-02 08:11:45", "2026-03-02 17:40:09", ""],
    ["Forum: waar koop je verse bonen?", "https://forum.koffieliefhebbers.nl/t/verse-bonen/3312",
     "nl", "Forum", "200", "22", "6", "310", "9", "88", "14", "12", "3", "https://koffiebranderij-noord.nl/webshop",
     "Ik bestel altijd bij", "deze webshop", "", "text", "true", "true", "true", "false", "true", "true", "",
     "", "", "1", "false", "2025-10-19 21:05:00", "2026-02-27 04:12:51", ""],
    ["Partners van het Koffiefestival", "https://koffiefestival-noord.nl/partners",
     "nl", "", "200", "17", "4", "120", "5", "41", "22", "0", "0", "https://koffiebranderij-noord.nl/?ref=festival",
     "", "", "", "image", "false", "false", "false", "true", "true", "true", "", "", "", "1", "false",
     "2025-01-07 12:00:00", "2026-02-11 09:30:00", ""],
    ["De 10 beste koffiebars van Groningen", "https://www.stadsgids-groningen.nl/eten-drinken/koffiebars",
     "nl", "Blog", "200", "38", "12", "5120", "44", "212", "31", "180", "26", "https://koffiebranderij-noord.nl/",
     "Onze favoriet is", "Koffiebranderij Noord", "met hun eigen bonen.", "text", "true", "false", "false",
     "false", "true", "true", "", "", "", "1", "false", "2025-03-15 06:00:00", "2026-03-04 10:00:00", ""],
    ["Koffie en taart in Zuid-Holland", "https://zoetekoffie.blogspot.com/2025/11/groningse-branders.html",
     "nl", "Blog", "200", "9", "3", "40", "2", "17", "40", "0", "0", "https://koffiebranderij-noord.nl/over-ons",
     "Lees meer op", "koffiebranderij-noord.nl", "", "text", "true", "false", "false", "false", "true", "true",
     "", "", "", "1", "false", "2025-11-28 14:44:02", "2026-01-15 03:03:03", ""],
]


def _table(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def main() -> None:
    # Ahrefs "CSV for Excel": UTF-16 LE with BOM, tab-separated
    (HERE / "ahrefs_backlinks_utf16.csv").write_bytes(
        b"\xff\xfe" + _table(AHREFS_HEADER, AHREFS_ROWS, "\t").encode("utf-16-le"))
    # Ahrefs "CSV UTF-8": comma-separated with BOM
    (HERE / "ahrefs_backlinks_utf8.csv").write_bytes(
        b"\xef\xbb\xbf" + _table(AHREFS_HEADER, AHREFS_ROWS[:3], ",").encode("utf-8"))

    latest = (HERE / "gsc_latest_links.csv").read_text(encoding="utf-8")
    sites = (HERE / "gsc_top_linking_sites.csv").read_text(encoding="utf-8")
    text = "Top linking text,Linking sites,Linking pages\r\nbakkerij de vries,3,9\r\nklik hier,2,2\r\n"
    targets = ("Target page,Incoming links,Linking sites\r\nhttps://voorbeeldbakker.nl/,21,6\r\n"
               "https://voorbeeldbakker.nl/contact,3,2\r\n")
    with zipfile.ZipFile(HERE / "gsc_links_export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Latest links.csv", latest.encode("utf-8"))
        archive.writestr("Top linking sites.csv", sites.encode("utf-8"))
        archive.writestr("Top linking text.csv", text.encode("utf-8"))
        archive.writestr("Top target pages.csv", targets.encode("utf-8"))

    # authority files: Tranco as downloaded (zip), Common Crawl domain ranks (gzip)
    with zipfile.ZipFile(HERE / "tranco_top.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("top-1m.csv", (HERE / "tranco_top.csv").read_bytes())
    (HERE / "cc_domain_ranks.txt.gz").write_bytes(gzip.compress((HERE / "cc_domain_ranks.txt").read_bytes(), mtime=0))


if __name__ == "__main__":
    main()
