"""Texts of the Slack bot (Dutch and English). Slack mrkdwn: *bold*, _italic_, `code`."""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- general
    "slack.error": {"en": ":warning: {message}", "nl": ":warning: {message}"},
    "slack.internal_error": {
        "en": ":warning: Something went wrong on our side. Please try again in a minute.",
        "nl": ":warning: Er ging bij ons iets mis. Probeer het over een minuutje opnieuw.",
    },
    "slack.upload_failed": {
        "en": ":warning: I could not send you the file {filename}. Please try again in a minute.",
        "nl": ":warning: Het bestand {filename} kon ik je niet sturen. Probeer het over een minuutje opnieuw.",
    },
    "slack.bad_args": {
        "en": "That is not quite right. Try it like this:\n{usage}",
        "nl": "Dat klopt nog niet helemaal. Probeer het zo:\n{usage}",
    },
    "slack.unknown": {
        "en": "I don't know `{word}`. Type `/backlinks help` to see what I can do, or ask a question: `/backlinks is a nofollow link worth anything?`",
        "nl": "`{word}` ken ik niet. Typ `/backlinks help` om te zien wat ik kan, of stel een vraag: `/backlinks is een nofollow link nog iets waard?`",
    },
    "slack.unknown_suggest": {
        "en": "I don't know `{word}`. Did you mean `/backlinks {suggestion}`? Type `/backlinks help` for all commands.",
        "nl": "`{word}` ken ik niet. Bedoel je `/backlinks {suggestion}`? Typ `/backlinks help` voor alle opdrachten.",
    },
    "slack.not_in_channel": {
        "en": "I could not post in <#{channel}> because I am not a member; invite me with `/invite @Backlinks`. Here is the message instead:",
        "nl": "Ik kon niet posten in <#{channel}> omdat ik daar geen lid ben; nodig me uit met `/invite @Backlinks`. Hier is het bericht:",
    },
    "slack.more_in_csv": {"en": "…and {count} more (see the CSV file).", "nl": "…en nog {count} (zie het CSV-bestand)."},
    "slack.more_in_csv_plain": {"en": "More detail is in the CSV file.", "nl": "Meer details staan in het CSV-bestand."},
    "slack.more_plain": {"en": "…and {count} more.", "nl": "…en nog {count}."},
    # ---------------------------------------------------------------- usage lines (help and corrections)
    "slack.usage.help": {"en": "`/backlinks help`: this overview", "nl": "`/backlinks help`: dit overzicht"},
    "slack.usage.track": {
        "en": "`/backlinks track mysite.nl [#channel]`: follow a site (messages go to #channel) · `/backlinks track rival.nl competitor-of mysite.nl`: follow a competitor",
        "nl": "`/backlinks track mijnsite.nl [#kanaal]`: volg een site (berichten gaan naar #kanaal) · `/backlinks track concurrent.nl competitor-of mijnsite.nl`: volg een concurrent",
    },
    "slack.usage.untrack": {
        "en": "`/backlinks untrack mysite.nl`: stop following a site and forget its links",
        "nl": "`/backlinks untrack mijnsite.nl`: stop met volgen en vergeet de links",
    },
    "slack.usage.sites": {"en": "`/backlinks sites`: the sites you follow", "nl": "`/backlinks sites`: de sites die je volgt"},
    "slack.usage.add": {
        "en": "`/backlinks add mysite.nl https://blog.example/post`: add pages that link to you",
        "nl": "`/backlinks add mijnsite.nl https://blog.voorbeeld.nl/artikel`: voeg pagina's toe die naar je linken",
    },
    "slack.usage.import": {
        "en": "`/backlinks import mysite.nl`: import an export from Search Console, Ahrefs, Semrush, Majestic or Moz",
        "nl": "`/backlinks import mijnsite.nl`: importeer een export uit Search Console, Ahrefs, Semrush, Majestic of Moz",
    },
    "slack.usage.check": {
        "en": "`/backlinks check mysite.nl`: check whether your links are still there · `/backlinks check https://blog.example/post`: look at one page",
        "nl": "`/backlinks check mijnsite.nl`: controleer of je links er nog zijn · `/backlinks check https://blog.voorbeeld.nl/artikel`: bekijk één pagina",
    },
    "slack.usage.export": {
        "en": "`/backlinks export mysite.nl`: all links as a CSV file",
        "nl": "`/backlinks export mijnsite.nl`: alle links als CSV-bestand",
    },
    "slack.usage.lang": {
        "en": "`/backlinks lang nl` or `/backlinks lang en` (or `auto`): the language I answer you in",
        "nl": "`/backlinks lang nl` of `/backlinks lang en` (of `auto`): de taal waarin ik je antwoord",
    },
    "slack.usage.faq": {
        "en": "`/backlinks faq is a nofollow link worth anything?`: ask me anything about backlinks (or just DM me)",
        "nl": "`/backlinks faq is een nofollow link nog iets waard?`: vraag me alles over backlinks (of stuur me een DM)",
    },
    "slack.usage.compare": {
        "en": "`/backlinks compare mysite.nl rival.nl`: compare with competitors",
        "nl": "`/backlinks compare mijnsite.nl concurrent.nl`: vergelijk met concurrenten",
    },
    # ---------------------------------------------------------------- help
    "slack.help.title": {"en": "Backlinks: what I can do", "nl": "Backlinks: wat ik kan"},
    "slack.help.intro": {
        "en": "I keep an eye on the pages that link to your site and tell you when a link disappears or stops counting. Commands:",
        "nl": "Ik houd de pagina's in de gaten die naar je site linken en meld het als een link verdwijnt of niet meer telt. Opdrachten:",
    },
    "slack.help.footer": {
        "en": "Send me a file in a direct message to import it, or just ask a question. The App Home tab shows your dashboard.",
        "nl": "Stuur me een bestand in een privébericht om het te importeren, of stel gewoon een vraag. Het tabblad Start toont je dashboard.",
    },
    "slack.welcome": {
        "en": ":wave: Hi! I watch the pages that link to your site. Start with `/backlinks track mysite.nl`, send me an export file here to import it, or just ask me a question about backlinks.",
        "nl": ":wave: Hoi! Ik houd de pagina's in de gaten die naar je site linken. Begin met `/backlinks track mijnsite.nl`, stuur me hier een exportbestand om het te importeren, of stel me gewoon een vraag over backlinks.",
    },
    # ---------------------------------------------------------------- language
    "slack.lang.set": {"en": "Done: I will answer you in English.", "nl": "Geregeld: ik antwoord je voortaan in het Nederlands."},
    "slack.lang.auto": {
        "en": "Done: I will answer in the language you write in, or else your Slack language.",
        "nl": "Geregeld: ik antwoord in de taal waarin je schrijft, en anders in je Slack-taal.",
    },
    # ---------------------------------------------------------------- sites
    "slack.track.done": {"en": "I now follow *{domain}*.", "nl": "Ik volg nu *{domain}*."},
    "slack.track.done_channel": {
        "en": "I now follow *{domain}* and post its news in <#{channel}>.",
        "nl": "Ik volg nu *{domain}* en post het nieuws daarover in <#{channel}>.",
    },
    "slack.track.competitor": {
        "en": "I now follow *{domain}* as a competitor of *{owner}*.",
        "nl": "Ik volg nu *{domain}* als concurrent van *{owner}*.",
    },
    "slack.track.next": {
        "en": "Next: tell me which pages link to it with `/backlinks import {domain}` (an export file) or `/backlinks add {domain} URL`.",
        "nl": "Volgende stap: vertel me welke pagina's ernaar linken met `/backlinks import {domain}` (een exportbestand) of `/backlinks add {domain} URL`.",
    },
    "slack.track.no_channel": {
        "en": "I can't find the channel {name}. Pick it from the list as you type (so Slack links it), or invite me there first.",
        "nl": "Ik kan het kanaal {name} niet vinden. Kies het uit de lijst tijdens het typen (dan linkt Slack het), of nodig me daar eerst uit.",
    },
    "slack.untrack.done": {"en": "I stopped following *{domain}* and forgot its links.", "nl": "Ik volg *{domain}* niet meer en ben de links vergeten."},
    "slack.track.still_competitor": {
        "en": "*{domain}* stays a competitor of {owners}. To make it one of your own sites: `/backlinks track {key} own`",
        "nl": "*{domain}* blijft een concurrent van {owners}. Maak er zo een eigen site van: `/backlinks track {key} own`",
    },
    "slack.count.live_links": {"en": "{count} live links", "nl": "{count} actieve links"},
    "slack.count.live_links.one": {"en": "1 live link", "nl": "1 actieve link"},
    "slack.count.sites": {"en": "{count} sites", "nl": "{count} sites"},
    "slack.count.sites.one": {"en": "1 site", "nl": "1 site"},
    "slack.untrack.ask": {
        "en": "Stop following *{domain}*? I will forget its {count} backlinks and their whole check history; this cannot be undone.",
        "nl": "Stoppen met *{domain}* volgen? Ik vergeet dan de {count} backlinks en de hele controlegeschiedenis; dat kan niet ongedaan worden.",
    },
    "slack.untrack.ask.one": {
        "en": "Stop following *{domain}*? I will forget its 1 backlink and its whole check history; this cannot be undone.",
        "nl": "Stoppen met *{domain}* volgen? Ik vergeet dan de 1 backlink en de hele controlegeschiedenis; dat kan niet ongedaan worden.",
    },
    "slack.untrack.confirm_title": {"en": "Delete the history?", "nl": "Geschiedenis wissen?"},
    "slack.untrack.confirm_text": {
        "en": "*{domain}* and its {count} backlinks with every check result will be deleted.",
        "nl": "*{domain}* en de {count} backlinks met alle controleresultaten worden gewist.",
    },
    "slack.untrack.confirm_text.one": {
        "en": "*{domain}* and its 1 backlink with every check result will be deleted.",
        "nl": "*{domain}* en de 1 backlink met alle controleresultaten worden gewist.",
    },
    "slack.untrack.confirm_yes": {"en": "Yes, delete", "nl": "Ja, wissen"},
    "slack.untrack.confirm_no": {"en": "Cancel", "nl": "Annuleren"},
    "slack.untrack.button": {"en": "Stop following and delete", "nl": "Stoppen en wissen"},
    "slack.untrack.keep": {"en": "Keep following", "nl": "Blijven volgen"},
    "slack.untrack.kept": {"en": "Nothing deleted: I still follow *{domain}*.", "nl": "Niets gewist: ik volg *{domain}* nog steeds."},
    "slack.untrack.not_tracked": {"en": "I was not following *{domain}*.", "nl": "Ik volgde *{domain}* niet."},
    "slack.sites.more": {
        "en": "…and {count} more sites: the CSV file I sent you lists every site.",
        "nl": "…en nog {count} sites: het CSV-bestand dat ik je stuurde, noemt ze allemaal.",
    },
    "slack.sites.more.one": {
        "en": "…and 1 more site: the CSV file I sent you lists every site.",
        "nl": "…en nog 1 site: het CSV-bestand dat ik je stuurde, noemt ze allemaal.",
    },
    "slack.sites.none": {
        "en": "You don't follow any site yet. Start with `/backlinks track mysite.nl`.",
        "nl": "Je volgt nog geen site. Begin met `/backlinks track mijnsite.nl`.",
    },
    "slack.sites.title": {"en": "Sites you follow ({count})", "nl": "Sites die je volgt ({count})"},
    "slack.sites.competitor": {"en": " (competitor)", "nl": " (concurrent)"},
    "slack.sites.never": {"en": "never", "nl": "nog nooit"},
    "slack.sites.line": {
        "en": "*{domain}*{role}{channel}\n{live_links} from {sites} · {lost} lost · last check: {last}",
        "nl": "*{domain}*{role}{channel}\n{live_links} van {sites} · {lost} verloren · laatste controle: {last}",
    },
    # ---------------------------------------------------------------- uninstalled workspace
    # Bolt answers with this (instead of its English default) when a workspace has no installation any more;
    # the workspace's language setting went with the uninstall, so the reply carries both languages.
    "slack.uninstalled": {
        "en": "This workspace has no Backlinks installation any more; reinstall the app to use it.",
        "nl": "Deze workspace heeft geen Backlinks-installatie meer; installeer de app opnieuw om hem te gebruiken.",
    },
    # ---------------------------------------------------------------- add
    "slack.add.done": {
        "en": "*{domain}*: {added} new pages added, {merged} already known.",
        "nl": "*{domain}*: {added} nieuwe pagina's toegevoegd, {merged} waren al bekend.",
    },
    "slack.add.done.one": {
        "en": "*{domain}*: 1 new page added, {merged} already known.",
        "nl": "*{domain}*: 1 nieuwe pagina toegevoegd, {merged} waren al bekend.",
    },
    "slack.add.rejected": {"en": "• skipped {url}: {reason}", "nl": "• overgeslagen {url}: {reason}"},
    "slack.add.reject.invalid-url": {"en": "not a web address", "nl": "geen webadres"},
    "slack.add.reject.same-site": {"en": "a page of the site itself", "nl": "een pagina van de site zelf"},
    "slack.add.reject.private-address": {
        "en": "a private or local address (not on the public web)",
        "nl": "een privé- of lokaal adres (niet op het openbare web)",
    },
    "slack.add.next": {"en": "Run `/backlinks check {domain}` to see whether the links are there.", "nl": "Start `/backlinks check {domain}` om te zien of de links er staan."},
    # ---------------------------------------------------------------- check
    "slack.check.starting": {"en": ":hourglass_flowing_sand: Checking the links to *{domain}*…", "nl": ":hourglass_flowing_sand: Ik controleer de links naar *{domain}*…"},
    "slack.check.progress": {
        "en": ":hourglass_flowing_sand: Checking the links to *{domain}*: {done} of {total} pages ({pct}%)…",
        "nl": ":hourglass_flowing_sand: Ik controleer de links naar *{domain}*: {done} van {total} pagina's ({pct}%)…",
    },
    "slack.check.started_elsewhere": {
        "en": "Checking *{domain}*; the progress and the result appear in <#{channel}>.",
        "nl": "Ik controleer *{domain}*; de voortgang en het resultaat verschijnen in <#{channel}>.",
    },
    "slack.check.started_dm": {
        "en": "Checking *{domain}*; I'll show the progress and the result in our direct messages.",
        "nl": "Ik controleer *{domain}*; de voortgang en het resultaat laat ik zien in onze privéberichten.",
    },
    "slack.check.requested_by": {"en": "Requested by <@{user}>", "nl": "Aangevraagd door <@{user}>"},
    "slack.check.already_running": {
        "en": "A check of *{domain}* is already running; the result will appear in its message.",
        "nl": "Er loopt al een controle van *{domain}*; het resultaat verschijnt in dat bericht.",
    },
    "slack.check.title": {"en": "Backlink check: {domain}", "nl": "Backlinkcontrole: {domain}"},
    "slack.check.summary": {
        "en": "Checked {checked} pages: *{live}* live · *{missing}* missing (to confirm) · *{lost}* lost · *{blocked}* could not be read",
        "nl": "{checked} pagina's gecontroleerd: *{live}* actief · *{missing}* weg (nog te bevestigen) · *{lost}* verloren · *{blocked}* niet leesbaar",
    },
    "slack.check.fallback": {
        "en": "Check of {domain}: {live} live, {missing} missing, {lost} lost, {blocked} blocked.",
        "nl": "Controle van {domain}: {live} actief, {missing} weg, {lost} verloren, {blocked} geblokkeerd.",
    },
    "slack.check.since_last": {
        "en": "Since the last check: *+{appeared}* found live, *{lost}* newly lost, *{returned}* back again.",
        "nl": "Sinds de vorige controle: *+{appeared}* actief gevonden, *{lost}* nieuw verloren, *{returned}* weer terug.",
    },
    "slack.check.lost_title": {"en": "*Lost links ({count})*, most important first:", "nl": "*Verloren links ({count})*, belangrijkste eerst:"},
    "slack.check.changes_title": {"en": "*What changed ({count})*:", "nl": "*Wat er veranderde ({count})*:"},
    "slack.check.no_links": {
        "en": "I don't know any pages that link to *{domain}* yet. Import an export with `/backlinks import {domain}` or add pages with `/backlinks add {domain} URL`.",
        "nl": "Ik ken nog geen pagina's die naar *{domain}* linken. Importeer een export met `/backlinks import {domain}` of voeg pagina's toe met `/backlinks add {domain} URL`.",
    },
    "slack.welcome": {
        "en": "Hi! :wave: I'm Backlinks: I keep an eye on the links to your site and tell you when one is lost. "
              "Start with `/backlinks track mysite.nl`, add the pages that link to you with `/backlinks add` or "
              "`/backlinks import`, then `/backlinks check mysite.nl`. You can also just ask me a question about "
              "backlinks here. Everything I can do: `/backlinks help`.",
        "nl": "Hoi! :wave: Ik ben Backlinks: ik houd de links naar je site in de gaten en meld het als er een "
              "verdwijnt. Begin met `/backlinks track mijnsite.nl`, voeg de pagina's die naar je linken toe met "
              "`/backlinks add` of `/backlinks import`, en dan `/backlinks check mijnsite.nl`. Je kunt me hier ook "
              "gewoon een vraag over backlinks stellen. Alles wat ik kan: `/backlinks help`.",
    },
    "slack.check.missing_note": {
        "en": "{count} links not found this time; we'll confirm at the next check.",
        "nl": "{count} links deze keer niet gevonden; bij de volgende controle bevestigen we het.",
    },
    "slack.check.missing_note.one": {
        "en": "1 link not found this time; we'll confirm at the next check.",
        "nl": "1 link deze keer niet gevonden; bij de volgende controle bevestigen we het.",
    },
    "slack.check.nothing_changed": {"en": "Nothing lost or changed. :white_check_mark:", "nl": "Niets verloren of veranderd. :white_check_mark:"},
    "slack.check.blocked_note": {
        "en": "{count} pages would not let me in (a bot wall or robots.txt). That is not a lost link; I will try again next time.",
        "nl": "{count} pagina's lieten me niet binnen (een botmuur of robots.txt). Dat is geen verloren link; ik probeer het de volgende keer opnieuw.",
    },
    "slack.check.blocked_note.one": {
        "en": "1 page would not let me in (a bot wall or robots.txt). That is not a lost link; I will try again next time.",
        "nl": "1 pagina liet me niet binnen (een botmuur of robots.txt). Dat is geen verloren link; ik probeer het de volgende keer opnieuw.",
    },
    "slack.check.csv_title": {"en": "Backlink check {domain}", "nl": "Backlinkcontrole {domain}"},
    "slack.check.csv_comment": {"en": "All {count} checked links, with status and reason.", "nl": "Alle {count} gecontroleerde links, met status en reden."},
    "slack.check.failed": {
        "en": ":warning: The check of *{domain}* failed. Please try again later.",
        "nl": ":warning: De controle van *{domain}* is mislukt. Probeer het later opnieuw.",
    },
    "slack.check.interrupted": {
        "en": "The check of *{domain}* was interrupted (the bot restarted). Run it again with `/backlinks check {domain}`.",
        "nl": "De controle van *{domain}* werd onderbroken (de bot herstartte). Start hem opnieuw met `/backlinks check {domain}`.",
    },
    "slack.button.recheck": {"en": "Check again", "nl": "Opnieuw controleren"},
    "slack.button.check_now": {"en": "Check now", "nl": "Nu controleren"},
    "slack.button.show_lost": {"en": "Show lost links", "nl": "Toon verloren links"},
    "slack.button.export": {"en": "Export CSV", "nl": "Exporteer CSV"},
    "slack.button.import": {"en": "Import export file", "nl": "Exportbestand importeren"},
    "slack.lost.none": {"en": "*{domain}* has no lost links. :tada:", "nl": "*{domain}* heeft geen verloren links. :tada:"},
    "slack.lost.title": {"en": "*Lost links of {domain} ({count})*", "nl": "*Verloren links van {domain} ({count})*"},
    "slack.lost.csv_title": {"en": "Lost links {domain}", "nl": "Verloren links {domain}"},
    # reasons in plain words
    "slack.reason.link-removed": {"en": "the page is fine but the link was removed", "nl": "de pagina bestaat nog, maar de link is weggehaald"},
    "slack.reason.no-link-found": {"en": "no link to your site found on this page", "nl": "geen link naar je site gevonden op deze pagina"},
    "slack.reason.page-not-found": {"en": "the page no longer exists (404)", "nl": "de pagina bestaat niet meer (404)"},
    "slack.reason.redirected": {"en": "the page moved and the link did not come along", "nl": "de pagina is verhuisd en de link is niet meegekomen"},
    "slack.reason.noindex": {"en": "the page asks Google not to index it, so the link hardly counts", "nl": "de pagina vraagt Google haar niet te indexeren, dus de link telt nauwelijks"},
    "slack.reason.canonical-elsewhere": {"en": "the page points Google to another version of itself", "nl": "de pagina verwijst Google naar een andere versie van zichzelf"},
    "slack.reason.server-error": {"en": "the website gave an error", "nl": "de website gaf een foutmelding"},
    "slack.reason.unreachable": {"en": "the website could not be reached", "nl": "de website was niet bereikbaar"},
    "slack.reason.blocked": {"en": "the website would not let the bot in", "nl": "de website liet de bot niet binnen"},
    "slack.reason.blocked-address": {"en": "the address is not a public website", "nl": "het adres is geen openbare website"},
    "slack.reason.not-html": {"en": "it is not a web page (a file or image)", "nl": "het is geen webpagina (een bestand of afbeelding)"},
    "slack.reason.too-large": {"en": "the page is too large to read", "nl": "de pagina is te groot om te lezen"},
    "slack.reason.invalid-url": {"en": "that is not a valid web address", "nl": "dat is geen geldig webadres"},
    "slack.reason.unknown": {"en": "unknown reason", "nl": "onbekende reden"},
    # changes
    "slack.change.nofollow-added": {"en": "became nofollow (passes no authority)", "nl": "werd nofollow (geeft geen autoriteit meer door)"},
    "slack.change.follow-restored": {"en": "counts again (follow)", "nl": "telt weer mee (follow)"},
    "slack.change.anchor-changed": {"en": "link text changed", "nl": "linktekst veranderd"},
    "slack.change.target-changed": {"en": "now points to another page", "nl": "wijst nu naar een andere pagina"},
    "slack.change.placement-changed": {"en": "moved to another part of the page", "nl": "staat nu op een andere plek op de pagina"},
    # placements
    "slack.placement.content": {"en": "in the text", "nl": "in de tekst"},
    "slack.placement.navigation": {"en": "in the menu", "nl": "in het menu"},
    "slack.placement.header": {"en": "in the header", "nl": "in de kop"},
    "slack.placement.footer": {"en": "in the footer", "nl": "in de voettekst"},
    "slack.placement.sidebar": {"en": "in the sidebar", "nl": "in de zijbalk"},
    "slack.placement.comments": {"en": "in the comments", "nl": "in de reacties"},
    "slack.placement.author": {"en": "in the author box", "nl": "in het auteursblok"},
    "slack.placement.other": {"en": "elsewhere on the page", "nl": "elders op de pagina"},
    "slack.placement.None": {"en": "somewhere on the page", "nl": "ergens op de pagina"},
    # ---------------------------------------------------------------- inspect (check URL)
    "slack.inspect.title": {"en": "*{url}* links to your sites {count} times.", "nl": "*{url}* linkt {count} keer naar je sites."},
    "slack.inspect.title.one": {"en": "*{url}* links to your sites once.", "nl": "*{url}* linkt 1 keer naar je sites."},
    "slack.inspect.error": {"en": "I could not read {url}: {reason}.", "nl": "Ik kon {url} niet lezen: {reason}."},
    "slack.inspect.redirected": {"en": "The page redirects to {final}.", "nl": "De pagina stuurt door naar {final}."},
    "slack.inspect.noindex": {
        "en": ":warning: The page asks search engines not to index it: its links hardly count.",
        "nl": ":warning: De pagina vraagt zoekmachines haar niet te indexeren: de links tellen nauwelijks.",
    },
    "slack.inspect.page_nofollow": {
        "en": ":warning: The whole page is nofollow: none of its links pass authority.",
        "nl": ":warning: De hele pagina is nofollow: geen enkele link geeft autoriteit door.",
    },
    "slack.inspect.no_sites": {
        "en": "You don't follow any site yet, so I can't tell which links are yours. Start with `/backlinks track mysite.nl`.",
        "nl": "Je volgt nog geen site, dus ik weet niet welke links van jou zijn. Begin met `/backlinks track mijnsite.nl`.",
    },
    "slack.inspect.none": {"en": "No link to {sites} on this page.", "nl": "Geen link naar {sites} op deze pagina."},
    "slack.inspect.follow": {"en": "counts (follow)", "nl": "telt mee (follow)"},
    "slack.inspect.nofollow": {"en": "does not pass authority", "nl": "geeft geen autoriteit door"},
    "slack.inspect.link": {
        "en": "• {href}: “{anchor}”, {kind}, {follow}, {placement}",
        "nl": "• {href}: “{anchor}”, {kind}, {follow}, {placement}",
    },
    # ---------------------------------------------------------------- export
    "slack.export.empty": {"en": "*{domain}* has no links yet.", "nl": "*{domain}* heeft nog geen links."},
    "slack.export.title": {"en": "Backlinks {domain}", "nl": "Backlinks {domain}"},
    "slack.export.comment": {"en": "All {count} backlinks of *{domain}*.", "nl": "Alle {count} backlinks van *{domain}*."},
    # ---------------------------------------------------------------- import
    "slack.import.how": {
        "en": "Upload the export in the window that just opened, or send the file to me in a direct message within the hour. I read Search Console, Ahrefs, Semrush, Majestic and Moz exports, and plain lists of URLs, for *{domain}*.",
        "nl": "Upload de export in het venster dat net openging, of stuur het bestand binnen een uur in een privébericht naar mij. Ik lees exports uit Search Console, Ahrefs, Semrush, Majestic en Moz, en gewone lijsten met URL's, voor *{domain}*.",
    },
    "slack.import.how_dm": {
        "en": "Send me the export file for *{domain}* in this direct message within the hour. I read Search Console, Ahrefs, Semrush, Majestic and Moz exports, and plain lists of URLs.",
        "nl": "Stuur me binnen een uur het exportbestand voor *{domain}* in dit privébericht. Ik lees exports uit Search Console, Ahrefs, Semrush, Majestic en Moz, en gewone lijsten met URL's.",
    },
    "slack.import.modal_title": {"en": "Import backlinks", "nl": "Backlinks importeren"},
    "slack.import.modal_submit": {"en": "Import", "nl": "Importeer"},
    "slack.import.modal_close": {"en": "Cancel", "nl": "Annuleer"},
    "slack.import.modal_intro": {
        "en": "Choose the export file (CSV) with the pages that link to *{domain}*.",
        "nl": "Kies het exportbestand (CSV) met de pagina's die naar *{domain}* linken.",
    },
    "slack.import.modal_label": {"en": "Export file", "nl": "Exportbestand"},
    "slack.import.no_file": {"en": "Choose a file first.", "nl": "Kies eerst een bestand."},
    "slack.import.done": {
        "en": "Imported the *{format}* export for *{domain}*: {rows} rows read, *{added}* new links, {merged} already known, {rejected} rejected.",
        "nl": "De *{format}*-export voor *{domain}* is geïmporteerd: {rows} rijen gelezen, *{added}* nieuwe links, {merged} al bekend, {rejected} afgewezen.",
    },
    "slack.import.done_short": {"en": "Imported {added} new links for {domain}.", "nl": "{added} nieuwe links geïmporteerd voor {domain}."},
    "slack.import.done_short.one": {"en": "Imported 1 new link for {domain}.", "nl": "1 nieuwe link geïmporteerd voor {domain}."},
    "slack.import.rejected_title": {"en": "Rejected rows:", "nl": "Afgewezen rijen:"},
    "slack.import.rejected_line": {"en": "• line {line}: {reason}", "nl": "• regel {line}: {reason}"},
    "slack.import.rejected_row": {"en": "• {reason}", "nl": "• {reason}"},
    "slack.import.format.gsc-latest": {"en": "Search Console (latest links)", "nl": "Search Console (nieuwste links)"},
    "slack.import.format.gsc-top-sites": {"en": "Search Console (top linking sites)", "nl": "Search Console (meest linkende sites)"},
    "slack.import.format.ahrefs": {"en": "Ahrefs", "nl": "Ahrefs"},
    "slack.import.format.semrush": {"en": "Semrush", "nl": "Semrush"},
    "slack.import.format.majestic": {"en": "Majestic", "nl": "Majestic"},
    "slack.import.format.moz": {"en": "Moz", "nl": "Moz"},
    "slack.import.format.list": {"en": "URL list", "nl": "URL-lijst"},
    "slack.import.format.common-crawl": {"en": "Common Crawl", "nl": "Common Crawl"},
    "slack.import.next": {
        "en": "Next: `/backlinks check {domain}` checks whether these links are really there.",
        "nl": "Volgende stap: `/backlinks check {domain}` controleert of deze links er echt staan.",
    },
    "slack.import.failed": {"en": ":warning: I could not import {name}: {message}", "nl": ":warning: Ik kon {name} niet importeren: {message}"},
    "slack.import.track_first": {
        "en": "I don't follow any site yet, so I can't tell which site this file is for. First track your site with `/backlinks track mysite.nl`, then send the file again.",
        "nl": "Ik volg nog geen enkele site, dus ik weet niet voor welke site dit bestand is. Volg eerst je site met `/backlinks track mijnsite.nl` en stuur het bestand daarna opnieuw.",
    },
    "slack.import.which_site": {
        "en": "Which site is this file for? Send it again with the site in the message (e.g. `mysite.nl`), or start with `/backlinks import mysite.nl`.",
        "nl": "Voor welke site is dit bestand? Stuur het opnieuw met de site in het bericht (bijv. `mijnsite.nl`), of begin met `/backlinks import mijnsite.nl`.",
    },
    "slack.file.not_slack": {
        "en": "that file is not stored on Slack, so I did not download it.",
        "nl": "dat bestand staat niet op Slack, dus ik heb het niet gedownload.",
    },
    "slack.file.http_error": {
        "en": "Slack did not hand over the file (HTTP {status}); please upload it again.",
        "nl": "Slack gaf het bestand niet vrij (HTTP {status}); upload het opnieuw.",
    },
    "slack.file.too_large": {"en": "the file is larger than {mb} MB.", "nl": "het bestand is groter dan {mb} MB."},
    # ---------------------------------------------------------------- App Home
    "slack.home.title": {"en": "Your backlinks", "nl": "Je backlinks"},
    "slack.home.empty": {
        "en": "You don't follow any site yet. Type `/backlinks track mysite.nl` in any channel to start, then import an export with `/backlinks import mysite.nl`.",
        "nl": "Je volgt nog geen site. Typ `/backlinks track mijnsite.nl` in een kanaal om te beginnen, en importeer daarna een export met `/backlinks import mijnsite.nl`.",
    },
    "slack.home.site": {
        "en": "*{domain}*{role}\n{links} {sites} · lost this week: *{lost_week}* · lost in total: {lost} · unreadable: {blocked}\nLast check: {last}",
        "nl": "*{domain}*{role}\n{links} {sites} · verloren deze week: *{lost_week}* · totaal verloren: {lost} · onleesbaar: {blocked}\nLaatste controle: {last}",
    },
    "slack.home.live_links": {"en": "*{count}* live links", "nl": "*{count}* actieve links"},
    "slack.home.live_links.one": {"en": "*1* live link", "nl": "*1* actieve link"},
    "slack.home.from_sites": {"en": "from *{count}* sites", "nl": "van *{count}* sites"},
    "slack.home.from_sites.one": {"en": "from *1* site", "nl": "van *1* site"},
    "slack.home.more": {"en": "…and {count} more sites: see `/backlinks sites`.", "nl": "…en nog {count} sites: zie `/backlinks sites`."},
    "slack.home.more.one": {"en": "…and 1 more site: see `/backlinks sites`.", "nl": "…en nog 1 site: zie `/backlinks sites`."},
    "slack.home.footer": {
        "en": "Type `/backlinks help` for every command, or send me a question in the Messages tab.",
        "nl": "Typ `/backlinks help` voor alle opdrachten, of stel me een vraag in het tabblad Berichten.",
    },
    # ---------------------------------------------------------------- FAQ
    "slack.faq.hint": {"en": "Try {command}", "nl": "Probeer {command}"},
    "slack.faq.related": {"en": "Related questions:", "nl": "Gerelateerde vragen:"},
    "slack.faq.admins_only": {
        "en": "Only workspace admins can see the unanswered questions.",
        "nl": "Alleen beheerders van de werkruimte kunnen de onbeantwoorde vragen zien.",
    },
    "slack.faq.unanswered_none": {"en": "No unanswered questions so far.", "nl": "Nog geen onbeantwoorde vragen."},
    "slack.faq.unanswered_title": {"en": "*Questions I could not answer ({count})*", "nl": "*Vragen die ik niet kon beantwoorden ({count})*"},
    # ---------------------------------------------------------------- start-up configuration
    "slack.config.bot_token_missing": {
        "en": "SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page (or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install in several workspaces).",
        "nl": "SLACK_BOT_TOKEN ontbreekt: kopieer het Bot User OAuth Token (xoxb-…) van de pagina OAuth & Permissions van je app (of zet SLACK_CLIENT_ID en SLACK_CLIENT_SECRET om in meerdere werkruimtes te installeren).",
    },
    "slack.config.client_secret_missing": {
        "en": "SLACK_CLIENT_SECRET is missing: copy the Client Secret from your app's Basic Information page (App Credentials), or unset SLACK_CLIENT_ID to run in one workspace with SLACK_BOT_TOKEN.",
        "nl": "SLACK_CLIENT_SECRET ontbreekt: kopieer het Client Secret van de pagina Basic Information van je app (App Credentials), of haal SLACK_CLIENT_ID weg om in één werkruimte te draaien met SLACK_BOT_TOKEN.",
    },
    "slack.config.client_id_missing": {
        "en": "SLACK_CLIENT_ID is missing: copy the Client ID from your app's Basic Information page (App Credentials).",
        "nl": "SLACK_CLIENT_ID ontbreekt: kopieer de Client ID van de pagina Basic Information van je app (App Credentials).",
    },
    "slack.config.bot_token_shape": {
        "en": "SLACK_BOT_TOKEN does not look like a bot token (it starts with xoxb-): copy the Bot User OAuth Token from your app's OAuth & Permissions page.",
        "nl": "SLACK_BOT_TOKEN lijkt geen bot-token (dat begint met xoxb-): kopieer het Bot User OAuth Token van de pagina OAuth & Permissions van je app.",
    },
    "slack.config.app_token_shape": {
        "en": "SLACK_APP_TOKEN does not look like an app-level token (it starts with xapp-): create one with the connections:write scope on your app's Basic Information page.",
        "nl": "SLACK_APP_TOKEN lijkt geen app-token (dat begint met xapp-): maak er een aan met de scope connections:write op de pagina Basic Information van je app.",
    },
    "slack.config.signing_secret_missing": {
        "en": "SLACK_SIGNING_SECRET is missing: copy the Signing Secret from your app's Basic Information page (App Credentials), or set SLACK_APP_TOKEN to use Socket Mode without a public URL.",
        "nl": "SLACK_SIGNING_SECRET ontbreekt: kopieer het Signing Secret van de pagina Basic Information van je app (App Credentials), of zet SLACK_APP_TOKEN om Socket Mode te gebruiken zonder openbare URL.",
    },
    "slack.config.bot_token_refused": {
        "en": "SLACK_BOT_TOKEN was refused by Slack ({error}): copy the Bot User OAuth Token (xoxb-…) again from your app's OAuth & Permissions page, and reinstall the app if it was removed.",
        "nl": "Slack weigerde SLACK_BOT_TOKEN ({error}): kopieer het Bot User OAuth Token (xoxb-…) opnieuw van de pagina OAuth & Permissions van je app, en installeer de app opnieuw als hij verwijderd is.",
    },
    "slack.config.app_token_refused": {
        "en": "SLACK_APP_TOKEN was refused by Slack ({error}): create a new App-Level Token with connections:write on your app's Basic Information page and make sure Socket Mode is enabled.",
        "nl": "Slack weigerde SLACK_APP_TOKEN ({error}): maak een nieuw App-Level Token met connections:write op de pagina Basic Information van je app en zet Socket Mode aan.",
    },
    "slack.config.unreachable": {
        "en": "Cannot reach Slack at {url} ({error}): check the internet connection, or SLACK_API_URL if you set it.",
        "nl": "Slack is niet bereikbaar op {url} ({error}): controleer de internetverbinding, of SLACK_API_URL als je die hebt gezet.",
    },
    "slack.config.port_in_use": {
        "en": "Cannot listen on port {port} ({error}): set PORT to a free port.",
        "nl": "Kan niet luisteren op poort {port} ({error}): zet PORT op een vrije poort.",
    },
}
