"""Texts of competitor comparison, link gap, anchor profile, toxic links, disavow and authority."""

TEXTS: dict[str, dict[str, str]] = {
    # ---- compare
    "compare.title": {
        "en": "{site} compared with {competitors} (live, verified links only)",
        "nl": "{site} vergeleken met {competitors} (alleen live, gecontroleerde links)",
    },
    "compare.col.site": {"en": "site", "nl": "site"},
    "compare.col.live": {"en": "live links", "nl": "live links"},
    "compare.col.domains": {"en": "ref. domains", "nl": "verw. domeinen"},
    "compare.col.dofollow": {"en": "dofollow", "nl": "dofollow"},
    "compare.col.content": {"en": "editorial", "nl": "redactioneel"},
    "compare.col.authority": {"en": "median auth.", "nl": "mediaan aut."},
    "compare.col.high": {"en": "auth. 60+", "nl": "aut. 60+"},
    "compare.col.new": {"en": "new 30d", "nl": "nieuw 30d"},
    "compare.col.lost": {"en": "lost 30d", "nl": "kwijt 30d"},
    "compare.leader": {
        "en": "Leader: {site} with {domains} referring domains. {exclusive_text}{examples}.",
        "nl": "Koploper: {site} met {domains} verwijzende domeinen. {exclusive_text}{examples}.",
    },
    "compare.leader.exclusive": {
        "en": "{count} of them link to none of the others",
        "nl": "{count} daarvan linken naar geen van de anderen",
    },
    "compare.leader.exclusive.one": {
        "en": "1 of them links to none of the others",
        "nl": "1 daarvan linkt naar geen van de anderen",
    },
    "compare.leader.one": {
        "en": "Leader: {site} with 1 referring domain ({exclusive} exclusive: linking to none of the others{examples}).",
        "nl": "Koploper: {site} met 1 verwijzend domein ({exclusive} exclusief: linkt naar geen van de anderen{examples}).",
    },
    "compare.leader_examples": {"en": ", e.g. {domains}", "nl": ", bijvoorbeeld {domains}"},
    "compare.ahead_on": {"en": "Ahead of every other site on: {measures}.", "nl": "Voor op alle andere sites bij: {measures}."},
    "compare.no_leader": {
        "en": "None of these sites has live links yet: import their backlinks and run a check first.",
        "nl": "Geen van deze sites heeft al live links: importeer hun backlinks en draai eerst een controle.",
    },
    "compare.measure.referring_domains": {"en": "referring domains", "nl": "verwijzende domeinen"},
    "compare.measure.live_links": {"en": "live links", "nl": "live links"},
    "compare.measure.dofollow_share": {"en": "dofollow share", "nl": "aandeel dofollow"},
    "compare.measure.content_share": {"en": "editorial share", "nl": "aandeel redactioneel"},
    "compare.measure.high_authority_domains": {"en": "domains with authority 60+", "nl": "domeinen met autoriteit 60+"},
    "compare.measure.new_30d": {"en": "new links in 30 days", "nl": "nieuwe links in 30 dagen"},
    "compare.no_competitors": {
        "en": "{site} has no competitors to compare with yet; track one with: {cmd} track COMPETITOR {competitor_of} {site}",
        "nl": "{site} heeft nog geen concurrenten om mee te vergelijken; volg er een met: {cmd} track CONCURRENT {competitor_of} {site}",
    },
    "compare.not_checked": {
        "en": "{sites} has not been checked yet, so its links are not counted; run {cmd} check {first} first.",
        "nl": "{sites} is nog niet gecontroleerd, dus de links tellen nog niet mee; draai eerst {cmd} check {first}.",
    },
    "compare.not_checked_many": {
        "en": "{sites} have not been checked yet, so their links are not counted; run {cmd} check on each first (e.g. {cmd} check {first}).",
        "nl": "{sites} zijn nog niet gecontroleerd, dus hun links tellen nog niet mee; controleer ze eerst (bijvoorbeeld {cmd} check {first}).",
    },
    "compare.cannot_write": {"en": "Cannot write {path}: {why}.", "nl": "Kan {path} niet schrijven: {why}."},
    "compare.no_such_file": {
        "en": "There is no file {path}; give the path of a Tranco list or a Common Crawl ranks file.",
        "nl": "Het bestand {path} bestaat niet; geef het pad van een Tranco-lijst of een Common Crawl-ranglijst.",
    },
    "compare.mark.not_linking": {
        "en": "{domain} has no known link to {site}, so there is nothing to mark; check the name, or add {force} to mark it anyway.",
        "nl": "{domain} heeft geen bekende link naar {site}, dus er valt niets te markeren; controleer de naam, of voeg {force} toe om het toch te markeren.",
    },
    "compare.mark.bad_decision": {
        "en": "Decide with keep or disavow, not {decision}.",
        "nl": "Kies keep of disavow, niet {decision}.",
    },
    "compare.anchor_mix": {"en": "Anchor mix of {site}: {mix}", "nl": "Ankertekstmix van {site}: {mix}"},
    "compare.chart_title": {"en": "{site} and competitors", "nl": "{site} en concurrenten"},
    # ---- gap
    "compare.gap.head": {
        "en": "Link gap for {site}: {count} referring domains link to {competitors} but not to {site}.",
        "nl": "Linkgat voor {site}: {count} verwijzende domeinen linken naar {competitors} maar niet naar {site}.",
    },
    "compare.gap.head.one": {
        "en": "Link gap for {site}: 1 referring domain links to {competitors} but not to {site}.",
        "nl": "Linkgat voor {site}: 1 verwijzend domein linkt naar {competitors} maar niet naar {site}.",
    },
    "compare.gap.none": {
        "en": "No link gap: every domain that links live to {competitors} also links to {site}.",
        "nl": "Geen linkgat: elk domein dat live naar {competitors} linkt, linkt ook naar {site}.",
    },
    "compare.gap.line": {
        "en": "{rank}. {domain}: links to {links_to}; {pages_text}{flags}; authority {authority}",
        "nl": "{rank}. {domain}: linkt naar {links_to}; {pages_text}{flags}; autoriteit {authority}",
    },
    "compare.gap.pages": {"en": "{count} pages", "nl": "{count} pagina's"},
    "compare.gap.pages.one": {"en": "1 page", "nl": "1 pagina"},
    "compare.gap.more": {
        "en": "… and {count} more (full list: --csv FILE).",
        "nl": "… en nog {count} (volledige lijst: --csv BESTAND).",
    },
    "compare.gap.more_slack": {"en": "… and {count} more in the CSV file.", "nl": "… en nog {count} in het CSV-bestand."},
    "compare.gap.csv_written": {"en": "Outreach list written to {path} ({count} domains).", "nl": "Outreachlijst geschreven naar {path} ({count} domeinen)."},
    "compare.flag.dofollow": {"en": "dofollow", "nl": "dofollow"},
    "compare.flag.editorial": {"en": "editorial", "nl": "redactioneel"},
    "compare.flag.was_linking": {"en": "linked to you before", "nl": "linkte eerder naar jou"},
    "compare.unknown": {"en": "unknown", "nl": "onbekend"},
    # ---- anchors
    "compare.anchors.head": {
        "en": "Anchor texts of {site}'s {total} live links:",
        "nl": "Ankerteksten van de {total} live links van {site}:",
    },
    "compare.anchors.head.one": {
        "en": "Anchor texts of {site}'s 1 live link:",
        "nl": "Ankerteksten van de 1 live link van {site}:",
    },
    "compare.anchors.none": {
        "en": "{site} has no live links yet, so there is no anchor profile: import backlinks and run a check first.",
        "nl": "{site} heeft nog geen live links, dus er is geen ankertekstprofiel: importeer backlinks en draai eerst een controle.",
    },
    "compare.anchors.terms": {
        "en": "Brand names: {brands}. Keywords: {keywords}.",
        "nl": "Merknamen: {brands}. Zoekwoorden: {keywords}.",
    },
    "compare.anchors.no_keywords": {
        "en": "none set (add with --keyword)",
        "nl": "geen ingesteld (voeg toe met --keyword)",
    },
    "compare.anchors.no_keywords_slack": {
        "en": "none set (add with `/backlinks anchors {site} keywords WORD, WORD`)",
        "nl": "geen ingesteld (voeg toe met `/backlinks anchors {site} keywords WOORD, WOORD`)",
    },
    "compare.anchors.natural": {
        "en": "The mix looks natural.",
        "nl": "De mix ziet er natuurlijk uit.",
    },
    "compare.anchors.too_few": {
        "en": "Fewer than {min} live links: too few to judge whether the mix is natural.",
        "nl": "Minder dan {min} live links: te weinig om te beoordelen of de mix natuurlijk is.",
    },
    "compare.anchors.top": {"en": "Most used anchors:", "nl": "Meest gebruikte ankerteksten:"},
    "compare.anchor.brand": {"en": "brand", "nl": "merk"},
    "compare.anchor.naked-url": {"en": "naked URL", "nl": "kale URL"},
    "compare.anchor.generic": {"en": "generic", "nl": "generiek"},
    "compare.anchor.exact-match": {"en": "exact match", "nl": "exacte match"},
    "compare.anchor.partial-match": {"en": "partial match", "nl": "gedeeltelijke match"},
    "compare.anchor.image": {"en": "image / empty", "nl": "afbeelding / leeg"},
    "compare.anchor.other": {"en": "other", "nl": "overig"},
    "compare.warn.phrase-dominates": {
        "en": "Warning: the anchor \"{phrase}\" is {share} of your live links; more than half on one commercial phrase looks unnatural to Google.",
        "nl": "Let op: de ankertekst \"{phrase}\" is {share} van je live links; meer dan de helft op één commerciële term ziet er voor Google onnatuurlijk uit.",
    },
    "compare.warn.phrase-dominates.severe": {
        "en": "Serious warning: the anchor \"{phrase}\" is {share} of your live links; around 90% the same phrase is what Google treats as manipulation.",
        "nl": "Ernstige waarschuwing: de ankertekst \"{phrase}\" is {share} van je live links; rond 90% dezelfde term beschouwt Google als manipulatie.",
    },
    "compare.warn.exact-match-heavy": {
        "en": "Warning: exact-match keyword anchors are {share} of your live links (natural profiles stay under 30%); ask for brand or URL anchors instead.",
        "nl": "Let op: ankerteksten met exact je zoekwoord zijn {share} van je live links (natuurlijke profielen blijven onder 30%); vraag liever om je merknaam of URL.",
    },
    "compare.warn.commercial-heavy": {
        "en": "Warning: keyword anchors (exact and partial) are {share} of your live links; a natural mix is mostly brand, URL and generic anchors.",
        "nl": "Let op: zoekwoord-ankerteksten (exact en gedeeltelijk) zijn {share} van je live links; een natuurlijke mix bestaat vooral uit merknaam, URL en generieke teksten.",
    },
    # ---- toxic
    "compare.toxic.head": {
        "en": "Toxicity of {site}'s {count} referring domains: {toxic} toxic, {suspicious} suspicious, {unknown} unknown, {clean} clean.",
        "nl": "Risico van de {count} verwijzende domeinen van {site}: {toxic} toxisch, {suspicious} verdacht, {unknown} onbekend, {clean} schoon.",
    },
    "compare.toxic.head.one": {
        "en": "Toxicity of {site}'s 1 referring domain: {toxic} toxic, {suspicious} suspicious, {unknown} unknown, {clean} clean.",
        "nl": "Risico van het ene verwijzende domein van {site}: {toxic} toxisch, {suspicious} verdacht, {unknown} onbekend, {clean} schoon.",
    },
    "compare.toxic.none": {
        "en": "{site} has no backlinks to score yet.",
        "nl": "{site} heeft nog geen backlinks om te beoordelen.",
    },
    "compare.toxic.niche": {"en": "Niche taken into account: {niche}.", "nl": "Rekening gehouden met de niche: {niche}."},
    "compare.toxic.line": {
        "en": "{domain}: {score} ({verdict}){decision} {reasons}",
        "nl": "{domain}: {score} ({verdict}){decision} {reasons}",
    },
    "compare.toxic.never_auto": {
        "en": "Nothing is disavowed automatically. Review, then mark: {cmd} toxic mark {site} DOMAIN keep|disavow",
        "nl": "Er wordt niets automatisch afgewezen. Beoordeel en markeer: {cmd} toxic mark {site} DOMEIN keep|disavow",
    },
    "compare.toxic.clean_hidden": {"en": "({count} clean domains not listed)", "nl": "({count} schone domeinen niet getoond)"},
    "compare.toxic.clean_hidden.one": {"en": "(1 clean domain not listed)", "nl": "(1 schoon domein niet getoond)"},
    "compare.verdict.toxic": {"en": "toxic", "nl": "toxisch"},
    "compare.verdict.suspicious": {"en": "suspicious", "nl": "verdacht"},
    "compare.verdict.unknown": {"en": "unknown: could not be read", "nl": "onbekend: niet te lezen"},
    "compare.verdict.clean": {"en": "clean", "nl": "schoon"},
    "compare.decision.keep": {"en": " [kept]", "nl": " [behouden]"},
    "compare.decision.disavow": {"en": " [marked disavow]", "nl": " [gemarkeerd voor disavow]"},
    "compare.reason.spam": {"en": "{category} words ({hits}x)", "nl": "{category}-woorden ({hits}x)"},
    "compare.reason.spam_niche": {"en": "{category} words, but that is your niche", "nl": "{category}-woorden, maar dat is je niche"},
    "compare.spam.gambling": {"en": "gambling", "nl": "gok"},
    "compare.spam.pharma": {"en": "pharma", "nl": "medicijn"},
    "compare.spam.adult": {"en": "adult", "nl": "porno"},
    "compare.spam.replica": {"en": "replica", "nl": "namaak"},
    "compare.spam.essay": {"en": "essay-mill", "nl": "scriptieschrijf"},
    "compare.spam.payday": {"en": "payday-loan", "nl": "flitskrediet"},
    "compare.spam.link-selling": {"en": "link-selling", "nl": "linkverkoop"},
    "compare.reason.many-outbound-links": {"en": "{links} outbound links on the page", "nl": "{links} uitgaande links op de pagina"},
    "compare.reason.hidden-link-to-site": {"en": "your link is hidden (hacked page?)", "nl": "je link is verborgen (gehackte pagina?)"},
    "compare.reason.hidden-links": {"en": "{links} hidden links to other sites", "nl": "{links} verborgen links naar andere sites"},
    "compare.reason.hidden-spam-links": {"en": "{links} hidden spam links (hacked page?)", "nl": "{links} verborgen spamlinks (gehackte pagina?)"},
    "compare.reason.parked": {"en": "parked or for-sale domain", "nl": "geparkeerd domein of te koop"},
    "compare.reason.foreign-script": {"en": "page in {script} script", "nl": "pagina in {script} schrift"},
    "compare.reason.link-farm": {
        "en": "{pages} pages with the same anchor \"{anchor}\" (link farm)",
        "nl": "{pages} pagina's met dezelfde ankertekst \"{anchor}\" (linkfarm)",
    },
    "compare.reason.sitewide": {"en": "sitewide link on {pages} pages (footer/sidebar)", "nl": "sitewide link op {pages} pagina's (footer/sidebar)"},
    "compare.reason.template-link": {"en": "link only in the {placement} (a template link)", "nl": "link alleen in de {placement} (een sjabloonlink)"},
    "compare.reason.not_read": {
        "en": "not read yet (a scan that reads pages will)",
        "nl": "nog niet gelezen (een scan die pagina's leest doet dat)",
    },
    "compare.reason.unread": {"en": "page could not be read ({why})", "nl": "pagina niet te lezen ({why})"},
    "compare.mark.saved": {
        "en": "{domain} marked {decision} for {site}.",
        "nl": "{domain} gemarkeerd als {decision} voor {site}.",
    },
    "compare.mark.usage": {
        "en": "Use: backlinks toxic SITE, or backlinks toxic mark SITE DOMAIN keep|disavow [--reason TEXT] [--force].",
        "nl": "Gebruik: backlinks toxic SITE, of backlinks toxic mark SITE DOMEIN keep|disavow [--reason TEKST] [--force].",
    },
    # ---- disavow
    "compare.disavow.written": {
        "en": "Disavow file for {site} written to {path}: {count} domains, only the ones you marked. Upload it in Google Search Console.",
        "nl": "Disavow-bestand voor {site} geschreven naar {path}: {count} domeinen, alleen wat je markeerde. Upload het in Google Search Console.",
    },
    "compare.disavow.written.one": {
        "en": "Disavow file for {site} written to {path}: 1 domain, only the one you marked. Upload it in Google Search Console.",
        "nl": "Disavow-bestand voor {site} geschreven naar {path}: 1 domein, alleen wat je markeerde. Upload het in Google Search Console.",
    },
    "compare.disavow.nothing_marked": {
        "en": "Nothing is marked for disavow for {site}; review `{cmd} toxic {site}` and mark domains with `{cmd} toxic mark {site} DOMAIN disavow`.",
        "nl": "Er is nog niets gemarkeerd voor disavow bij {site}; bekijk `{cmd} toxic {site}` en markeer domeinen met `{cmd} toxic mark {site} DOMEIN disavow`.",
    },
    "compare.disavow.slack": {
        "en": "Disavow file for {site}: {count} domains, only the ones you marked. Upload it in Google Search Console.",
        "nl": "Disavow-bestand voor {site}: {count} domeinen, alleen wat je markeerde. Upload het in Google Search Console.",
    },
    "compare.disavow.slack.one": {
        "en": "Disavow file for {site}: 1 domain, the one you marked. Upload it in Google Search Console.",
        "nl": "Disavow-bestand voor {site}: 1 domein, het domein dat je markeerde. Upload het in Google Search Console.",
    },
    # ---- authority
    "compare.authority.imported": {
        "en": "Imported {source} ranking: {lines} lines read, {stored} domains stored, {skipped} malformed lines skipped ({seconds} s).",
        "nl": "{source}-ranglijst geïmporteerd: {lines} regels gelezen, {stored} domeinen opgeslagen, {skipped} onleesbare regels overgeslagen ({seconds} s).",
    },
    "compare.authority.coverage": {
        "en": "{stored} of your {wanted} referring domains have an authority now; the rest stay unknown. Import the file again after adding backlinks from new domains.",
        "nl": "{stored} van je {wanted} verwijzende domeinen hebben nu een autoriteit; de rest blijft onbekend. Importeer het bestand opnieuw nadat je backlinks van nieuwe domeinen hebt toegevoegd.",
    },
    "compare.authority.no_domains": {
        "en": "This workspace has no referring domains yet, so nothing was kept; import backlinks first or use --all.",
        "nl": "Deze workspace heeft nog geen verwijzende domeinen, dus er is niets bewaard; importeer eerst backlinks of gebruik --all.",
    },
    # ---- slack
    "compare.slack.usage": {
        "en": "Use: /backlinks {command} SITE{extra}",
        "nl": "Gebruik: /backlinks {command} SITE{extra}",
    },
    "compare.slack.working": {"en": "Working on it…", "nl": "Bezig…"},
    "compare.slack.scanning": {
        "en": "Reading the referring pages of {site}; this can take a minute…",
        "nl": "De verwijzende pagina's van {site} worden gelezen; dat kan een minuut duren…",
    },
    "compare.slack.csv_title": {"en": "Outreach list for {site}", "nl": "Outreachlijst voor {site}"},
    "compare.usage.gap": {
        "en": "`/backlinks gap mysite.nl [rival.nl]`: who links to competitors but not to you (outreach CSV)",
        "nl": "`/backlinks gap mijnsite.nl [concurrent.nl]`: wie linkt naar concurrenten maar niet naar jou (outreach-CSV)",
    },
    "compare.usage.anchors": {
        "en": "`/backlinks anchors mysite.nl [keywords beste bakker utrecht, taart bestellen | brands My Site]`: your anchor-text mix",
        "nl": "`/backlinks anchors mijnsite.nl [keywords beste bakker utrecht, taart bestellen | brands Mijn Site]`: je ankertekstmix",
    },
    "compare.usage.toxic": {
        "en": "`/backlinks toxic mysite.nl` scores linking domains; `/backlinks toxic mark mysite.nl spam.example disavow [reason]` records your decision",
        "nl": "`/backlinks toxic mijnsite.nl` beoordeelt linkende domeinen; `/backlinks toxic mark mijnsite.nl spam.example disavow [reden]` legt je besluit vast",
    },
    "compare.usage.disavow": {
        "en": "`/backlinks disavow mysite.nl`: a disavow file of the domains you marked",
        "nl": "`/backlinks disavow mijnsite.nl`: een disavow-bestand van de domeinen die je markeerde",
    },
    "compare.slack.chart_comment": {
        "en": "Live referring domains, live links and dofollow share per site.",
        "nl": "Live verwijzende domeinen, live links en aandeel dofollow per site.",
    },
    "compare.slack.terms_saved": {"en": "Saved for {site}.", "nl": "Opgeslagen voor {site}."},
    "compare.button.keep": {"en": "Keep", "nl": "Behouden"},
    "compare.button.disavow": {"en": "Mark disavow", "nl": "Markeer disavow"},
    "compare.slack.toxic_csv_title": {"en": "Toxicity of {site}'s referring domains", "nl": "Risico van de verwijzende domeinen van {site}"},
    "compare.slack.toxic_more": {
        "en": "{count} more domains in the CSV file.",
        "nl": "Nog {count} domeinen in het CSV-bestand.",
    },
}
