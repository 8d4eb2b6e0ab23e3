"""A bilingual map of SEO (and bot) terms to shared concepts, so Dutch, English and mixed questions meet.

Each concept lists folded surface forms in both languages. Lookups also accept inflections of those
forms (``koopt`` for ``koop``, ``rankings`` for ``ranking``; not ``weekend`` for ``week``).

How clearly a question is about SEO (see :func:`bot.faq.index.required_coverage`): ``VERY_WORDS`` are
unambiguous SEO words; ``STRONG`` concepts lean towards SEO but have other meanings ("toxic",
"blocked"); ``WEAK`` ones (link, site, cost, ...) occur everywhere; ``OFFTOPIC`` words name another
domain ("mortgage", "weather") and ``DOMAIN_CONFLICT`` words software with backlinks of its own.
"""

from __future__ import annotations

import os
from functools import lru_cache

CONCEPTS: dict[str, tuple[str, ...]] = {
    # --- link vocabulary
    "refdomain": ("referringdomain", "referringdomains", "samesite"),
    "backlink": ("referrer", "referrers", "verwijzer", "verwijzers", "backlink", "backlinks", "baklink", "backlinkje", "backlinkjes", "inbound",
                 "inkomende", "incoming", "terugverwijzing", "terugverwijzingen", "verwijzende", "referring",
                 "inlink", "inlinks"),
    "link": ("link", "links", "linkje", "linkjes", "linken", "linkt", "gelinkt", "linking", "linked", "hyperlink",
             "hyperlinks", "verwijzing", "verwijzingen", "verwijst", "verwijzen", "url", "urls"),
    "nofollow": ("nofollow", "nofollowed", "nofolow", "nofollows"),
    "dofollow": ("dofollow", "dofolow", "dofollows"),
    "follow": ("follow", "followed", "volg-link"),
    "sponsored": ("sponsored", "gesponsord", "gesponsorde", "sponsorde", "sponsor", "sponsoring", "sponsoren"),
    "ugc": ("ugc", "gebruikers", "gebruiker", "user", "users", "reacties", "comments", "comment", "forum",
            "forums"),
    "rel": ("rel", "attribuut", "attribute", "attributes", "attributen", "tag", "tags"),
    "anchor": ("anchortext", "anchor", "anchors", "anker", "ankers", "ankertekst", "ankerteksten", "linktekst",
               "linkteksten", "ankertext", "anchortekst"),
    "clickhere": ("clickhere", "generic", "generiek", "generieke", "algemene"),
    "exactmatch": ("exactmatch", "exact", "exacte", "zelfde", "dezelfde", "hetzelfde", "same", "identical",
                   "identieke"),
    "mix": ("mix", "verdeling", "distribution", "ratio", "verhouding", "spread", "profile", "profiel",
            "linkprofiel", "ankerprofiel"),
    "natural": ("natural", "natuurlijk", "natuurlijke", "unnatural", "onnatuurlijk", "onnatuurlijke",
                "overgeoptimaliseerd", "overgeoptimaliseerde", "optimized", "optimised"),
    "linkjuice": ("linkjuice", "juice", "equity", "sap", "waardeoverdracht"),
    "domainauthority": ("domainauthority", "domeinautoriteit", "da", "dr", "moz", "vliegwiel", "flywheel"),
    "authority": ("authority", "autoriteit", "gezag", "gezaghebbend", "gezaghebbende", "authoritative",
                  "autoritair", "autoritaire", "sterkte", "strength", "strong", "sterk", "sterke", "sterker"),
    "relevance": ("relevant", "relevantie", "relevance", "thematisch", "thematische", "topical", "niche",
                  "branche", "industry", "sector", "vakgebied", "unrelated", "irrelevant", "related", "verwant"),
    "placement": ("placement", "plek", "plaats", "plaatsing", "locatie", "location", "footer", "footerlink",
                  "footerlinks", "voettekst", "sidebar", "zijbalk", "sitewide", "redactioneel", "redactionele",
                  "editorial", "lopende", "bio", "auteursprofiel", "onderaan", "bottom", "intext", "auteur", "author", "auteursbio", "authorbio"),
    "linkdecay": ("linkdecay", "decay", "linkverval", "verval", "rot", "rotting"),
    "internal": ("internal", "intern", "interne", "internally"),
    "external": ("external", "extern", "externe"),
    "crawler": ("crawler", "crawlers", "crawl", "crawlen", "crawled", "crawling", "spider", "spiders", "googlebot"),
    "index": ("index", "indexeren", "geindexeerd", "geindexeerde", "indexing", "indexed", "indexatie",
              "indexation", "indexering", "ontdekt", "discover", "discovers", "discovered", "vindt"),
    "google": ("google", "zoekmachine", "zoekmachines", "searchengine", "engines", "bing", "yahoo", "duckduckgo"),
    "seo": ("seo", "zoekmachineoptimalisatie", "vindbaarheid", "findability"),
    "rank": ("pageone", "rank", "ranking", "rankings", "ranken", "ranked", "rankt", "positie", "posities",
             "position", "boven", "above", "outrank", "outranks", "outranking", "verslaan", "beat", "beats",
             "positions", "hoger", "higher", "top", "serp", "serps", "scoren", "pagina1", "stijgen", "stijg", "stijgt",
             "gestegen", "steeg", "omhoog", "boost", "boosten", "boosts", "boosted", "improve", "improves",
             "improved", "verbeteren", "verbetert", "verbeterd", "verhogen", "verhoog", "verhoogt", "increase",
             "increases", "raise", "vergroten", "vergroot", "climb", "climbs", "climbing", "climbed", "rise", "rises", "rising",
             "rose"),
    "rankingfactor": ("rankingfactor", "rankingfactoren", "factor", "factors", "factoren", "signaal", "signal",
                      "signals", "signalen"),
    "linkbuilding": ("linkbuilding", "linkbuilder", "build", "building", "bouwen", "opbouwen", "bouw", "bouwt"),
    "pbn": ("pbn", "pbns", "netwerk", "network", "networks", "blognetwerk"),
    "linkexchange": ("linkexchange", "linkruil", "ruilen", "ruil", "swap", "swapping", "exchange", "reciprocal",
                     "wederzijdse", "wederkerige", "linkscheme", "schema", "schemas", "scheme", "schemes",
                     "linkschema", "linkschemas"),
    "blackhat": ("blackhat", "shortcut", "shortcuts", "trucs", "tricks", "manipulatie", "manipulation",
                 "manipulate"),
    "penalty": ("penalty", "penalties", "penalized", "penalised", "penalize", "straf", "straffen", "bestraft",
                "afgestraft", "punish", "punished", "sanctie", "sanction", "deindexed", "banned", "ban", "geband",
                "verbannen", "blacklisted", "blacklist", "zwarte"),
    "toxic": ("toxic", "toxisch", "toxische", "toxies", "toxiese", "toxisch", "tox", "giftig", "giftige", "spam", "spammy", "spamlinks", "spamlink",
              "schadelijk", "schadelijke", "harmful", "gehackt", "gehackte", "hacked", "porn", "porno", "vage",
              "casino", "casinos", "gambling", "gokken", "goksite", "goksites", "viagra",
              "dubious", "shady", "sketchy"),
    "linkfarm": ("linkfarm", "linkfarms", "linkfarmen", "farm", "farms"),
    "disavow": ("disavow", "disavowen", "disavowed", "disavowing", "disavowd", "afwijzen", "afwijs"),
    "bad": ("bad", "slecht", "slechte", "poor", "lowquality", "kwalitatief", "waardeloos", "worthless", "useless",
            "nutteloos", "pointless", "zinloos"),
    "good": ("good", "goed", "goede", "goeie", "goeien", "quality", "kwaliteit", "kwalitatieve", "beste", "best", "better", "beter"),
    "quantity": ("quantity", "kwantiteit", "aantal", "amount", "number", "veel", "lots", "hoeveelheid", "more",
                 "meer", "meerdere", "several", "multiple", "verschillende", "various"),
    # --- value and effect
    "worth": ("worth", "waard", "waarde", "waardevol", "waardevolle", "value", "valuable", "useful", "nuttig",
              "zin", "zinvol", "moeite", "benefit", "benefits", "voordeel", "voordelen", "opleveren", "levert",
              "leveren", "oplevert", "count", "counts", "tellen", "telt", "meetellen", "meewegen", "smart", "slim",
              "wise", "verstandig", "handig", "advisable", "aanrader", "sensible"),
    "help": ("help", "helps", "helpt", "merken", "merkbaar", "notice", "noticeable", "helpen", "helped", "effect", "effects", "resultaat", "resultaten",
             "result", "results", "impact", "invloed"),
    "work": ("werkt", "werken", "work", "works", "working", "werking", "functioneert"),
    "outdated": ("outdated", "verouderd", "ouderwets", "achterhaald", "dood", "dead", "obsolete", "relevanttoday",
                 "tegenwoordig", "nowadays", "today", "anno"),
    "kvk": ("kvk", "kamervankoophandel", "chamberofcommerce"),
    "important": ("important", "belangrijk", "belangrijke", "matter", "matters", "ertoe", "uitmaken", "essential",
                  "essentieel"),
    "traffic": ("traffic", "verkeer", "bezoekers", "visitors", "visits", "bezoek", "klikken", "clicks", "click",
                "klik", "referral", "verwijzend"),
    "indexfast": ("sneller", "faster", "quicker"),
    "fast": ("snel", "fast", "quick", "quickly", "speed", "snelheid", "vlug"),
    "long": ("long", "lang", "hoelang", "howlong", "duurt", "duren", "duration", "takes",
             "take", "wachten", "wait", "geduld", "patience", "overnight"),
    "month": ("month", "months", "maand", "maanden", "monthly", "maandelijks", "maanddoel"),
    "year": ("year", "years", "jaar", "jaren", "jaarlijks", "yearly", "annual", "annually"),
    "many": ("many", "much", "hoeveel", "howmany"),
    "need": ("need", "needed", "nodig", "require", "required", "enough", "genoeg", "voldoende"),
    "buy": ("buy", "buying", "bought", "purchase", "purchased", "kopen", "koop", "koopt", "gekocht", "gekochte",
            "aanschaffen", "fiverr", "offer", "offered", "offers", "offering", "aanbod", "aangeboden", "biedt",
            "aanbieden", "aanbiedt", "bieden", "sells",
            "selling", "verkoopt", "verkopen", "verkoper", "verkopers", "sell", "sold", "seller",
            "sellers", "vendor", "vendors", "huren"),
    "pay": ("pay", "paid", "paying", "betalen", "betaal", "betaald", "betaalde", "betaalt", "euro", "dollar",
            "dollars", "usd", "geld", "money", "goedkoop", "goedkope", "cheap"),
    "cost": ("cost", "costs", "kost", "kosten", "price", "prices", "prijs", "prijzen", "tarief", "tarieven",
             "pricing"),
    "allowed": ("allowed", "mag", "mogen", "toegestaan", "verboden", "verbiedt", "forbidden", "prohibited",
                "legal", "legaal", "illegal", "ok", "oke", "safe", "veilig", "risky", "riskant", "risico", "risk",
                "legit", "scam", "scams", "oplichting", "oplichters", "oplichterij", "regels", "rules", "regel",
                "rule", "richtlijn", "guideline",
                "guidelines", "richtlijnen"),
    "normal": ("normal", "normaal", "wrong", "fout", "verkeerd", "worry", "worried", "bezorgd", "scared", "afraid",
               "bang", "zorgen", "ongerust", "panic", "paniek",
               "concern", "concerned", "problem", "probleem", "erg"),
    "numberone": ("numberone", "winner"),
    "drop": ("drop", "drops", "dropped", "dalen", "daalt", "daling", "gedaald", "zakken", "zakt", "gezakt",
             "omlaag", "down", "decline", "declined", "kelderen", "keldert"),
    "lose": ("lose", "losing", "lost", "loss", "losses", "verlies", "verliezen", "verloren", "verliest", "kwijt",
             "kwijtraken", "disappear", "disappears", "disappeared", "disappearing", "verdwijnen", "verdwijnt",
             "verdwenen", "weg", "gone", "removed", "weggehaald", "verwijderd", "vanished", "weghalen", "weghaalt", "haalt", "verwijdert", "verwijderen", "remove", "removes", "deleted", "delete", "deletes", "offline", "failliet", "bankrupt", "opgeheven", "shutdown",
             "closed"),
    "list": ("list", "lists", "lijst", "lijsten", "lijstje"),  # not a directory "listing"
    "social": ("socialmedia", "social", "sociale", "facebook", "linkedin", "instagram", "twitter", "tiktok",
               "pinterest", "socials", "insta", "fb", "ig", "threads", "bluesky", "mastodon"),
    "wikipedia": ("wikipedia", "wiki"),
    "type": ("type", "types", "typen", "soort", "soorten", "sorts", "sort", "variant",
             "varianten", "categorie"),
    "difference": ("difference", "differences", "verschil", "verschillen", "vs", "versus", "compared"),
    "definition": ("eli5", "meaning", "mean", "means", "betekent", "betekenis", "definitie", "definition", "uitleg",
                   "explain", "explained", "uitleggen", "precies"),
    "why": ("why", "waarom"),
    "where": ("where", "waar"),
    "start": ("start", "starten", "begin", "beginnen", "beginner", "beginners", "starter", "starters", "first",
              "eerste", "steps", "stappen", "nobacklinks"),
    "get": ("get", "got", "gets", "getting", "krijgen", "krijg", "krijgt", "kom", "komen", "obtain", "verkrijgen",
            "earn", "verdienen", "verdiend", "winnen", "acquire"),
    "business": ("mkb", "mkber", "mkbers", "sme", "smes", "smb", "ondernemer", "ondernemers", "business",
                 "businesses", "bedrijf", "bedrijven", "company", "companies", "zzp", "zzper", "zaak", "winkel",
                 "shop", "webshop", "store", "winkeltje", "firm", "firma", "kantoor", "biz"),
    "local": ("local", "lokaal", "lokale", "regio", "regionaal", "regionale", "plaatselijk", "plaatselijke",
              "buurt", "stad", "city", "town", "dorp", "neighbourhood", "neighborhood"),
    "site": ("site", "sites", "website", "websites", "webpagina", "pagina", "paginas", "page", "pages", "domein",
             "domain", "domains", "domeinen"),
    "mention": ("mention", "mentions", "mentioned", "vermelding", "vermeldingen", "vermeld", "genoemd", "noemen",
                "noemt", "naamsvermelding", "unlinked", "brand", "merknaam", "bedrijfsnaam"),
    # How big or well known a site is: what authority is about in everyday words.
    "size": ("big", "bigger", "biggest", "large", "larger", "huge", "tiny", "small", "smaller", "little", "major",
             "famous", "wellknown", "groot", "grote", "groter", "grotere", "grootste", "klein", "kleine",
             "kleiner", "piepklein", "piepkleine", "enorm", "enorme", "bekend", "bekende", "beroemd", "beroemde",
             "onbekend", "onbekende", "unknown", "obscure", "populair", "populaire", "popular", "gerenommeerd",
             "gerenommeerde", "reputable", "respected", "gerespecteerd", "gerespecteerde"),
    "only": ("only", "alone", "alleen", "enkel", "solely", "uitsluitend", "enige", "louter", "purely"),
    "assess": ("assess", "assesses", "decide", "decides", "determine", "determines", "judge", "judges", "evaluate",
               "evaluates", "bepaalt", "bepalen", "beoordeelt", "beoordelen", "inschat", "inschatten",
               "whatmakes"),
    "identify": ("recognise", "recognize", "recognising", "recognizing", "herken", "herkennen", "herkent", "spot",
                 "spotten", "identify", "identificeren", "detect", "detecteren", "opsporen", "onderscheiden",
                 "tell"),
    "revenue": ("omzet", "revenue", "revenues", "sales", "turnover", "winst", "profit", "profits", "opbrengst",
                "opbrengsten", "conversie", "conversies", "conversion", "conversions", "bestelling", "bestellingen",
                "orders"),
    "period": ("week", "weken", "weeks", "weekje"),  # not the weekly digest
    "new": ("new", "nieuw", "nieuwe", "nieuwer", "nieuwere", "fresh", "recent", "recente", "launch", "launched",
            "lanceren", "gelanceerd", "lancering"),  # not "news"
    "news": ("nieuwsbericht", "nieuwsberichten", "nieuwsartikel", "nieuwsplatform", "bbc", "cnn", "nos", "telegraaf", "volkskrant", "nrc", "rtl", "guardian", "nytimes", "forbes",
             "news", "nieuws", "newspaper", "newspapers", "krant", "kranten", "dagblad", "nieuwssite", "magazine",
             "vakblad", "media", "press", "pers", "persbericht", "persberichten"),
    "content": ("content", "inhoud", "artikel", "artikelen", "article", "articles", "blogpost", "publish",
                "publiceren", "publiceer", "write", "writing", "schrijven", "schrijf", "linkbait", "linkwaardig",
                "linkwaardige", "linkable", "infographic", "infographics", "guide", "guides", "calculator", "maken", "maak", "make", "create", "creating", "creeren"),
    "relationship": ("relationship", "relationships", "relatie", "relaties", "netwerken", "networking",
                     "contacten", "contacts", "journalist", "journalisten", "journalists", "bloggers", "blogger",
                     "partner", "partners", "leverancier", "leveranciers", "supplier", "suppliers"),
    "outreach": ("outreach", "vragen", "vraag", "ask", "asking", "request", "verzoek", "mail", "email", "mailen"),
    "guestpost": ("guestpost", "gastblog", "gastbloggen", "gastartikel", "gastartikelen", "gastcolumn", "column",
                  "guest"),
    "competitor": ("competitor", "competitors", "competition", "concurrent", "concurrenten", "concurrentie",
                   "rival", "rivals", "competitive"),
    "directory": ("directory", "directories", "gids", "gidsen", "bedrijvengids", "bedrijvengidsen", "startpagina",
                  "listing", "listings", "telefoongids", "linkpagina", "linkpaginas", "linkpage", "linkspagina", "linkspage", "linklijst",
                  "linklist", "yelp", "goudengids"),
    "government": ("government", "gemeente", "overheid", "overheidssite", "overheidssites", "municipality", "gov",
                   "university", "universiteit", "universities", "hogeschool", "edu", "provincie", "ministerie",
                   "ministry", "rijksoverheid"),
    "example": ("example", "examples", "voorbeeld", "voorbeelden", "case", "cases", "praktijk",
                "praktijkvoorbeeld", "praktijkvoorbeelden", "story", "succesverhaal", "casestudy", "leren", "learn",
                "lesson", "lessons", "les", "lessen", "takeaway", "takeaways"),
    "study": ("study", "studie", "onderzoek", "research", "backlinko", "statistics", "statistieken", "cijfers",
              "proof", "bewijs", "data", "stats", "stat"),
    "ads": ("adwords", "ads", "adverteren", "advertising", "advertenties", "sea", "cpc", "ppc"),
    "credibility": ("credibility", "geloofwaardig", "geloofwaardiger", "geloofwaardigheid", "credible", "trust",
                    "vertrouwen", "reputatie", "reputation", "socialproof"),
    # --- the bot
    "bot": ("bot", "app", "tool", "slackbot", "assistent", "assistant", "slack"),
    "command": ("command", "commands", "commando", "commandos", "opdracht", "opdrachten", "slash"),
    "track": ("track", "tracken", "tracking", "tracked", "volgen", "volg", "volgt", "monitor", "monitoren",
              "monitoring", "bijhouden", "untrack", "watch"),
    "add": ("add", "adding", "toevoegen", "voeg", "toegevoegd", "manually", "handmatig", "hand", "zet", "zetten",
            "put", "invoeren", "enter"),
    "import": ("import", "importeren", "importeer", "upload", "uploaden", "csv", "export", "exporteren",
               "bestand", "file", "files", "formaat", "format", "formats", "inladen", "laden", "load", "exports"),
    "seotool": ("ahrefs", "semrush", "majestic", "ubersuggest", "searchconsole", "gsc", "sistrix", "linkody"),
    "check": ("check", "checks", "checken", "controle", "controles", "controleer", "controleren", "verify",
              "checker", "gecontroleerd", "checked", "nakijken", "recheck", "viewcheck"),  # "viewcheck": "how do I see/find ..."
    "status": ("status", "statussen", "statuses", "pending", "overzicht"),
    "missing": ("missing", "vermist", "ontbreekt", "notyet"),
    "blocked": ("blocked", "block", "blocks", "blocking", "geblokkeerd", "blokkeert", "blokkeren", "403", "401",
                "429", "robotstxt", "robots", "challenge", "cloudflare"),
    "twice": ("two", "twee", "twice", "tweemaal", "consecutive", "opeenvolgende", "row", "rij"),
    "reason": ("reason", "reasons", "reden", "redenen", "canonical", "noindex", "redirected", "redirect", "404", "410", "500", "502", "503", "301", "302", "pagenotfound", "linkremoved", "canonicalelsewhere", "servererror", "unreachable"),
    "digest": ("digest", "weekly", "wekelijks", "wekelijkse", "weekrapport", "weekoverzicht", "weekrapportage", "weekmail",
               "weekupdate",
               "maandag", "monday", "schedule", "timezone", "dinsdag", "woensdag", "donderdag",
               "vrijdag", "zaterdag", "zondag", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday", "weekdag", "weekday", "tijdstip", "tijdzone"),
    "report": ("report", "rapport", "rapportage"),
    "compare": ("compare", "comparing", "comparison", "vergelijk", "vergelijken", "vergelijking", "gap",
                "intersect"),
    "language": ("language", "taal", "talen", "dutch", "nederlands", "english", "engels", "locale"),
    "setting": ("setting", "settings", "instelling", "instellingen", "instellen", "change", "veranderen",
                "verander", "wijzigen", "switch", "set"),
    "score": ("score", "scores", "scoring"),
    "notary": ("notary", "notaris", "notariskantoor", "amersfoort", "vandam"),
    "webshop": ("biovitaal", "supplements", "supplementen", "samples", "sample", "productsamples"),
    "review": ("review", "reviews", "recensie", "recensies", "productrecensies", "beoordeling"),
    "itfirm": ("securenet", "thought", "leadership", "cyber", "security", "beveiliging", "beveiliger"),
    "gardener": ("groenevingers", "gardener", "gardening", "hovenier", "hoveniersbedrijf", "groene", "vingers", "park",
                 "buurtpark", "tuin", "tuinier"),
}

# Words that only mean one thing: a question naming one is about SEO (or, for "backlink", about SEO
# unless it also names another domain: Obsidian and Notion have "backlinks" too).
BACKLINK_WORDS = frozenset(
    {"backlink", "backlinks", "baklink", "baklinks", "backlinkje", "backlinkjes", "inlinks", "referringdomain"}
)
VERY_WORDS = BACKLINK_WORDS | frozenset(
    """
    nofollow nofollowed nofolow dofollow dofolow seo zoekmachineoptimalisatie linkbuilding linkbuilder
    anchortext ankertekst ankerteksten anchortekst ankertext linktekst linkteksten disavow disavowen disavowed
    pbn pbns linkfarm linkfarms linkfarmen linkjuice pagerank ugc crawler crawlers googlebot domainauthority
    domeinautoriteit ahrefs semrush majestic ubersuggest searchconsole sistrix linkody linkdecay linkverval
    linkexchange linkruil linkscheme linkschema linkschemas outreach guestpost gastblog gastbloggen blackhat
    serp serps rankingfactor rankingfactoren unlinked noindex canonical robotstxt linkprofiel ankerprofiel
    referring inbound nobacklinks biovitaal securenet vandam linkable linkwaardig linkwaardige linkbait
    backlinko groenevingers vliegwiel flywheel
    """.split()
)

# Concepts that (nearly) only appear in questions about backlinks, SEO or this bot.
STRONG = frozenset(
    {
        "backlink", "nofollow", "dofollow", "sponsored", "ugc", "anchor", "linkjuice", "linkdecay", "crawler",
        "seo", "rank", "rankingfactor", "linkbuilding", "pbn", "linkexchange", "penalty", "linkfarm", "disavow",
        "outreach", "guestpost", "digest", "blocked", "bot", "toxic", "ads", "blackhat", "domainauthority", "google",
        "missing", "status", "import", "placement", "directory", "traffic",
        "seotool",
    }
)
# Concepts that occur in link questions and elsewhere; two of them together make a question on-topic.
WEAK = frozenset(
    {
        "link", "content", "buy", "pay", "cost", "lose", "worth", "help", "bad", "good", "internal", "external",
        "example", "type", "add", "report", "reason", "score", "setting", "authority", "relevance", "news",
        "mix", "natural", "index", "competitor", "check", "track", "outdated",
        "compare", "language", "command", "social", "mention", "study", "notary", "webshop", "itfirm", "gardener",
        "relationship", "government", "credibility", "quantity", "exactmatch", "clickhere", "rel", "twice",
        "allowed", "important", "fast", "long", "many", "need", "get", "start", "business", "definition",
        "difference", "wikipedia", "follow", "kvk", "local", "normal", "numberone", "site", "review", "drop",
    }
)

# Words that say a question is about something else even when it mentions a link.
OFFTOPIC = frozenset(
    """
    hypotheek mortgage hypotheken rente interest lening loan bank bankrekening spaarrekening rekening account
    linkinbio googlemaps deposito savings belasting belastingen tax taxes btw verzekering insurance pensioen
    pension weer weather regen rain temperatuur temperature morgen tomorrow recept recipe recipes koken cook
    cooking bakken bake oven trein train bus vlucht flight vakantie holiday vacation tafel table reserveren book
    booking voetbal football soccer wedstrijd match film movie muziek music song liedje hoofdstad capital
    president python javascript windows linux printer wifi wachtwoord password iphone android telefoon phone
    keten chain ketting dokter doctor ziek sick medicijn medicine verjaardag birthday salaris salary
    sollicitatie sollicitatiebrief job vacature kabel cable usb hdmi bluetooth router modem netflix correlation
    vergadering vergaderingen meeting meetings zoom teams agenda rooster webinar afspraak appointment followers
    volgers likes evolution evolutie theory theorie darwin biology biologie spotify whatsapp tiktokdans fortnite
    minecraft game games gamen playstation xbox aandelen stocks crypto bitcoin beurs huur rent makelaar energie
    energy stroom gas wonen woning joke grap gedicht poem abonnement subscription opzeggen cancel zelda nintendo
    mario pokemon connectaccount domainname domeinnaam hosting webhosting registrar ssl crm tripadvisor
    googlereviews handtekening signature startabusiness credit krediet creditcard creditscore salary
    """.split()
)
# Software where "backlinks"/links mean something else (links between notes or documents): here even
# "backlink" is off-topic.
DOMAIN_CONFLICT = frozenset(
    """
    obsidian notion roam logseq zettelkasten onenote evernote notes notities aantekeningen excel spreadsheet
    spreadsheets cel cell cellen cells formule formula sheet sheets tabblad onedrive sharepoint dropbox document
    documenten docs powerpoint outlook pdf
    """.split()
)


# Inflection endings (Dutch and English) by which a word may differ from a listed form and still be it.
SUFFIXES = frozenset(
    "|s|es|e|en|n|t|te|ten|de|den|d|ed|ing|ings|er|ers|ly|je|jes|tje|tjes|r|st|ste|ie|ies|y|ied|isch|ische".split("|")
)


@lru_cache(maxsize=1)
def surface_index() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(folded surface form -> concept, first three letters -> [(form, concept)])."""
    exact: dict[str, str] = {}
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for concept, forms in CONCEPTS.items():
        for form in forms:
            exact.setdefault(form, concept)
            by_prefix.setdefault(form[:3], []).append((form, concept))
    return exact, by_prefix


def _inflection_of(token: str, form: str) -> bool:
    """True when ``token`` and ``form`` differ only by inflection endings ("koopt"/"koop", not "weekend"/"week")."""
    i = 0
    while i < min(len(token), len(form)) and token[i] == form[i]:
        i += 1
    return i >= 4 and token[i:] in SUFFIXES and form[i:] in SUFFIXES


@lru_cache(maxsize=65536)
def concept_of(token: str) -> str | None:
    """The concept of a folded token, by its surface form or an inflection of one; ``None`` when unknown."""
    exact, by_prefix = surface_index()
    found = exact.get(token)
    if found is not None:
        return found
    if len(token) < 4:
        return None
    best: tuple[int, str] | None = None
    for form, concept in by_prefix.get(token[:3], ()):
        if _inflection_of(token, form):
            shared = len(os.path.commonprefix([token, form]))
            if best is None or shared > best[0]:
                best = (shared, concept)
    return best[1] if best else None
