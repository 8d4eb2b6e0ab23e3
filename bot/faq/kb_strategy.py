"""Knowledge: how an SME gets good backlinks, what to avoid, and the everyday questions."""

from __future__ import annotations

from bot.faq.model import Entry, entry

ENTRIES: tuple[Entry, ...] = (
    entry(
        "sme-start",
        en=(
            "Step by step: take an *inventory* of the backlinks you already have (a free tool, or track your site "
            "here), *claim unlinked mentions* of your business name, publish *linkable content* others want to "
            "cite, and build *relationships* in your industry. Avoid bought links, link schemes and PBNs. A "
            "realistic goal is 2-4 quality links a month."
        ),
        nl=(
            "Stap voor stap: *inventariseer* welke backlinks je al hebt (gratis tool, of volg je site hier), "
            "*claim vermeldingen* van je bedrijfsnaam die nog geen link hebben, maak *linkwaardige content* waar "
            "anderen graag naar verwijzen, en investeer in *relaties* in je branche. Laat gekochte links, "
            "linkschema's en PBN's links liggen. Een realistisch doel is 2-4 kwalitatieve backlinks per "
            "maand."
        ),
        related=("inventory", "unlinked-mentions", "linkable-content", "links-per-month"),
        command="`/backlinks track jouwsite.nl`",
        q_en=[
            "How do I get good backlinks as a small business?",
            "how do i get backlinks",
            "where do i start with link building",
            "link building for beginners",
            "how can an sme build backlinks",
            "how to get more backlinks for my website",
            "tips for getting links to my site",
            "link building strategy for a small company",
            "how do i start with backlinks",
            "how do i rank higher in google with backlinks",
            "why does nobody link to my site",
            "nobody links to me what can i do",
            "how do i get my first backlinks",
            "How can I get backlinks without spending much money?",
        ],
        q_nl=[
            "Hoe kom ik als MKB aan goede backlinks?",
            "hoe krijg ik backlinks",
            "waar begin ik met linkbuilding",
            "linkbuilding voor beginners",
            "hoe bouw ik backlinks op als ondernemer",
            "hoe kom ik aan meer backlinks voor mijn website",
            "tips om links naar mijn site te krijgen",
            "linkbuilding strategie voor een klein bedrijf",
            "hoe begin ik met backlinks",
            "hoe kom ik hoger in google met backlinks",
            "waarom linkt niemand naar mijn site",
            "niemand linkt naar mij wat nu",
            "hoe krijg ik mijn eerste backlinks",
            "Hoe krijg ik backlinks zonder veel geld uit te geven?",
        ],
    ),
    entry(
        "inventory",
        en=(
            "Start with an *inventory* of the backlinks you already have. Free tools such as Ahrefs' Backlink "
            "Checker or Ubersuggest show a first list, and Google Search Console lists links too. You often have "
            "more than you think: your Chamber of Commerce (KvK) entry, trade associations, old press releases. "
            "Import that list here with `/backlinks import` and the bot keeps checking them."
        ),
        nl=(
            "Begin met een *inventarisatie* van de backlinks die je al hebt. Gratis tools zoals de Backlink Checker "
            "van Ahrefs of Ubersuggest geven een eerste lijst, en Google Search Console toont ook links. Vaak heb "
            "je er meer dan je denkt: je KvK-inschrijving, brancheverenigingen, oude persberichten. Importeer die "
            "lijst hier met `/backlinks import` en de bot blijft ze controleren."
        ),
        related=("bot-add-import", "sme-start", "bot-track"),
        command="`/backlinks import jouwsite.nl`",
        q_en=[
            "How do I find out which backlinks I have?",
            "free backlink checker",
            "which tool shows my backlinks",
            "how can i see who links to me",
            "check my existing backlinks",
            "where do i find my current links",
            "does my chamber of commerce listing count as a backlink",
            "How do I take an inventory of my backlinks?",
        ],
        q_nl=[
            "Hoe zie ik welke backlinks ik heb?",
            "gratis backlink checker",
            "welke tool laat mijn backlinks zien",
            "hoe zie ik wie naar mij linkt",
            "mijn bestaande backlinks controleren",
            "waar vind ik mijn huidige links",
            "telt mijn kvk vermelding als backlink",
            "Hoe inventariseer ik mijn backlinks?",
        ],
    ),
    entry(
        "unlinked-mentions",
        en=(
            "*Claim your unlinked mentions*: search Google for your business name and you will likely find pages "
            "that mention you without a link (member lists, event pages, news). Politely ask those sites to add a "
            "link. It is the easiest win, because the request is logical and fair."
        ),
        nl=(
            "*Claim je vermeldingen zonder link*: zoek op Google naar je bedrijfsnaam en je vindt waarschijnlijk "
            "pagina's die je noemen zonder te linken (ledenlijsten, evenementen, nieuws). Vraag die sites "
            "vriendelijk om een link toe te voegen. Makkelijker worden links niet: je vraagt iets wat voor de hand "
            "ligt."
        ),
        related=("sme-start", "example-van-dam", "relationships"),
        q_en=[
            "What are unlinked mentions?",
            "my company is mentioned but not linked",
            "how do i claim mentions",
            "ask a site to add a link to my name",
            "brand mention without link",
            "easiest way to get backlinks",
            "What is link reclamation?",
        ],
        q_nl=[
            "Wat zijn vermeldingen zonder link?",
            "mijn bedrijf wordt genoemd maar niet gelinkt",
            "hoe claim ik vermeldingen",
            "een site vragen om een link bij mijn naam",
            "naamsvermelding zonder link",
            "makkelijkste manier om backlinks te krijgen",
            "Wat zijn ongelinkte vermeldingen?",
        ],
    ),
    entry(
        "linkable-content",
        en=(
            "*Linkable content* is the foundation: things other sites want to point to. Think original research "
            "with your own data, practical tools or calculators, in-depth guides that beat what already exists, "
            "and infographics with useful statistics."
        ),
        nl=(
            "*Linkwaardige content* is het fundament: dingen waar andere sites graag naar verwijzen. Denk aan eigen "
            "onderzoek met eigen data, handige tools of rekenhulpen, uitgebreide gidsen die beter zijn dan wat er al "
            "is, en infographics met bruikbare statistieken."
        ),
        related=("example-securenet", "sme-start", "not-everything"),
        q_en=[
            "What content attracts backlinks?",
            "what is linkable content",
            "what should i publish to get links",
            "content ideas to earn links",
            "how do i create content that people link to",
            "linkbait ideas",
            "What is link-worthy content?",
        ],
        q_nl=[
            "Welke content levert backlinks op?",
            "wat is linkwaardige content",
            "wat moet ik publiceren om links te krijgen",
            "content ideeen om links te verdienen",
            "hoe maak ik content waar anderen naar linken",
            "linkbait ideeen",
            "Wat is linkwaardige content precies?",
        ],
    ),
    entry(
        "relationships",
        en=(
            "In the end, getting links is about *relationships*. Get to know fellow entrepreneurs, trade journalists "
            "and bloggers in your niche: share their work, comment on their articles, meet them at events. When you "
            "then publish something worthwhile, linking to you is a small step for them."
        ),
        nl=(
            "Uiteindelijk draait linkbuilding om *relaties*. Zorg dat je de ondernemers, journalisten en bloggers "
            "rond jouw vak kent: deel hun werk, reageer op hun artikelen, spreek ze op events. Publiceer je dan iets "
            "waardevols, dan is linken naar jou voor hen een kleine stap."
        ),
        related=("sme-start", "outreach", "unlinked-mentions"),
        q_en=[
            "How do relationships help link building?",
            "networking for backlinks",
            "how do i get bloggers to link to me",
            "getting journalists to link to my site",
            "Why do relationships matter for link building?",
        ],
        q_nl=[
            "Hoe helpen relaties bij linkbuilding?",
            "netwerken voor backlinks",
            "hoe krijg ik bloggers zover dat ze naar mij linken",
            "journalisten laten linken naar mijn site",
            "Waarom zijn relaties belangrijk voor linkbuilding?",
        ],
    ),
    entry(
        "outreach",
        en=(
            "Good outreach is personal and offers something: a review sample, a guest column, research worth "
            "citing, or a fix for a mention without a link. Start with sites that already link to your competitors "
            "but not to you; `/backlinks gap` gives that list."
        ),
        nl=(
            "Goede outreach is persoonlijk en biedt iets: een productsample voor een review, een gastcolumn, "
            "onderzoek dat het citeren waard is, of het herstellen van een vermelding zonder link. Begin bij sites "
            "die wel naar je concurrenten linken maar niet naar jou; `/backlinks gap` geeft die lijst."
        ),
        related=("bot-compare-gap", "guest-posting", "example-biovitaal"),
        command="`/backlinks gap jouwsite.nl`",
        q_en=[
            "How do I do link outreach?",
            "which sites should i ask for a link",
            "how to ask for a backlink",
            "email to request a link",
            "outreach list",
            "How do I approach a website for a link?",
        ],
        q_nl=[
            "Hoe doe ik outreach voor links?",
            "welke sites moet ik om een link vragen",
            "hoe vraag ik om een backlink",
            "mail om een link te vragen",
            "outreach lijst",
            "Hoe benader ik een website voor een link?",
        ],
    ),
    entry(
        "guest-posting",
        en=(
            "A *guest article* or column on a respected site in your field, with a link back to you, is a sound "
            "way to earn a relevant link, as long as the piece is genuinely useful and not a paid link in disguise. "
            "A notary earned such a link with a column on starters' legal mistakes for the Chamber of Commerce site."
        ),
        nl=(
            "Een *gastartikel* of gastcolumn op een gerespecteerde site in je vakgebied, met een link terug naar "
            "jou, is een prima manier om een relevante link te verdienen, zolang het stuk echt nuttig is en geen "
            "verkapte betaalde link. Een notaris verdiende zo'n link met een column over juridische fouten van "
            "starters op de site van de KvK."
        ),
        related=("example-van-dam", "outreach", "buy-links"),
        q_en=[
            "Is guest blogging good for backlinks?",
            "guest post link building",
            "writing a guest column for a link",
            "are guest articles still ok",
            "Does a guest article give a good backlink?",
        ],
        q_nl=[
            "Is gastbloggen goed voor backlinks?",
            "gastblog linkbuilding",
            "een gastcolumn schrijven voor een link",
            "mogen gastartikelen nog",
            "Levert een gastartikel een goede backlink op?",
        ],
    ),
    entry(
        "local-links",
        en=(
            "For local businesses, the best links are close by: associations and clubs you belong to (member "
            "lists), the local paper, the municipality, local sponsorships and partners. A few locally relevant, "
            "trusted links can move you up for \"service + city\" searches, as a notary in Amersfoort and a "
            "gardener in Utrecht found."
        ),
        nl=(
            "Voor lokale bedrijven liggen de beste links dichtbij: verenigingen en clubs waar je lid van bent "
            "(ledenlijsten), de lokale krant, de gemeente, lokale sponsoring en partners. Een paar lokaal relevante, "
            "betrouwbare links kunnen je laten stijgen op zoekopdrachten als \"dienst + plaats\", zoals een notaris "
            "in Amersfoort en een hovenier in Utrecht merkten."
        ),
        related=("example-van-dam", "example-groene-vingers", "how-many-links"),
        q_en=[
            "How do I get local backlinks?",
            "backlinks for a local business",
            "local seo links city",
            "links from local associations and newspaper",
            "how do i get my business in the local newspaper",
            "how do i get links from local organisations",
            "backlinks for a shop in my town",
            "How does a local business get backlinks?",
        ],
        q_nl=[
            "Hoe kom ik aan lokale backlinks?",
            "backlinks voor een lokaal bedrijf",
            "lokale seo links in mijn stad",
            "links van lokale verenigingen en de krant",
            "hoe kom ik met mijn bedrijf in de krant",
            "hoe krijg ik links van lokale organisaties",
            "backlinks voor een winkel in mijn dorp",
            "Hoe krijg ik backlinks als lokaal bedrijf?",
        ],
    ),
    entry(
        "link-schemes-pbn",
        en=(
            "Avoid shortcuts: buying links, link exchange schemes and *Private Blog Networks* (PBNs, networks of "
            "sites built only to link) are tempting but risky. Google keeps getting better at spotting unnatural "
            "link patterns, and a manual penalty can cut your organic traffic by up to 90%, with months or more to "
            "recover. It is not worth the risk."
        ),
        nl=(
            "Blijf weg van shortcuts: gekochte links, linkruil en *Private Blog Networks* (PBN's: netwerkjes van "
            "sites die er alleen zijn om links uit te delen) lijken snel maar zijn riskant. Google herkent "
            "onnatuurlijke linkpatronen steeds beter, en na een handmatige penalty kan tot 90% van je organische "
            "verkeer wegvallen, met maanden of langer om te herstellen. Dat risico is het niet waard."
        ),
        related=("penalty", "buy-links", "toxic-links"),
        q_en=[
            "What is a private blog network?",
            "what is a pbn",
            "is link exchange allowed",
            "are link schemes risky",
            "can i swap links with other sites",
            "reciprocal links ok",
            "black hat link building",
            "What is a link scheme?",
        ],
        q_nl=[
            "Wat is een Private Blog Network?",
            "wat is een pbn",
            "mag linkruil",
            "zijn linkschema's riskant",
            "kan ik links ruilen met andere sites",
            "wederzijdse links ok",
            "black hat linkbuilding",
            "Wat zijn linkschema's?",
        ],
    ),
    entry(
        "penalty",
        en=(
            "A *manual penalty* is Google's action against a site with unnatural links (bought links, schemes, "
            "PBNs). It can drop your organic traffic by up to 90%, and recovery takes months, sometimes longer: "
            "remove or disavow the bad links and file a reconsideration request in Search Console."
        ),
        nl=(
            "Een *handmatige penalty* is een maatregel van Google tegen een site met onnatuurlijke links (gekochte "
            "links, schema's, PBN's). Je organische verkeer kan tot 90% dalen, en herstel duurt maanden, soms "
            "langer: laat de slechte links weghalen of disavow ze en dien in Search Console een verzoek tot "
            "heroverweging in."
        ),
        related=("link-schemes-pbn", "disavow", "toxic-links"),
        q_en=[
            "What is a Google penalty?",
            "manual action for unnatural links",
            "how much traffic do you lose with a penalty",
            "how long to recover from a google penalty",
            "can google punish my site for bad links",
            "my traffic dropped after buying links",
            "my traffic suddenly dropped what happened",
            "how do i know if i have a google penalty",
            "What happens if Google penalizes me for links?",
        ],
        q_nl=[
            "Wat is een Google penalty?",
            "handmatige actie onnatuurlijke links",
            "hoeveel verkeer verlies je bij een penalty",
            "hoe lang duurt herstel van een penalty",
            "kan google mijn site straffen voor slechte links",
            "mijn verkeer is gedaald na links kopen",
            "mijn verkeer is ineens gedaald wat is er gebeurd",
            "hoe weet ik of ik een google penalty heb",
            "Wat gebeurt er als Google mij bestraft voor links?",
        ],
    ),
    entry(
        "links-per-month",
        en=(
            "A realistic goal is *2-4 quality backlinks a month*. After a year that is 24-48 strong links, which in "
            "most local and niche markets is enough for a clear step up in rankings. The weekly digest tracks your "
            "progress toward that monthly target."
        ),
        nl=(
            "Mik op *2-4 kwalitatieve backlinks per maand*: dat is haalbaar. Twaalf maanden later sta je dan op "
            "24-48 sterke links, en in de meeste lokale en nichemarkten is dat genoeg voor een flinke stap in je "
            "posities. De wekelijkse digest houdt bij hoe je ervoor staat ten opzichte van dat maanddoel."
        ),
        related=("how-many-links", "sme-start", "bot-digest"),
        command="`/backlinks digest jouwsite.nl`",
        q_en=[
            "How many backlinks should I build per month?",
            "how many links a month is realistic",
            "monthly link building target",
            "how fast should i build links",
            "is getting too many links at once bad",
            "an agency says i need dozens of links a month",
            "how many links will i have after a year of link building",
            "What is a realistic link building goal?",
        ],
        q_nl=[
            "Hoeveel backlinks moet ik per maand opbouwen?",
            "hoeveel links per maand is realistisch",
            "maanddoel linkbuilding",
            "hoe snel moet ik links opbouwen",
            "is te veel links tegelijk slecht",
            "mijn bureau zegt dat ik tientallen links per maand nodig heb",
            "hoeveel links heb ik na een jaar linkbuilding",
            "Wat is een realistisch doel voor linkbuilding?",
        ],
    ),
    entry(
        "how-many-links",
        en=(
            "There is no magic number: it depends on your competition. For a local keyword like \"plumber Breda\" "
            "10-20 strong backlinks may be enough; for a competitive national one like \"calculate mortgage\" you are "
            "talking hundreds. Look at the links of the sites in positions 1-3 for your keywords to get a concrete "
            "target (`/backlinks compare` helps)."
        ),
        nl=(
            "Daar bestaat geen magisch getal voor; alles draait om hoe sterk je concurrenten zijn. Bij een lokale "
            "zoekterm als \"loodgieter Breda\" kom je met 10-20 sterke backlinks misschien al ver, terwijl een "
            "landelijke, felbegeerde term als \"hypotheek berekenen\" er honderden vraagt. Bekijk de links van de "
            "sites op positie 1-3 voor je zoekwoorden, dan heb je een concreet streefgetal (`/backlinks compare` "
            "helpt)."
        ),
        related=("links-per-month", "bot-compare-gap", "backlinko-study"),
        command="`/backlinks compare jouwsite.nl concurrent.nl`",
        q_en=[
            "How many backlinks do I need to rank well?",
            "how many backlinks do i need",
            "how many links to reach page one",
            "what number of backlinks is enough",
            "how many referring domains do i need",
            "how many links does it take to rank for a keyword",
            "how many links does a local business need",
            "how many backlinks does my competitor have compared to me",
            "How many links do I need for a local keyword?",
        ],
        q_nl=[
            "Hoeveel backlinks heb ik nodig om goed te ranken?",
            "hoeveel backlinks heb ik nodig",
            "hoeveel links om op pagina 1 te komen",
            "hoeveel backlinks is genoeg",
            "hoeveel verwijzende domeinen heb ik nodig",
            "hoeveel links nodig om op een zoekwoord te scoren",
            "hoeveel links heeft een lokaal bedrijf nodig",
            "hoeveel backlinks heeft mijn concurrent vergeleken met mij",
            "Hoeveel links heb ik nodig voor een lokaal zoekwoord?",
        ],
    ),
    entry(
        "social-media-links",
        en=(
            "Links from Facebook, LinkedIn, X/Twitter and Instagram are almost always *nofollow*, so they do not "
            "count directly toward your rankings. They are not worthless though: they bring visitors, extend your "
            "reach and raise the chance that someone sees your content and links to it from their own site. See "
            "them as indirectly valuable."
        ),
        nl=(
            "Wat je op Facebook, LinkedIn, X/Twitter of Instagram deelt, krijgt vrijwel altijd *nofollow*: voor je "
            "posities tellen die links dus niet rechtstreeks. Waardeloos zijn ze niet: ze brengen bezoekers, "
            "vergroten je bereik, en wie je post ziet, linkt misschien later vanaf een eigen website. Zie ze als "
            "indirect waardevol."
        ),
        related=("nofollow-value", "dofollow-vs-nofollow", "referral-traffic"),
        q_en=[
            "Are social media backlinks valuable?",
            "do facebook links count for seo",
            "are linkedin links backlinks",
            "do instagram or twitter links help rankings",
            "social links seo value",
            "does sharing on social media give backlinks",
            "does sharing my site on facebook help seo",
            "are youtube links backlinks",
            "Do social media links have SEO value?",
        ],
        q_nl=[
            "Zijn backlinks van sociale media waardevol?",
            "tellen facebook links mee voor seo",
            "zijn linkedin links backlinks",
            "helpen links van instagram of twitter",
            "waarde van social media links",
            "levert delen op social media backlinks op",
            "helpt mijn site delen op facebook voor seo",
            "zijn youtube links backlinks",
            "Hebben social media links SEO-waarde?",
        ],
    ),
    entry(
        "toxic-links",
        en=(
            "A *toxic backlink* comes from a site Google sees as spam: link farms (sites that exist only to place "
            "links), hacked sites, porn sites, or pages with an extreme number of outgoing links. They can hurt your "
            "standing with Google. Google ignores most spammy links by itself nowadays; disavowing is only needed "
            "in serious cases. `/backlinks toxic` scores your links and explains why."
        ),
        nl=(
            "Een *toxische backlink* komt van een site die Google als spam ziet: linkfarms (sites die niets anders "
            "doen dan links verkopen of uitdelen), gehackte sites, pornosites of pagina's met extreem veel "
            "uitgaande links. Ze kunnen je reputatie bij Google schaden. Google negeert de meeste spamlinks "
            "tegenwoordig zelf; disavowen is alleen nodig bij ernstige gevallen. `/backlinks toxic` beoordeelt je "
            "links en zegt waarom."
        ),
        related=("disavow", "bot-toxic", "penalty"),
        command="`/backlinks toxic jouwsite.nl`",
        q_en=[
            "What is a toxic backlink?",
            "what are bad backlinks",
            "spammy links pointing to my site",
            "can bad links hurt my site",
            "what is a link farm",
            "spam backlinks from weird sites",
            "harmful backlinks",
            "how do i spot a bad backlink",
            "how do i recognise a toxic link",
            "Can toxic backlinks hurt my rankings?",
        ],
        q_nl=[
            "Wat is een toxische backlink?",
            "wat zijn slechte backlinks",
            "spamlinks naar mijn site",
            "kunnen slechte links mijn site schaden",
            "wat is een linkfarm",
            "rare spam backlinks van vage sites",
            "schadelijke backlinks",
            "hoe herken ik een slechte backlink",
            "hoe herken ik een toxische link",
            "Kunnen toxische backlinks mijn rankings schaden?",
        ],
    ),
    entry(
        "disavow",
        en=(
            "Google's *Disavow Tool* lets you ask Google to ignore specific links or whole domains. Use it only in "
            "serious cases (a manual penalty, or a large pile of clearly spammy links you cannot get removed); "
            "Google already ignores most spam. `/backlinks toxic` can export a disavow file in Google's format "
            "(`domain:example.com` lines), but it never disavows anything by itself."
        ),
        nl=(
            "Met de *Disavow Tool* van Google vraag je Google bepaalde links of hele domeinen te negeren. Gebruik "
            "hem alleen bij ernstige gevallen (een handmatige penalty, of een grote berg duidelijke spamlinks die je "
            "niet weg krijgt); de meeste spam negeert Google al. `/backlinks toxic` kan een disavow-bestand in het "
            "formaat van Google maken (regels `domain:example.com`), maar disavowt nooit zelf iets."
        ),
        related=("toxic-links", "bot-toxic", "penalty"),
        command="`/backlinks toxic jouwsite.nl`",
        q_en=[
            "Should I disavow bad links?",
            "how do i disavow links",
            "what is the disavow tool",
            "disavow file format",
            "when should i use disavow",
            "do i need to disavow spam links",
            "When should I disavow links?",
        ],
        q_nl=[
            "Moet ik slechte links disavowen?",
            "hoe disavow ik links",
            "wat is de disavow tool",
            "formaat disavow bestand",
            "wanneer gebruik ik disavow",
            "moet ik spamlinks afwijzen",
            "Wanneer moet ik links disavowen?",
        ],
    ),
    entry(
        "how-fast",
        en=(
            "Be patient: on average it takes *2-4 months* after you get a backlink before you see the effect in "
            "your rankings. Google first has to crawl and index the link and work out its value. Links from more "
            "authoritative sites tend to show their effect sooner; don't expect overnight results."
        ),
        nl=(
            "Geduld is nodig: gemiddeld duurt het *2-4 maanden* na het krijgen van een backlink voordat je het "
            "effect in je posities ziet. Eerst moet Google de link tegenkomen, opnemen in de index en inschatten "
            "wat hij waard is. Links van sites met meer gezag werken meestal sneller; verwacht geen resultaat van "
            "de ene op de andere dag."
        ),
        related=("how-crawlers-find-links", "links-per-month", "faster-indexing"),
        q_en=[
            "How fast do backlinks work?",
            "how long until a new link helps",
            "how long before backlinks take effect",
            "when will i see results from backlinks",
            "how long does it take for a backlink to improve rankings",
            "backlinks no effect yet",
            "got a new link but rankings did not change",
            "how long does link building take to work",
            "how soon will i see the effect of a new link",
            "when do new backlinks start to show results",
            "how quickly does a new link work",
            "How long does a backlink take to work?",
        ],
        q_nl=[
            "Hoe snel werken backlinks?",
            "hoe lang duurt het voordat een nieuwe link helpt",
            "wanneer zie ik effect van backlinks",
            "hoe lang voordat backlinks resultaat geven",
            "hoe lang duurt het voor een backlink mijn ranking verbetert",
            "backlinks nog geen effect",
            "nieuwe link maar mijn positie is niet veranderd",
            "hoe lang duurt linkbuilding voordat je iets merkt",
            "hoe snel zie ik effect van een nieuwe link",
            "wanneer beginnen nieuwe backlinks te werken",
            "hoe snel werkt een nieuwe link",
            "Hoe lang duurt het voordat een backlink effect heeft?",
        ],
    ),
    entry(
        "buy-links",
        en=(
            "Technically you can, but Google explicitly forbids buying links for ranking in its guidelines. Cheap "
            "links (the €5-50 kind from Fiverr and similar platforms) are almost always harmful. Paid collaborations "
            "with bloggers or media (paying for a review or article) are a grey area: if you do it, mark the link "
            "with `rel=\"sponsored\"`; many skip the tag, but then you take a risk."
        ),
        nl=(
            "Het kan wel, maar Google verbiedt gekochte links voor rankings met zoveel woorden in zijn richtlijnen. "
            "Links van €5-50 per stuk via Fiverr en soortgelijke sites doen je bijna altijd kwaad. Een blogger of "
            "medium betalen voor een review of artikel is een grijs gebied: doe je het, markeer de link dan met "
            "`rel=\"sponsored\"`; veel bedrijven laten die tag weg, maar lopen dan risico."
        ),
        related=("sponsored-ugc", "link-schemes-pbn", "penalty"),
        q_en=[
            "Can I buy backlinks?",
            "does a paid link need a sponsored tag",
            "i paid for a review, must the link be marked sponsored",
            "is buying links allowed",
            "should i pay for backlinks",
            "buying links on fiverr",
            "paid links seo",
            "is a paid review with a link ok",
            "should i pay a blog to mention me",
            "how much do backlinks cost",
            "is paying for a backlink worth it",
            "what does a backlink cost to buy",
            "Is buying backlinks against Google's rules?",
        ],
        q_nl=[
            "Kan ik backlinks kopen?",
            "moet een betaalde link een sponsored tag hebben",
            "ik heb betaald voor een review, moet de link sponsored zijn",
            "mag je links kopen",
            "moet ik betalen voor backlinks",
            "links kopen op fiverr",
            "betaalde links seo",
            "is een betaalde review met link ok",
            "moet ik een blog betalen voor een vermelding",
            "wat kosten backlinks",
            "is betalen voor een backlink het waard",
            "wat kost een backlink kopen",
            "Is het kopen van backlinks verboden?",
        ],
    ),
    entry(
        "losing-links",
        en=(
            "Not necessarily. Losing one or two backlinks rarely has a noticeable effect. Losing a large share, for "
            "example when a site that linked to you a lot goes offline, can hurt your rankings, so monitor your "
            "links regularly and don't depend on a single source. The bot checks your links and reports losses in "
            "the weekly digest."
        ),
        nl=(
            "Niet per se. Eén of twee verdwenen backlinks merk je zelden terug in je posities. Raak je een flink "
            "deel kwijt, bijvoorbeeld doordat een site met veel links naar jou uit de lucht gaat, dan kan het wel "
            "pijn doen; monitor je links dus regelmatig en wees niet afhankelijk van één enkele bron. De bot "
            "controleert je links en meldt verliezen in de wekelijkse digest."
        ),
        related=("link-decay", "bot-lost-two-checks", "bot-digest"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "Will I lose rankings if I lose backlinks?",
            "i lost some backlinks is that bad",
            "what happens when a backlink disappears",
            "does losing links hurt my ranking",
            "a site removed my link",
            "lost backlinks what now",
            "i lost a lot of links this month",
            "can i see when i lose a backlink",
            "a big site stopped linking to me",
            "What happens if I lose backlinks?",
        ],
        q_nl=[
            "Verlies ik mijn rankings als ik backlinks verlies?",
            "ik ben backlinks kwijt is dat erg",
            "wat gebeurt er als een backlink verdwijnt",
            "kost het verliezen van links mij posities",
            "een site heeft mijn link weggehaald",
            "backlinks verloren wat nu",
            "ik ben deze maand veel links kwijtgeraakt",
            "kan ik zien wanneer ik een backlink kwijt ben",
            "een grote site linkt niet meer naar mij",
            "Wat gebeurt er als ik backlinks verlies?",
        ],
    ),
    entry(
        "competitor-analysis",
        en=(
            "Look at who links to the sites that outrank you. Their backlinks show what it takes to rank for your "
            "keywords and give you a ready-made outreach list: sites that link to competitors but not to you. "
            "Use `/backlinks compare` for the side-by-side numbers and `/backlinks gap` for the list."
        ),
        nl=(
            "Kijk wie er linkt naar de sites die boven je staan. Hun backlinks laten zien wat er nodig is om op je "
            "zoekwoorden te scoren en geven je een kant-en-klare outreachlijst: sites die naar concurrenten linken "
            "maar niet naar jou. Gebruik `/backlinks compare` voor de vergelijking en `/backlinks gap` voor de lijst."
        ),
        related=("bot-compare-gap", "how-many-links", "outreach"),
        command="`/backlinks compare jouwsite.nl concurrent.nl`",
        q_en=[
            "How do I see my competitors' backlinks?",
            "competitor backlink analysis",
            "who links to my competitor",
            "why does my competitor rank higher",
            "spy on competitor links",
            "How do I analyse my competitors' backlinks?",
        ],
        q_nl=[
            "Hoe zie ik de backlinks van mijn concurrenten?",
            "backlinks van concurrent analyseren",
            "wie linkt naar mijn concurrent",
            "waarom staat mijn concurrent hoger",
            "links van de concurrentie bekijken",
            "Hoe analyseer ik de backlinks van mijn concurrenten?",
        ],
    ),

    entry(
        "what-is-linkbuilding",
        en=(
            "*Link building* is the ongoing work of getting other websites to link to yours: publishing things "
            "worth citing, asking for a link where you are already mentioned, and building relationships in your "
            "field. It is never finished, because every site loses some of its links each year. Aim for steady "
            "progress (2-4 quality links a month) rather than shortcuts such as bought links, which risk a penalty."
        ),
        nl=(
            "*Linkbuilding* is het doorlopende werk om andere websites naar jouw site te laten linken: iets "
            "publiceren dat het citeren waard is, om een link vragen waar je al genoemd wordt, en relaties opbouwen "
            "in je vakgebied. Het is nooit af, want elke site raakt jaarlijks een deel van zijn links kwijt. Mik op "
            "gestage groei (2-4 kwalitatieve links per maand) in plaats van shortcuts zoals gekochte links, die een "
            "penalty riskeren."
        ),
        related=("sme-start", "links-per-month", "buy-links"),
        q_en=[
            "What is link building?",
            "what does link building mean",
            "link building meaning",
            "explain link building",
            "what do seo people mean by link building",
            "how does link building work",
        ],
        q_nl=[
            "Wat is linkbuilding?",
            "wat betekent linkbuilding",
            "linkbuilding uitleg",
            "wat houdt linkbuilding in",
            "wat bedoelen ze met linkbuilding",
            "hoe werkt linkbuilding",
        ],
    ),
)
