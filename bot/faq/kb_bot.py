"""Knowledge: help about this bot itself, so the question desk doubles as the help desk."""

from __future__ import annotations

from bot.faq.model import Entry, entry

ENTRIES: tuple[Entry, ...] = (
    entry(
        "bot-help",
        en=(
            "I keep an eye on the backlinks of your sites. I can *track* a site, take your link list (*add* or "
            "*import* an export from Search Console, Ahrefs, Semrush, Majestic or Moz), *check* whether each link is "
            "still there and still counts, post a weekly *digest*, *compare* you with competitors and find the "
            "*gap*, review *anchors* and *toxic* links, and answer backlink questions in Dutch or English. Start "
            "with `/backlinks help`."
        ),
        nl=(
            "Ik houd de backlinks van je sites in de gaten. Ik kan een site *volgen* (track), je linklijst opnemen "
            "(*add* of *import* van een export uit Search Console, Ahrefs, Semrush, Majestic of Moz), *controleren* "
            "of elke link er nog staat en nog telt, elke week een *digest* posten, je met concurrenten "
            "*vergelijken* en het *gat* (gap) vinden, je *ankerteksten* en *toxische* links bekijken, en vragen "
            "over backlinks beantwoorden in het Nederlands of Engels. Begin met `/backlinks help`."
        ),
        related=("bot-track", "bot-add-import", "bot-check"),
        command="`/backlinks help`",
        q_en=[
            "What can this bot do?",
            "how does this bot work",
            "what commands are there",
            "help with the backlinks bot",
            "what can you do for me",
            "how do i use this app",
            "which commands does the backlink bot have",
        ],
        q_nl=[
            "Wat kan deze bot?",
            "hoe werkt deze bot",
            "welke commando's zijn er",
            "hulp bij de backlinks bot",
            "wat kun jij voor mij doen",
            "hoe gebruik ik deze app",
            "welke opdrachten heeft de backlink bot",
        ],
    ),
    entry(
        "bot-track",
        en=(
            "Type `/backlinks track yoursite.nl` (optionally followed by a #channel for its messages). The bot "
            "then keeps that site's backlinks, checks them and includes it in the weekly digest. Add the links "
            "you know with `/backlinks add` or `/backlinks import`; `/backlinks sites` lists what you track and "
            "`/backlinks untrack` stops it."
        ),
        nl=(
            "Typ `/backlinks track jouwsite.nl` (eventueel gevolgd door een #kanaal voor de berichten). De bot "
            "houdt dan de backlinks van die site bij, controleert ze en neemt de site op in de wekelijkse digest. "
            "Voeg de links die je kent toe met `/backlinks add` of `/backlinks import`; `/backlinks sites` toont "
            "wat je volgt en `/backlinks untrack` stopt het volgen."
        ),
        related=("bot-add-import", "bot-check", "bot-digest"),
        command="`/backlinks track jouwsite.nl`",
        q_en=[
            "How do I track a site?",
            "how do i add my website to the bot",
            "start monitoring my site",
            "how to follow my domain",
            "stop tracking a site",
            "which sites am i tracking",
            "how do i monitor my backlinks",
            "can i track several sites",
        ],
        q_nl=[
            "Hoe volg ik een site?",
            "hoe voeg ik mijn website toe aan de bot",
            "mijn site laten monitoren",
            "hoe track ik mijn domein",
            "stoppen met volgen van een site",
            "welke sites volg ik",
            "hoe monitor ik mijn backlinks",
            "kan ik meerdere sites volgen",
        ],
    ),
    entry(
        "bot-add-import",
        en=(
            "Add single pages that link to you with `/backlinks add yoursite.nl https://page-that-links.nl/...`. "
            "For a whole list, export your links from Google Search Console, Ahrefs, Semrush, Majestic or Moz (or "
            "a plain list of URLs) and upload it with `/backlinks import yoursite.nl`: the format is detected "
            "from the file's header, duplicates merge and unreadable rows are reported."
        ),
        nl=(
            "Voeg losse pagina's die naar je linken toe met `/backlinks add jouwsite.nl "
            "https://pagina-die-linkt.nl/...`. Voor een hele lijst exporteer je je links uit Google Search "
            "Console, Ahrefs, Semrush, Majestic of Moz (of een gewone lijst met URL's) en upload je die met "
            "`/backlinks import jouwsite.nl`: het formaat wordt aan de kop van het bestand herkend, dubbele regels "
            "worden samengevoegd en onleesbare regels gemeld."
        ),
        related=("bot-track", "inventory", "bot-check"),
        command="`/backlinks import jouwsite.nl`",
        q_en=[
            "How do I add backlinks?",
            "how do i import my links",
            "upload a csv of backlinks",
            "import search console export",
            "import ahrefs export",
            "which file formats can i import",
            "add a link manually",
            "upload a list of links",
        ],
        q_nl=[
            "Hoe voeg ik backlinks toe?",
            "hoe importeer ik mijn links",
            "csv met backlinks uploaden",
            "search console export importeren",
            "ahrefs export importeren",
            "welke bestandsformaten kan ik importeren",
            "handmatig een link toevoegen",
            "een lijst met links uploaden",
        ],
    ),
    entry(
        "bot-check",
        en=(
            "`/backlinks check yoursite.nl` visits every page known to link to your site and records whether the "
            "link is still there, dofollow or nofollow, its anchor text and where on the page it sits. You get "
            "counts of *live*, *missing*, *lost* and *blocked* links, what changed since last time, and a CSV with "
            "the details. Checks also run on a schedule before the weekly digest."
        ),
        nl=(
            "`/backlinks check jouwsite.nl` bezoekt elke pagina waarvan bekend is dat die naar je site linkt en "
            "legt vast of de link er nog staat, dofollow of nofollow is, welke ankertekst hij heeft en waar op de "
            "pagina hij staat. Je krijgt aantallen *live*, *missing* (vermist), *lost* (verloren) en *blocked* "
            "(geblokkeerd), wat er sinds de vorige keer veranderde, en een CSV met de details. Controles lopen ook "
            "volgens schema voor de wekelijkse digest."
        ),
        related=("bot-statuses", "bot-blocked", "bot-lost-two-checks"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "How do I check my backlinks?",
            "how does a check work",
            "check if my links are still live",
            "how often are links checked",
            "run a backlink check now",
            "verify my backlinks still exist",
        ],
        q_nl=[
            "Hoe controleer ik mijn backlinks?",
            "hoe werkt een controle",
            "checken of mijn links nog live zijn",
            "hoe vaak worden links gecontroleerd",
            "nu een backlink check doen",
            "controleren of mijn backlinks nog bestaan",
        ],
    ),
    entry(
        "bot-statuses",
        en=(
            "Each link has a status: *live* (found on the page), *missing* (not found once, waiting for the next "
            "check to confirm), *lost* (two checks in a row agree it is gone), *blocked* (the site would not let us "
            "in, so we don't know) and *pending* (not checked yet). Lost links come with a reason such as "
            "`link-removed`, `page-not-found`, `redirected`, `noindex` or `canonical-elsewhere`."
        ),
        nl=(
            "Elke link heeft een status: *live* (gevonden op de pagina), *missing* (één keer niet gevonden, de "
            "volgende controle moet het bevestigen), *lost* (twee controles op rij zijn het eens dat hij weg is), "
            "*blocked* (de site liet ons niet binnen, dus we weten het niet) en *pending* (nog niet gecontroleerd). "
            "Verloren links krijgen een reden zoals `link-removed`, `page-not-found`, `redirected`, `noindex` of "
            "`canonical-elsewhere`."
        ),
        related=("bot-blocked", "bot-lost-two-checks", "bot-lost-reasons"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "What do the link statuses mean?",
            "what does missing mean",
            "what does pending mean",
            "difference between missing and lost",
            "what does live mean in the report",
        ],
        q_nl=[
            "Wat betekenen de statussen van links?",
            "wat betekent missing",
            "wat betekent pending",
            "verschil tussen missing en lost",
            "wat betekent live in het overzicht",
        ],
    ),
    entry(
        "bot-blocked",
        en=(
            "*Blocked* means the linking site did not let the bot read the page: it answered 401, 403 or 429, showed "
            "a bot challenge, or its robots.txt disallows us. We then simply don't know whether your link is still "
            "there, so a blocked page is never counted as a lost link. Check it yourself in a browser if it matters."
        ),
        nl=(
            "*Blocked* (geblokkeerd) betekent dat de linkende site de bot de pagina niet liet lezen: hij gaf 401, "
            "403 of 429, toonde een botcontrole, of zijn robots.txt verbiedt ons de toegang. We weten dan gewoon "
            "niet of je link er nog staat, dus een geblokkeerde pagina telt nooit als verloren link. Kijk zelf in "
            "een browser als het belangrijk is."
        ),
        related=("bot-statuses", "bot-lost-two-checks", "bot-check"),
        q_en=[
            "What does blocked mean?",
            "why is my link blocked",
            "link shows status blocked",
            "the site blocks the bot 403",
            "robots.txt blocks the checker",
            "is a blocked link lost",
        ],
        q_nl=[
            "Wat betekent blocked?",
            "wat betekent geblokkeerd",
            "waarom staat mijn link op geblokkeerd",
            "de site blokkeert de bot 403",
            "robots.txt blokkeert de controle",
            "is een geblokkeerde link verloren",
        ],
    ),
    entry(
        "bot-lost-two-checks",
        en=(
            "A page can fail for a moment: a server hiccup, a timeout, a redesign half-deployed. So the bot marks a "
            "link *missing* the first time it is not found and declares it *lost* only when two consecutive checks "
            "agree (and only after a first full baseline check). That keeps false alarms out of your digest."
        ),
        nl=(
            "Een pagina kan even haperen: een serverstoring, een time-out, een half uitgerolde nieuwe versie. Daarom "
            "zet de bot een link eerst op *missing* als hij hem niet vindt, en noemt hem pas *lost* (verloren) als "
            "twee controles op rij het eens zijn (en pas na een eerste volledige nulmeting). Zo blijven valse "
            "alarmen uit je digest."
        ),
        related=("bot-statuses", "bot-blocked", "losing-links"),
        q_en=[
            "Why is a link lost only after two checks?",
            "why does it say missing and not lost",
            "my link is gone but the bot says missing",
            "when does a link count as lost",
            "why two checks before lost",
        ],
        q_nl=[
            "Waarom is een link pas na twee controles verloren?",
            "waarom staat er missing en niet lost",
            "mijn link is weg maar de bot zegt missing",
            "wanneer telt een link als verloren",
            "waarom twee checks voordat een link verloren is",
        ],
    ),
    entry(
        "bot-lost-reasons",
        en=(
            "The reason tells you why a link was lost: `link-removed` (page fine, link gone), `page-not-found` "
            "(404/410), `redirected` (page moved and the link went with it), `noindex` (page hidden from Google), "
            "`canonical-elsewhere` (the page points Google to another URL), `server-error` or `unreachable` (the "
            "site is down). Link removed or page gone are worth a friendly email to the site owner."
        ),
        nl=(
            "De reden vertelt waarom een link verloren is: `link-removed` (pagina in orde, link weg), "
            "`page-not-found` (404/410), `redirected` (pagina verhuisd en de link is weg), `noindex` (pagina "
            "verborgen voor Google), `canonical-elsewhere` (de pagina verwijst Google naar een andere URL), "
            "`server-error` of `unreachable` (site plat). Bij een verwijderde link of pagina loont een vriendelijke "
            "mail aan de eigenaar."
        ),
        related=("bot-statuses", "bot-lost-two-checks", "losing-links"),
        q_en=[
            "What do the lost reasons mean?",
            "what does link removed mean",
            "what does canonical elsewhere mean",
            "why was my link lost",
            "what does noindex mean for my link",
            "reason redirected lost link",
            "the bot says my link is gone but it is still there",
            "what does page not found mean for my link",
            "what does server error mean for a link",
        ],
        q_nl=[
            "Wat betekenen de redenen van verloren links?",
            "wat betekent link removed",
            "wat betekent canonical elsewhere",
            "waarom is mijn link verloren",
            "wat betekent noindex voor mijn link",
            "reden redirected verloren link",
            "de bot ziet mijn link niet maar hij staat er wel",
            "wat betekent page not found bij mijn link",
            "wat betekent server error bij een link",
        ],
    ),
    entry(
        "bot-digest",
        en=(
            "Every week (default Monday 09:00) the bot posts a *digest* per tracked site: new and lost backlinks "
            "with reasons, changes, the trend in referring domains as a chart, your yearly loss rate against the "
            "normal 5-15%, and progress toward 2-4 quality links a month. Set it with `/backlinks digest "
            "on|off|now`, a weekday and time, or a #channel; `/backlinks digest settings` shows the last run and "
            "why it failed if it did (often: the bot is not in that channel)."
        ),
        nl=(
            "Elke week (standaard maandag 09:00) post de bot per gevolgde site een *digest*: nieuwe en verloren "
            "backlinks met redenen, wijzigingen, het verloop van verwijzende domeinen als grafiek, je "
            "verliespercentage per jaar naast de normale 5-15%, en de voortgang naar 2-4 kwalitatieve links per "
            "maand. Stel het in met `/backlinks digest on|off|now`, een weekdag en tijd, of een #kanaal; "
            "`/backlinks digest settings` toont de laatste run en waarom die mislukte (vaak: de bot zit niet in "
            "dat kanaal)."
        ),
        related=("bot-track", "link-decay", "links-per-month"),
        command="`/backlinks digest settings`",
        q_en=[
            "What is the weekly digest?",
            "how do i change the digest day",
            "when is the weekly report sent",
            "turn off the weekly report",
            "send the digest to another channel",
            "weekly summary of my backlinks",
            "the digest is not arriving",
            "i did not get the weekly digest",
            "how do i set the day of the weekly report",
            "change the time of the digest",
        ],
        q_nl=[
            "Wat is de wekelijkse digest?",
            "hoe verander ik de dag van de digest",
            "wanneer komt het weekrapport",
            "weekoverzicht uitzetten",
            "digest naar een ander kanaal sturen",
            "wekelijks overzicht van mijn backlinks",
            "de digest komt niet binnen",
            "ik heb geen weekoverzicht gekregen",
            "hoe stel ik de dag van het weekrapport in",
            "tijd van de digest aanpassen",
        ],
    ),
    entry(
        "bot-compare-gap",
        en=(
            "Track a competitor with `/backlinks track rival.nl competitor-of yoursite.nl`, import their link "
            "export, then `/backlinks compare yoursite.nl rival.nl` shows live links, referring domains, dofollow "
            "and editorial share and anchor mix side by side. `/backlinks gap yoursite.nl` lists sites that link "
            "to your competitors but not to you: your outreach list."
        ),
        nl=(
            "Volg een concurrent met `/backlinks track concurrent.nl competitor-of jouwsite.nl`, importeer hun "
            "linkexport, en `/backlinks compare jouwsite.nl concurrent.nl` zet live links, verwijzende domeinen, "
            "aandeel dofollow en redactionele links en de ankermix naast elkaar. `/backlinks gap jouwsite.nl` "
            "toont sites die wel naar je concurrenten linken maar niet naar jou: je outreachlijst."
        ),
        related=("competitor-analysis", "outreach", "how-many-links"),
        command="`/backlinks gap jouwsite.nl`",
        q_en=[
            "How do I compare my site with a competitor?",
            "what is the link gap",
            "add a competitor",
            "compare backlinks with competitors in the bot",
            "what does the gap command do",
        ],
        q_nl=[
            "Hoe vergelijk ik mijn site met een concurrent?",
            "wat is de link gap",
            "concurrent toevoegen",
            "backlinks vergelijken met concurrenten in de bot",
            "wat doet het gap commando",
        ],
    ),
    entry(
        "bot-anchors",
        en=(
            "`/backlinks anchors yoursite.nl` groups the anchor texts of your live links into brand, naked URL, "
            "generic (\"click here\"), exact or partial keyword match, image and other, and warns when one "
            "commercial phrase dominates, which looks unnatural to Google. Set your brand names and keywords so "
            "the split is right."
        ),
        nl=(
            "`/backlinks anchors jouwsite.nl` deelt de ankerteksten van je live links in: merknaam, kale URL, "
            "algemeen (\"klik hier\"), exact of gedeeltelijk zoekwoord, afbeelding en overig, en waarschuwt als "
            "één commerciële term de overhand heeft, wat Google onnatuurlijk vindt. Stel je merknamen en zoekwoorden "
            "in, dan klopt de verdeling."
        ),
        related=("anchor-mix", "anchor-text"),
        command="`/backlinks anchors jouwsite.nl`",
        q_en=[
            "How do I check my anchor texts?",
            "anchor profile report",
            "what does the anchors command show",
            "see the anchor distribution of my links",
        ],
        q_nl=[
            "Hoe controleer ik mijn ankerteksten?",
            "ankertekst profiel rapport",
            "wat laat het anchors commando zien",
            "verdeling van ankerteksten van mijn links bekijken",
        ],
    ),
    entry(
        "bot-toxic",
        en=(
            "`/backlinks toxic yoursite.nl` scores each referring domain from 0 to 100 with the reasons (spam "
            "words, huge numbers of outgoing links, link-farm patterns, sitewide footer links, parked or hacked "
            "pages). Nothing is disavowed automatically: you review and mark domains, and `backlinks disavow` then "
            "writes a file in Google's format to upload in Search Console."
        ),
        nl=(
            "`/backlinks toxic jouwsite.nl` geeft elk verwijzend domein een score van 0 tot 100 met de redenen "
            "(spamwoorden, enorm veel uitgaande links, linkfarm-patronen, sitewide footerlinks, geparkeerde of "
            "gehackte pagina's). Er wordt niets automatisch gedisavowd: jij bekijkt en markeert domeinen, en "
            "`backlinks disavow` maakt dan een bestand in het formaat van Google om in Search Console te uploaden."
        ),
        related=("toxic-links", "disavow"),
        command="`/backlinks toxic jouwsite.nl`",
        q_en=[
            "How does the toxic score work?",
            "find toxic links with the bot",
            "make a disavow file with the bot",
            "what does the toxic command do",
            "how does the toxic check of the bot work",
            "what does the toxic score mean",
        ],
        q_nl=[
            "Hoe werkt de toxic score?",
            "toxische links vinden met de bot",
            "disavow bestand maken met de bot",
            "wat doet het toxic commando",
            "hoe werkt de toxic check van de bot",
            "wat betekent de toxic score",
        ],
    ),
    entry(
        "bot-language",
        en=(
            "I answer in the language you write in. To fix your language, type `/backlinks lang nl` for Dutch or "
            "`/backlinks lang en` for English; without a setting the bot uses the language of your message, then "
            "your Slack locale, then English."
        ),
        nl=(
            "Ik antwoord in de taal waarin je schrijft. Wil je een vaste taal, typ dan `/backlinks lang nl` voor "
            "Nederlands of `/backlinks lang en` voor Engels; zonder instelling gebruikt de bot de taal van je "
            "bericht, dan je Slack-taal, en anders Engels."
        ),
        related=("bot-help",),
        command="`/backlinks lang nl`",
        q_en=[
            "How do I change the language?",
            "switch the bot to dutch",
            "can the bot answer in english",
            "language setting",
            "set language to english",
        ],
        q_nl=[
            "Hoe verander ik de taal?",
            "bot in het engels zetten",
            "kan de bot in het nederlands antwoorden",
            "taalinstelling",
            "taal op nederlands zetten",
        ],
    ),
)
