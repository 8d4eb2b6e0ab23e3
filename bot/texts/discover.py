"""Sentences for discovery: watch lists, discovery runs and unlinked mentions (CLI and Slack)."""

TEXTS: dict[str, dict[str, str]] = {
    # errors
    "discover.bad_domain": {
        "en": "{domain!r} is not a domain name; give a site to watch like nieuws.gemeente.nl.",
        "nl": "{domain!r} is geen domeinnaam; geef een site om te volgen, zoals nieuws.gemeente.nl.",
    },
    "discover.watch_own_site": {
        "en": "{domain} is {site} itself; watch the sites that could link to it.",
        "nl": "{domain} is {site} zelf; volg de sites die ernaar zouden kunnen linken.",
    },
    "discover.running": {
        "en": "Discovery for {scope} is already running; wait until it has finished.",
        "nl": "De zoektocht voor {scope} loopt al; wacht tot die klaar is.",
    },
    "discover.no_domains": {
        "en": "Give at least one domain, for example: backlinks watch add {site} nieuws.gemeente.nl",
        "nl": "Geef minstens één domein, bijvoorbeeld: backlinks watch add {site} nieuws.gemeente.nl",
    },
    "discover.budget_invalid": {
        "en": "--budget must be a whole number from 1 to 100000.",
        "nl": "--budget moet een heel getal van 1 tot en met 100000 zijn.",
    },
    # watch list
    "discover.watch_added": {
        "en": "Watching {count} more domains for {site}: {domains}.",
        "nl": "Voor {site} worden {count} domeinen extra gevolgd: {domains}.",
    },
    "discover.watch_added.one": {
        "en": "Watching 1 more domain for {site}: {domains}.",
        "nl": "Voor {site} wordt 1 domein extra gevolgd: {domains}.",
    },
    "discover.watch_nothing_added": {
        "en": "Those domains were already watched for {site}.",
        "nl": "Die domeinen werden voor {site} al gevolgd.",
    },
    "discover.watch_removed": {
        "en": "No longer watching for {site}: {domains}.",
        "nl": "Voor {site} niet meer gevolgd: {domains}.",
    },
    "discover.watch_nothing_removed": {
        "en": "None of those domains were on the watch list of {site}.",
        "nl": "Geen van die domeinen stond op de volglijst van {site}.",
    },
    "discover.watch_header": {
        "en": "Watch list of {site}: {count} domains ({user} added by hand, {auto} linking to {site} or its competitors).",
        "nl": "Volglijst van {site}: {count} domeinen ({user} met de hand toegevoegd, {auto} die naar {site} of de concurrenten linken).",
    },
    "discover.watch_header.one": {
        "en": "Watch list of {site}: 1 domain ({user} added by hand, {auto} linking to {site} or its competitors).",
        "nl": "Volglijst van {site}: 1 domein ({user} met de hand toegevoegd, {auto} die naar {site} of de concurrenten linken).",
    },
    "discover.watch_empty": {
        "en": "Nothing to watch for {site} yet: import or add backlinks first, or add domains with: backlinks watch add {site} DOMAIN",
        "nl": "Nog niets te volgen voor {site}: importeer of voeg eerst backlinks toe, of voeg domeinen toe met: backlinks watch add {site} DOMEIN",
    },
    "discover.watch_line": {
        "en": "  {domain}  ({origin})",
        "nl": "  {domain}  ({origin})",
    },
    "discover.origin.user": {"en": "added by hand", "nl": "met de hand"},
    "discover.origin.auto": {"en": "links to you or a competitor", "nl": "linkt naar jou of een concurrent"},
    # discovery run
    "discover.summary": {
        "en": "Discovery for {scope}: read {domains_text}, {pages_text} ({unchanged} unchanged, {failed} failed), "
        "{listings_text} in {seconds:.1f} s.",
        "nl": "Zoektocht voor {scope}: {domains_text} gelezen, {pages_text} ({unchanged} ongewijzigd, {failed} mislukt), "
        "{listings_text} in {seconds:.1f} s.",
    },
    # counted nouns inside discover.summary (bot.plural.tn picks the .one variant)
    "discover.n.domains": {"en": "{count} domains", "nl": "{count} domeinen"},
    "discover.n.domains.one": {"en": "1 domain", "nl": "1 domein"},
    "discover.n.pages": {"en": "{count} pages", "nl": "{count} pagina's"},
    "discover.n.pages.one": {"en": "1 page", "nl": "1 pagina"},
    "discover.n.listings": {"en": "{count} sitemap/feed/home requests", "nl": "{count} sitemap-/feed-/homepageverzoeken"},
    "discover.n.listings.one": {"en": "1 sitemap/feed/home request", "nl": "1 sitemap-/feed-/homepageverzoek"},
    "discover.found": {
        "en": "New backlinks: {links}. New unlinked mentions: {mentions}.",
        "nl": "Nieuwe backlinks: {links}. Nieuwe vermeldingen zonder link: {mentions}.",
    },
    "discover.link_line": {
        "en": "  + {source_url} -> {target_url} ({kind})",
        "nl": "  + {source_url} -> {target_url} ({kind})",
    },
    "discover.deferred": {
        "en": "{count} pages did not fit in this run's budget of {budget}; the next run reads them.",
        "nl": "{count} pagina's pasten niet in het budget van {budget} van deze ronde; de volgende ronde leest ze.",
    },
    "discover.deferred.one": {
        "en": "1 page did not fit in this run's budget of {budget}; the next run reads it.",
        "nl": "1 pagina paste niet in het budget van {budget} van deze ronde; de volgende ronde leest die.",
    },
    "discover.resumed": {
        "en": "An earlier interrupted run was resumed; pages it had read were not read again.",
        "nl": "Een eerder onderbroken ronde is hervat; pagina's die al gelezen waren, zijn niet opnieuw gelezen.",
    },
    "discover.nothing_to_read": {
        "en": "No domains to read for {scope}: add backlinks, or watch domains with: backlinks watch add SITE DOMAIN",
        "nl": "Geen domeinen te lezen voor {scope}: voeg backlinks toe, of volg domeinen met: backlinks watch add SITE DOMEIN",
    },
    "discover.next_check": {
        "en": "New backlinks are checked from now on like every other: backlinks check {scope}",
        "nl": "Nieuwe backlinks worden vanaf nu gecontroleerd zoals alle andere: backlinks check {scope}",
    },
    "discover.scope_all": {"en": "all sites", "nl": "alle sites"},
    # mentions
    "discover.mentions_header": {
        "en": "{count} pages mention {site} without linking to it. Ask them for a link:",
        "nl": "{count} pagina's noemen {site} zonder ernaar te linken. Vraag ze om een link:",
    },
    "discover.mentions_header.one": {
        "en": "1 page mentions {site} without linking to it. Ask it for a link:",
        "nl": "1 pagina noemt {site} zonder ernaar te linken. Vraag om een link:",
    },
    "discover.mentions_header_all": {
        "en": "{count} mentions of {site} ({unlinked} on pages without a link to it):",
        "nl": "{count} vermeldingen van {site} ({unlinked} op pagina's zonder link ernaartoe):",
    },
    "discover.mentions_header_all.one": {
        "en": "1 mention of {site} ({unlinked} on a page without a link to it):",
        "nl": "1 vermelding van {site} ({unlinked} op een pagina zonder link ernaartoe):",
    },
    "discover.mentions_none": {
        "en": "No unlinked mentions of {site} found yet. Discovery looks for them: backlinks discover {site}",
        "nl": "Nog geen vermeldingen van {site} zonder link gevonden. De zoektocht zoekt ze: backlinks discover {site}",
    },
    "discover.slack.no_domains": {
        "en": "Give at least one domain, for example: `/backlinks watch add {site} nieuws.gemeente.nl`",
        "nl": "Geef minstens één domein, bijvoorbeeld: `/backlinks watch add {site} nieuws.gemeente.nl`",
    },
    "discover.slack.watch_empty": {
        "en": "Nothing to watch for {site} yet: import or add backlinks first, or add domains with: `/backlinks watch add {site} DOMAIN`",
        "nl": "Nog niets te volgen voor {site}: importeer of voeg eerst backlinks toe, of voeg domeinen toe met: `/backlinks watch add {site} DOMEIN`",
    },
    "discover.slack.nothing_to_read": {
        "en": "No domains to read for {scope}: add backlinks, or watch domains with: `/backlinks watch add {scope} DOMAIN`",
        "nl": "Geen domeinen te lezen voor {scope}: voeg backlinks toe, of volg domeinen met: `/backlinks watch add {scope} DOMEIN`",
    },
    "discover.slack.next_check": {
        "en": "New backlinks are checked from now on like every other: `/backlinks check {scope}`",
        "nl": "Nieuwe backlinks worden vanaf nu gecontroleerd zoals alle andere: `/backlinks check {scope}`",
    },
    "discover.slack.more": {
        "en": "... and {count} more (`/backlinks export {scope}` lists every link).",
        "nl": "... en nog {count} (`/backlinks export {scope}` geeft alle links).",
    },
    "discover.slack.mentions_none": {
        "en": "No unlinked mentions of {site} found yet. Discovery looks for them: `/backlinks discover {site}`",
        "nl": "Nog geen vermeldingen van {site} zonder link gevonden. De zoektocht zoekt ze: `/backlinks discover {site}`",
    },
    "discover.mention_line": {
        "en": "  {page_url}\n    \u201c{sentence}\u201d",
        "nl": "  {page_url}\n    \u201c{sentence}\u201d",
    },
    "discover.mention_linked": {"en": " (already links to you)", "nl": " (linkt al naar je)"},
    "discover.more": {
        "en": "... and {count} more (use --json for all).",
        "nl": "... en nog {count} (gebruik --json voor alles).",
    },
    "discover.more_csv": {
        "en": "... and {count} more in the CSV file.",
        "nl": "... en nog {count} in het CSV-bestand.",
    },
    # Slack
    "discover.slack.usage.watch": {
        "en": "`/backlinks watch list SITE`, `/backlinks watch add SITE DOMAIN...`, `/backlinks watch remove SITE DOMAIN...`",
        "nl": "`/backlinks watch list SITE`, `/backlinks watch add SITE DOMEIN...`, `/backlinks watch remove SITE DOMEIN...`",
    },
    "discover.slack.usage.discover": {
        "en": "`/backlinks discover SITE`: read the sites on its watch list for new backlinks and mentions",
        "nl": "`/backlinks discover SITE`: lees de sites op de volglijst voor nieuwe backlinks en vermeldingen",
    },
    "discover.slack.usage.mentions": {
        "en": "`/backlinks mentions SITE`: pages that name the site without linking to it",
        "nl": "`/backlinks mentions SITE`: pagina's die de site noemen zonder ernaar te linken",
    },
    "discover.slack.progress": {
        "en": ":mag: Looking for new links to *{scope}*: reading {sites} that link to you or your competitors… ({done} of {total} done)",
        "nl": ":mag: Nieuwe links naar *{scope}* zoeken: ik lees {sites} die naar jou of je concurrenten linken… ({done} van {total} klaar)",
    },
    "discover.slack.starting": {
        "en": ":mag: Looking for new links to *{scope}*: reading {sites} that link to you or your competitors…",
        "nl": ":mag: Nieuwe links naar *{scope}* zoeken: ik lees {sites} die naar jou of je concurrenten linken…",
    },
    "discover.slack.result": {
        "en": "Done looking for new links to *{scope}*: I read {pages} on {sites} and found {links} and {mentions}.",
        "nl": "Klaar met zoeken naar nieuwe links naar *{scope}*: ik las {pages} op {sites} en vond {links} en {mentions}.",
    },
    "discover.slack.n_sites": {"en": "{count} sites", "nl": "{count} sites"},
    "discover.slack.n_sites.one": {"en": "1 site", "nl": "1 site"},
    "discover.slack.n_pages": {"en": "{count} pages", "nl": "{count} pagina's"},
    "discover.slack.n_pages.one": {"en": "1 page", "nl": "1 pagina"},
    "discover.slack.n_links": {"en": "{count} new links", "nl": "{count} nieuwe links"},
    "discover.slack.n_links.one": {"en": "1 new link", "nl": "1 nieuwe link"},
    "discover.slack.n_mentions": {"en": "{count} mentions without a link", "nl": "{count} vermeldingen zonder link"},
    "discover.slack.n_mentions.one": {"en": "1 mention without a link", "nl": "1 vermelding zonder link"},
    "discover.slack.unreadable": {
        "en": "{count} pages could not be read (the site did not answer or refused); I try them again next time.",
        "nl": "{count} pagina's kon ik niet lezen (de site gaf geen antwoord of weigerde); ik probeer ze de volgende keer opnieuw.",
    },
    "discover.slack.unreadable.one": {
        "en": "1 page could not be read (the site did not answer or refused); I try it again next time.",
        "nl": "1 pagina kon ik niet lezen (de site gaf geen antwoord of weigerde); ik probeer die de volgende keer opnieuw.",
    },
    "discover.slack.resumed": {
        "en": "I carried on where an earlier search stopped, so pages read then were not read again.",
        "nl": "Ik ging verder waar een eerdere zoektocht stopte; pagina's die toen al gelezen waren, las ik niet opnieuw.",
    },
    "discover.slack.deferred": {
        "en": "{count} more pages are left for next time (I read at most {budget} pages per search).",
        "nl": "Nog {count} pagina's bewaar ik voor de volgende keer (ik lees hoogstens {budget} pagina's per zoektocht).",
    },
    "discover.slack.deferred.one": {
        "en": "1 more page is left for next time (I read at most {budget} pages per search).",
        "nl": "Nog 1 pagina bewaar ik voor de volgende keer (ik lees hoogstens {budget} pagina's per zoektocht).",
    },
    "discover.slack.link_line": {"en": "• {source_url} → {target_url}", "nl": "• {source_url} → {target_url}"},
    "discover.slack.failed": {
        "en": "Discovery for {scope} failed; try again later.",
        "nl": "De zoektocht voor {scope} is mislukt; probeer het later opnieuw.",
    },
    "discover.slack.interrupted": {
        "en": "Discovery for {scope} was interrupted; the next run carries on where it stopped.",
        "nl": "De zoektocht voor {scope} is onderbroken; de volgende ronde gaat verder waar deze stopte.",
    },
    "discover.slack.mentions_csv_title": {
        "en": "Unlinked mentions of {site}",
        "nl": "Vermeldingen van {site} zonder link",
    },
}
