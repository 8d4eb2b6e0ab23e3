"""Texts of the Common Crawl discovery (web-graph import, WAT scan, Spark job)."""

TEXTS: dict[str, dict[str, str]] = {
    "commoncrawl.graph_file_missing": {
        "en": "There is no file {path}; give the paths of the web-graph files (vertices, edges, ranks).",
        "nl": "Het bestand {path} bestaat niet; geef de paden van de webgraaf-bestanden (vertices, edges, ranks).",
    },
    "commoncrawl.file_damaged": {
        "en": "{name} is damaged (the gzip data ends early or is corrupt); download it again.",
        "nl": "{name} is beschadigd (de gzip-gegevens houden te vroeg op of kloppen niet); download het opnieuw.",
    },
    "commoncrawl.no_sites": {
        "en": "Name at least one site, or track one first with: backlinks track SITE.",
        "nl": "Noem minstens één site, of volg er eerst een met: backlinks track SITE.",
    },
    "commoncrawl.list_missing": {
        "en": "There is no file {path}; give a text file with one WAT location a line.",
        "nl": "Het bestand {path} bestaat niet; geef een tekstbestand met één WAT-locatie per regel.",
    },
    "commoncrawl.list_empty": {
        "en": "{name} lists no WAT files.",
        "nl": "{name} noemt geen WAT-bestanden.",
    },
    "commoncrawl.formats": {
        "en": "Output formats are csv and parquet, not {formats}.",
        "nl": "Uitvoerformaten zijn csv en parquet, niet {formats}.",
    },
    "commoncrawl.parquet_needs_pyarrow": {
        "en": "Parquet output needs pyarrow: pip install 'backlinks-slack[spark]', or choose --format csv.",
        "nl": "Parquet-uitvoer heeft pyarrow nodig: pip install 'backlinks-slack[spark]', of kies --format csv.",
    },
    "commoncrawl.result_parquet_only": {
        "en": "This result holds only Parquet files; install pyarrow (pip install 'backlinks-slack[spark]') to read them.",
        "nl": "Dit resultaat bevat alleen Parquet-bestanden; installeer pyarrow (pip install 'backlinks-slack[spark]') om ze te lezen.",
    },
    "commoncrawl.no_result": {
        "en": "{root} holds no Common Crawl scan result for {site} (no part files under target_domain={site}).",
        "nl": "{root} bevat geen Common Crawl-scanresultaat voor {site} (geen bestanden onder target_domain={site}).",
    },
    "commoncrawl.not_result": {
        "en": "{name} in this folder is not part of a Common Crawl scan result; import an export file by itself, not its folder.",
        "nl": "{name} in deze map hoort niet bij een Common Crawl-scanresultaat; importeer een exportbestand los, niet de map.",
    },
    "commoncrawl.needs_fastwarc": {
        "en": "Reading WAT files needs FastWARC: pip install 'backlinks-slack[commoncrawl]'.",
        "nl": "Voor WAT-bestanden is FastWARC nodig: pip install 'backlinks-slack[commoncrawl]'.",
    },
    "commoncrawl.no_spark": {
        "en": "Spark is not installed here (pip install 'backlinks-slack[spark]' and Java 17); "
              "on one machine use: backlinks commoncrawl scan.",
        "nl": "Spark is hier niet geïnstalleerd (pip install 'backlinks-slack[spark]' en Java 17); "
              "gebruik op één machine: backlinks commoncrawl scan.",
    },
    "commoncrawl.spark_failed": {
        "en": "The Spark job stopped with exit code {code}; its log is above.",
        "nl": "De Spark-job stopte met exitcode {code}; het logboek staat hierboven.",
    },
    "commoncrawl.progress": {
        "en": "{phase}: {done} of {total} MB",
        "nl": "{phase}: {done} van {total} MB",
    },
    "commoncrawl.graph.unreadable": {
        "en": "The {kind} file is not a web-graph file: {malformed} of its {lines} lines are not {shape} lines (e.g. {example}); nothing was stored.",
        "nl": "Het {kind}-bestand is geen webgraaf-bestand: {malformed} van de {lines} regels zijn geen {shape}-regels (bijvoorbeeld {example}); er is niets opgeslagen.",
    },
    "commoncrawl.graph.site": {
        "en": "{site}: {count} referring domains in the web graph, {ranked} of them ranked.",
        "nl": "{site}: {count} verwijzende domeinen in de webgraaf, waarvan {ranked} met een rang.",
    },
    "commoncrawl.graph.top": {
        "en": "  {domain}  (authority {score})",
        "nl": "  {domain}  (autoriteit {score})",
    },
    "commoncrawl.graph.missing": {
        "en": "{site} is not in this web graph (too new or too small for Common Crawl).",
        "nl": "{site} staat niet in deze webgraaf (te nieuw of te klein voor Common Crawl).",
    },
    "commoncrawl.graph.passes": {
        "en": "Read {vertices} vertices and {edges} edges in {seconds} s; {malformed} malformed lines skipped.",
        "nl": "{vertices} vertices en {edges} edges gelezen in {seconds} s; {malformed} onleesbare regels overgeslagen.",
    },
    "commoncrawl.graph.next": {
        "en": "These domains now feed the watch list and the link gap; backlinks check verifies pages, not domains.",
        "nl": "Deze domeinen gaan nu naar de volglijst en de linkkloof; backlinks check controleert pagina's, geen domeinen.",
    },
    "commoncrawl.gap.title": {
        "en": "{site}: {count} domains link to a competitor in Common Crawl's web graph but not to you.",
        "nl": "{site}: {count} domeinen linken volgens de webgraaf van Common Crawl naar een concurrent, maar niet naar jou.",
    },
    "commoncrawl.gap.row": {
        "en": "  {domain}  -> {competitors}  (authority {score})",
        "nl": "  {domain}  -> {competitors}  (autoriteit {score})",
    },
    "commoncrawl.gap.none": {
        "en": "Nothing to show: import the web graph first (backlinks commoncrawl graph) and track competitors.",
        "nl": "Niets te tonen: importeer eerst de webgraaf (backlinks commoncrawl graph) en volg concurrenten.",
    },
    "commoncrawl.scan.summary": {
        "en": "Scanned {files} WAT files ({failed} failed): {records} records, {skipped} skipped by the prefilter, "
              "{rows} links found in {seconds} s.",
        "nl": "{files} WAT-bestanden gescand ({failed} mislukt): {records} records, {skipped} overgeslagen door het voorfilter, "
              "{rows} links gevonden in {seconds} s.",
    },
    "commoncrawl.scan.failed": {
        "en": "  could not read {location}: {error}",
        "nl": "  kon {location} niet lezen: {error}",
    },
    "commoncrawl.scan.domain": {
        "en": "  {domain}: {rows} links",
        "nl": "  {domain}: {rows} links",
    },
    "commoncrawl.scan.next": {
        "en": "Import them (the checker then verifies each link live): backlinks import SITE {out}",
        "nl": "Importeer ze (de controle bekijkt daarna elke link live): backlinks import SITE {out}",
    },
}
