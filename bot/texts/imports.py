"""Texts of the import parsers (backlink exports and authority rankings)."""

TEXTS: dict[str, dict[str, str]] = {
    "imports.not_export.empty": {
        "en": "The file is empty.",
        "nl": "Het bestand is leeg.",
    },
    "imports.not_export.binary": {
        "en": "This is not a backlink export but {kind}; upload the CSV export from your SEO tool.",
        "nl": "Dit is geen backlink-export maar {kind}; upload de CSV-export uit je SEO-tool.",
    },
    "imports.not_export.excel": {
        "en": "This is an Excel workbook; export the backlinks as CSV from your SEO tool and import that file.",
        "nl": "Dit is een Excel-werkmap; exporteer de backlinks als CSV uit je SEO-tool en importeer dat bestand.",
    },
    "imports.not_export.no_urls": {
        "en": "This file has no column of page URLs, so it is not a backlink export.",
        "nl": "Dit bestand heeft geen kolom met pagina-URL's, dus het is geen backlink-export.",
    },
    "imports.not_export.zip_empty": {
        "en": "The zip file holds no backlink export (no CSV file with linking pages or sites).",
        "nl": "Het zip-bestand bevat geen backlink-export (geen CSV-bestand met linkende pagina's of sites).",
    },
    "imports.not_export.zip_broken": {
        "en": "The zip file is damaged and cannot be opened.",
        "nl": "Het zip-bestand is beschadigd en kan niet worden geopend.",
    },
    "imports.not_export.gzip_broken": {
        "en": "The gzip file is damaged and cannot be unpacked.",
        "nl": "Het gzip-bestand is beschadigd en kan niet worden uitgepakt.",
    },
    "imports.not_export.too_big": {
        "en": "The file unpacks to more than {limit} MB; split the export into smaller files.",
        "nl": "Het bestand wordt uitgepakt groter dan {limit} MB; splits de export in kleinere bestanden.",
    },
    "imports.not_export.parquet": {
        "en": "Reading Parquet needs the optional pyarrow package; write the Common Crawl result as CSV instead.",
        "nl": "Parquet lezen vraagt het optionele pakket pyarrow; schrijf het Common Crawl-resultaat als CSV.",
    },
    "imports.not_export.no_rows": {
        "en": "The export has a header but no rows with backlinks.",
        "nl": "De export heeft een kopregel maar geen regels met backlinks.",
    },
    "imports.not_export.own_pages": {
        "en": "This Search Console table lists your own linked pages; export \"Latest links\" under External links instead.",
        "nl": "Deze Search Console-tabel toont je eigen gelinkte pagina's; exporteer \"Nieuwste links\" bij Externe links.",
    },
    "imports.rejected.no-url": {
        "en": "The row has no linking page URL.",
        "nl": "De regel heeft geen URL van een linkende pagina.",
    },
    "imports.rejected.not-http": {
        "en": "The linking page is not an http(s) URL.",
        "nl": "De linkende pagina is geen http(s)-URL.",
    },
    "imports.rejected.bad-quoting": {
        "en": "The row has broken quoting and cannot be split into columns.",
        "nl": "De regel heeft kapotte aanhalingstekens en kan niet in kolommen worden gesplitst.",
    },
    "imports.rejected.bad-domain": {
        "en": "The site is not a domain name.",
        "nl": "De site is geen domeinnaam.",
    },
    "imports.authority.unknown": {
        "en": "This is neither a Tranco list (rank,domain) nor a Common Crawl domain ranks file.",
        "nl": "Dit is geen Tranco-lijst (rank,domein) en ook geen Common Crawl-bestand met domeinrangen.",
    },
    "imports.authority.broken": {
        "en": "The rankings file is damaged and cannot be read to the end.",
        "nl": "Het bestand met rangen is beschadigd en kan niet tot het einde worden gelezen.",
    },
    "imports.kind.png": {"en": "a PNG image", "nl": "een PNG-afbeelding"},
    "imports.kind.jpeg": {"en": "a JPEG image", "nl": "een JPEG-afbeelding"},
    "imports.kind.gif": {"en": "a GIF image", "nl": "een GIF-afbeelding"},
    "imports.kind.image": {"en": "an image", "nl": "een afbeelding"},
    "imports.kind.pdf": {"en": "a PDF document", "nl": "een PDF-document"},
    "imports.kind.media": {"en": "a media file", "nl": "een mediabestand"},
    "imports.kind.office": {"en": "an old Office document", "nl": "een oud Office-document"},
    "imports.kind.7z": {"en": "a 7-Zip archive", "nl": "een 7-Zip-archief"},
    "imports.kind.rar": {"en": "a RAR archive", "nl": "een RAR-archief"},
    "imports.kind.bzip2": {"en": "a bzip2 archive", "nl": "een bzip2-archief"},
    "imports.kind.program": {"en": "a program", "nl": "een programma"},
    "imports.kind.binary": {"en": "a binary file", "nl": "een binair bestand"},
    "imports.kind.html": {"en": "a web page or XML file", "nl": "een webpagina of XML-bestand"},
    "imports.kind.json": {"en": "a JSON file", "nl": "een JSON-bestand"},
}
