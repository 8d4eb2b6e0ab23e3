"""Sentences for the backlink store, checks and digests (CLI now, Slack later)."""

TEXTS: dict[str, dict[str, str]] = {
    # errors
    "store.site_not_tracked": {
        "en": "{site} is not tracked in this workspace; start with: {cmd} track {site}",
        "nl": "{site} wordt in deze werkruimte niet gevolgd; begin met: {cmd} track {site}",
    },
    "store.untrack_not_tracked": {
        "en": "{site} is not tracked in this workspace, so there is nothing to stop; the tracked sites: {cmd} sites",
        "nl": "{site} wordt in deze werkruimte niet gevolgd, dus er valt niets te stoppen; de gevolgde sites: {cmd} sites",
    },
    "store.workspace_required": {
        "en": "Give a workspace id with --workspace (or leave it out to use the local workspace).",
        "nl": "Geef een werkruimte-id met --workspace (of laat het weg voor de lokale werkruimte).",
    },
    "store.competitor_of_itself": {
        "en": "{site} cannot be a competitor of itself.",
        "nl": "{site} kan geen concurrent van zichzelf zijn.",
    },
    "store.check_running": {
        "en": "A check of {site} is already running; wait until it has finished.",
        "nl": "Er loopt al een controle van {site}; wacht tot die klaar is.",
    },
    "store.no_urls": {
        "en": "Give at least one page URL that links to {site}, for example https://blog.example/post.",
        "nl": "Geef minstens één pagina-URL die naar {site} linkt, bijvoorbeeld https://blog.example/post.",
    },
    "store.none_added.invalid-url": {
        "en": "None of the URLs could be added: {first} is not a full web address (use full URLs starting with https://).",
        "nl": "Geen van de URL's kon worden toegevoegd: {first} is geen volledig webadres (gebruik volledige URL's die met https:// beginnen).",
    },
    "store.none_added.same-site": {
        "en": "None of the URLs could be added: {first} is a page of the site itself, not a page of another site.",
        "nl": "Geen van de URL's kon worden toegevoegd: {first} is een pagina van de site zelf, geen pagina van een andere site.",
    },
    "store.none_added.private-address": {
        "en": "None of the URLs could be added: {first} is on this machine or a private network (allowed only with BACKLINKS_ALLOW_PRIVATE_NETWORKS=1).",
        "nl": "Geen van de URL's kon worden toegevoegd: {first} staat op deze machine of een privénetwerk (alleen toegestaan met BACKLINKS_ALLOW_PRIVATE_NETWORKS=1).",
    },
    "store.all_urls_invalid": {
        "en": "None of the URLs could be added: {first} is not a page of another site (use full URLs starting with https://).",
        "nl": "Geen van de URL's kon worden toegevoegd: {first} is geen pagina van een andere site (gebruik volledige URL's die met https:// beginnen).",
    },
    "store.file_missing": {
        "en": "The file {path} does not exist or cannot be read.",
        "nl": "Het bestand {path} bestaat niet of kan niet worden gelezen.",
    },
    "store.output_unwritable": {
        "en": "Cannot write {path}: {problem}.",
        "nl": "Kan {path} niet schrijven: {problem}.",
    },
    "store.days_invalid": {
        "en": "--days must be a whole number from 1 to 366.",
        "nl": "--days moet een heel getal van 1 tot en met 366 zijn.",
    },
    # track / untrack / sites
    "store.tracked": {
        "en": "Tracking {site}. Next: backlinks import {site} FILE (an export from Search Console, Ahrefs, Semrush, ...) or backlinks add {site} URL.",
        "nl": "{site} wordt gevolgd. Volgende stap: backlinks import {site} BESTAND (een export uit Search Console, Ahrefs, Semrush, ...) of backlinks add {site} URL.",
    },
    "store.site_missing": {
        "en": "Give a site as a domain name, for example mysite.nl.",
        "nl": "Geef een site als domeinnaam, bijvoorbeeld mijnsite.nl.",
    },
    "store.not_a_domain": {
        "en": "{text} is not a domain name; give a site like mysite.nl.",
        "nl": "{text} is geen domeinnaam; geef een site zoals mijnsite.nl.",
    },
    "store.ip_not_site": {
        "en": "{text} is an IP address, not a site; give the site's domain name, like mysite.nl.",
        "nl": "{text} is een IP-adres, geen site; geef de domeinnaam van de site, zoals mijnsite.nl.",
    },
    "store.bad_punycode": {
        "en": "{text} is not a valid international domain name (its xn-- part cannot be read).",
        "nl": "{text} is geen geldige internationale domeinnaam (het xn---deel is onleesbaar).",
    },
    "store.competitor_loop": {
        "en": "{owner} is already a competitor of {site}; two sites cannot be each other's competitors.",
        "nl": "{owner} is al een concurrent van {site}; twee sites kunnen niet elkaars concurrent zijn.",
    },
    "store.still_competitor": {
        "en": "{site} stays a competitor of {owners}; to make it one of your own sites: {cmd} track {site} --own",
        "nl": "{site} blijft een concurrent van {owners}; maak er zo een eigen site van: {cmd} track {site} --own",
    },
    "store.own_and_competitor": {
        "en": "Use either --own or --competitor-of, not both.",
        "nl": "Gebruik --own of --competitor-of, niet allebei.",
    },
    "store.tracked_competitor": {
        "en": "Tracking {site} as a competitor of {owner}.",
        "nl": "{site} wordt gevolgd als concurrent van {owner}.",
    },
    "store.untracked": {
        "en": "Stopped tracking {site}; its backlinks and history are deleted.",
        "nl": "{site} wordt niet meer gevolgd; de backlinks en geschiedenis zijn verwijderd.",
    },
    "store.no_sites": {
        "en": "No sites tracked yet. Start with: backlinks track mysite.nl",
        "nl": "Nog geen sites gevolgd. Begin met: backlinks track mijnsite.nl",
    },
    "store.sites_header": {
        "en": "{site:<28} {role:<11} {total:>6} {live:>6} {missing:>8} {lost:>6} {blocked:>8}  last check",
        "nl": "{site:<28} {role:<11} {total:>6} {live:>6} {missing:>8} {lost:>6} {blocked:>8}  laatste controle",
    },
    "store.role.own": {"en": "own", "nl": "eigen"},
    "store.role.competitor": {"en": "competitor", "nl": "concurrent"},
    "store.never": {"en": "never", "nl": "nooit"},
    # add / import
    "store.added": {
        "en": "{site}: {added} pages added, {merged} already known.",
        "nl": "{site}: {added} pagina's toegevoegd, {merged} waren al bekend.",
    },
    "store.added.one": {
        "en": "{site}: 1 page added, {merged} already known.",
        "nl": "{site}: 1 pagina toegevoegd, {merged} waren al bekend.",
    },
    "store.rejected_url": {
        "en": "  skipped {url}: {why}",
        "nl": "  overgeslagen {url}: {why}",
    },
    "store.reject.invalid-url": {"en": "not a full http(s) URL", "nl": "geen volledige http(s)-URL"},
    "store.reject.other-site": {"en": "links to {other}, not {site}", "nl": "linkt naar {other}, niet naar {site}"},
    "store.export_other_site": {
        "en": "This export lists links to {other}, not to {site}; import it for that site or export the backlinks of {site}.",
        "nl": "Deze export bevat links naar {other}, niet naar {site}; importeer hem voor die site of exporteer de backlinks van {site}.",
    },
    "store.reject.private-address": {
        "en": "a local or private network address (allowed only with BACKLINKS_ALLOW_PRIVATE_NETWORKS=1)",
        "nl": "een lokaal of privé-netwerkadres (alleen toegestaan met BACKLINKS_ALLOW_PRIVATE_NETWORKS=1)",
    },
    "store.reject.same-site": {"en": "a page of the site itself, not a backlink", "nl": "een pagina van de site zelf, geen backlink"},
    "store.imported": {
        "en": "{site}: read {rows_text} as {format}; {added_text}, {merged} already known, {duplicates_text}, {rejected_text}.",
        "nl": "{site}: {rows_text} gelezen als {format}; {added_text}, {merged} al bekend, {duplicates_text}, {rejected_text}.",
    },
    # counted nouns inside store.imported (bot.plural.tn picks the .one variant)
    "store.n.rows": {"en": "{count} rows", "nl": "{count} rijen"},
    "store.n.rows.one": {"en": "1 row", "nl": "1 rij"},
    "store.n.new_pages": {"en": "{count} new pages", "nl": "{count} nieuwe pagina's"},
    "store.n.new_pages.one": {"en": "1 new page", "nl": "1 nieuwe pagina"},
    "store.n.duplicates": {"en": "{count} duplicates merged", "nl": "{count} dubbele samengevoegd"},
    "store.n.duplicates.one": {"en": "1 duplicate merged", "nl": "1 dubbele samengevoegd"},
    "store.n.rejected": {"en": "{count} rows rejected", "nl": "{count} rijen afgewezen"},
    "store.n.rejected.one": {"en": "1 row rejected", "nl": "1 rij afgewezen"},
    "store.rejected_row": {
        "en": "  line {line}: {reason}",
        "nl": "  regel {line}: {reason}",
    },
    "store.rejected_more": {
        "en": "  ... and {count} more.",
        "nl": "  ... en nog {count}.",
    },
    "store.referring_domains_only": {
        "en": "This file lists {count} referring sites but no pages, so there is nothing to check. In Search Console, export 'Latest links' instead.",
        "nl": "Dit bestand noemt {count} verwijzende sites maar geen pagina's, dus er valt niets te controleren. Exporteer in Search Console liever 'Nieuwste links'.",
    },
    "store.referring_domains_only.one": {
        "en": "This file lists 1 referring site but no pages, so there is nothing to check. In Search Console, export 'Latest links' instead.",
        "nl": "Dit bestand noemt 1 verwijzende site maar geen pagina's, dus er valt niets te controleren. Exporteer in Search Console liever 'Nieuwste links'.",
    },
    "store.referring_domains_too": {
        "en": "The file also lists {count} referring sites without pages; only pages can be checked, so those rows are counted but not stored.",
        "nl": "Het bestand noemt ook {count} verwijzende sites zonder pagina's; alleen pagina's kunnen worden gecontroleerd, dus die rijen zijn geteld maar niet opgeslagen.",
    },
    "store.referring_domains_too.one": {
        "en": "The file also lists 1 referring site without pages; only pages can be checked, so that row is counted but not stored.",
        "nl": "Het bestand noemt ook 1 verwijzende site zonder pagina's; alleen pagina's kunnen worden gecontroleerd, dus die rij is geteld maar niet opgeslagen.",
    },
    "store.next_check": {
        "en": "Next: backlinks check {site}",
        "nl": "Volgende stap: backlinks check {site}",
    },
    # export
    "store.exported": {
        "en": "Wrote {rows} backlinks of {site} to {path}.",
        "nl": "{rows} backlinks van {site} geschreven naar {path}.",
    },
    "store.exported.one": {
        "en": "Wrote 1 backlink of {site} to {path}.",
        "nl": "1 backlink van {site} geschreven naar {path}.",
    },
    # check
    "store.check_page_links": {
        "en": "{count} links on this page to your tracked sites ({sites}).",
        "nl": "{count} links op deze pagina naar je gevolgde sites ({sites}).",
    },
    "store.check_page_links.one": {
        "en": "1 link on this page to your tracked sites ({sites}).",
        "nl": "1 link op deze pagina naar je gevolgde sites ({sites}).",
    },
    "store.check_page_none": {
        "en": "This page does not link to your tracked sites ({sites}).",
        "nl": "Deze pagina linkt niet naar je gevolgde sites ({sites}).",
    },
    "store.check_page_no_sites": {
        "en": "No sites are tracked yet, so these are all the page's links; start with: {cmd} track SITE",
        "nl": "Er worden nog geen sites gevolgd, dus dit zijn alle links van de pagina; begin met: {cmd} track SITE",
    },
    "store.check_nothing": {
        "en": "{site} has no backlinks to check yet; add some with {cmd} import {site} FILE or {cmd} add {site} URL.",
        "nl": "{site} heeft nog geen backlinks om te controleren; voeg ze toe met {cmd} import {site} BESTAND of {cmd} add {site} URL.",
    },
    "store.check_summary": {
        "en": "{site}: checked {checked} pages in {seconds:.1f} s: {live} live, {missing} missing, {lost} lost, {blocked} blocked.",
        "nl": "{site}: {checked} pagina's gecontroleerd in {seconds:.1f} s: {live} live, {missing} ontbreekt, {lost} verloren, {blocked} geblokkeerd.",
    },
    "store.check_summary.one": {
        "en": "{site}: checked 1 page in {seconds:.1f} s: {live} live, {missing} missing, {lost} lost, {blocked} blocked.",
        "nl": "{site}: 1 pagina gecontroleerd in {seconds:.1f} s: {live} live, {missing} ontbreekt, {lost} verloren, {blocked} geblokkeerd.",
    },
    "store.check_follow": {
        "en": "Of the live links, {followed} pass ranking value (follow) and {not_followed} do not (nofollow, sponsored or ugc).",
        "nl": "Van de live links geven er {followed} rankingwaarde door (follow) en {not_followed} niet (nofollow, sponsored of ugc).",
    },
    "store.check_events": {
        "en": "Since the previous check: {appeared} new, {lost} lost, {returned} back, {changed} changed.",
        "nl": "Sinds de vorige controle: {appeared} nieuw, {lost} verloren, {returned} terug, {changed} gewijzigd.",
    },
    "store.check_baseline": {
        "en": "This was the first check: links not found now are 'missing' and only count as lost when the next check agrees.",
        "nl": "Dit was de eerste controle: links die nu niet gevonden zijn heten 'ontbreekt' en tellen pas als verloren als de volgende controle dat bevestigt.",
    },
    "store.check_interrupted_before": {
        "en": "An earlier check of {site} was cut off; its results so far are kept.",
        "nl": "Een eerdere controle van {site} is afgebroken; de resultaten tot dan toe zijn bewaard.",
    },
    "store.check_problems": {
        "en": "Needs attention:",
        "nl": "Let op:",
    },
    "store.check_line": {
        "en": "  {status:<8} {source_url}  ({reason})",
        "nl": "  {status:<8} {source_url}  ({reason})",
    },
    "store.check_more": {
        "en": "  ... {count} more; see backlinks export {site}",
        "nl": "  ... nog {count}; zie backlinks export {site}",
    },
    "store.status.live": {"en": "live", "nl": "live"},
    "store.status.missing": {"en": "missing", "nl": "ontbreekt"},
    "store.status.lost": {"en": "lost", "nl": "verloren"},
    "store.status.blocked": {"en": "blocked", "nl": "geblokkeerd"},
    "store.status.pending": {"en": "pending", "nl": "wacht"},
    "store.reason.link-removed": {"en": "the page no longer links to the site", "nl": "de pagina linkt niet meer naar de site"},
    "store.reason.page-not-found": {"en": "the page is gone (404/410)", "nl": "de pagina is weg (404/410)"},
    "store.reason.redirected": {"en": "the page moved and the link is gone", "nl": "de pagina is verhuisd en de link is weg"},
    "store.reason.noindex": {"en": "the page is noindex, so the link does not count", "nl": "de pagina staat op noindex, dus de link telt niet"},
    "store.reason.canonical-elsewhere": {
        "en": "the page names another URL as canonical, so the link does not count",
        "nl": "de pagina noemt een andere URL als canoniek, dus de link telt niet",
    },
    "store.reason.server-error": {"en": "the site's server gave an error", "nl": "de server van de site gaf een fout"},
    "store.reason.unreachable": {"en": "the site could not be reached", "nl": "de site was niet bereikbaar"},
    "store.reason.blocked": {
        "en": "the site kept our bot out; this is not a lost link",
        "nl": "de site hield onze bot buiten; dit is geen verloren link",
    },
    "store.reason.too-large": {
        "en": "the page is too large to read; this is not a lost link",
        "nl": "de pagina is te groot om te lezen; dit is geen verloren link",
    },
    "store.change.nofollow-added": {"en": "nofollow added", "nl": "nofollow toegevoegd"},
    "store.change.follow-restored": {"en": "follow restored", "nl": "weer follow"},
    "store.change.anchor-changed": {"en": "anchor text changed", "nl": "ankertekst gewijzigd"},
    "store.change.target-changed": {"en": "link target changed", "nl": "linkdoel gewijzigd"},
    "store.change.placement-changed": {"en": "placement changed", "nl": "plaats op de pagina gewijzigd"},
    # digest
    "store.digest_title": {
        "en": "{site}, {start} to {end}: {gained} gained, {lost} lost, {changed} changed (now live links: {live}, referring domains: {domains}).",
        "nl": "{site}, {start} tot {end}: {gained} erbij, {lost} verloren, {changed} gewijzigd (nu live links: {live}, verwijzende domeinen: {domains}).",
    },
    "store.digest_gained": {"en": "Gained:", "nl": "Erbij:"},
    "store.digest_lost": {"en": "Lost:", "nl": "Verloren:"},
    "store.digest_changed": {"en": "Changed:", "nl": "Gewijzigd:"},
    "store.digest_no_checks": {
        "en": "No completed check of {site} in this period; run backlinks check {site}.",
        "nl": "Geen voltooide controle van {site} in deze periode; voer backlinks check {site} uit.",
    },
}
