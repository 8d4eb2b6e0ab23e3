"""Knowledge: what backlinks are, link types, anchors, how links are found and weighed, decay.

Written in our own words from the facts of the reference article (shared/reference/).
"""

from __future__ import annotations

from bot.faq.model import Entry, entry

ENTRIES: tuple[Entry, ...] = (
    entry(
        "what-is-backlink",
        en=(
            "A *backlink* is a link on another website that points to a page on your site (also called an "
            "inbound or incoming link). Google reads such links as votes of trust: someone else finds your page "
            "worth sending readers to. They date back to the PageRank idea Google started with in 1998 and are "
            "still among the three strongest ranking signals."
        ),
        nl=(
            "Een *backlink* (ook inkomende of inbound link) is een link op een andere site die naar jouw website "
            "wijst: een ander verwijst zijn lezers door naar een pagina van jou. Google leest zo'n link als een "
            "soort stem: iemand vindt jouw pagina goed genoeg om naar te linken. Het idee gaat terug op PageRank, "
            "waarmee Google in 1998 begon, en backlinks horen nog steeds bij de drie belangrijkste rankingfactoren."
        ),
        more_en=(
            "Technically it is an HTML `<a href>` element on the other page. The clickable words are the anchor "
            "text, which tells readers and Google what to expect behind the link."
        ),
        more_nl=(
            "Technisch is het een HTML-element `<a href>` op de andere pagina. De klikbare woorden heten de "
            "ankertekst; die vertelt lezer en Google wat er achter de link zit."
        ),
        related=("link-types", "why-backlinks-matter", "anchor-text"),
        q_en=[
            "What is a backlink?",
            "what exactly is a backlink",
            "what does backlink mean",
            "backlink meaning definition",
            "explain backlinks to me",
            "what is an inbound link",
            "what are incoming links",
            "what is a link from another site to mine",
            "what are backlinks in seo",
            "backlinks explained simply",
            "why does google care about links",
            "what do people mean by a backlink",
            "is a backlink just a link to my site",
            "backlink vs normal link",
            "What are inbound links?",
            "What does it mean when a site links to me?",
        ],
        q_nl=[
            "Wat is een backlink?",
            "wat is een backlink precies",
            "wat betekent backlink",
            "wat zijn backlinks",
            "uitleg backlinks",
            "wat is een inkomende link",
            "wat is een inbound link",
            "wat is een link van een andere site naar mijn site",
            "definitie backlink",
            "wat bedoelen ze met backlinks in seo",
            "waarom geeft google om links",
            "wat wordt bedoeld met een backlink",
            "is een backlink gewoon een link naar mijn site",
            "wat is een terugverwijzing",
            "Wat zijn inkomende links?",
            "Wat betekent een link naar mijn website?",
        ],
    ),
    entry(
        "link-types",
        en=(
            "There are three kinds to know. *Dofollow* is the default and passes ranking value; *nofollow* "
            "(`rel=\"nofollow\"`) asks search engines not to use the link for ranking; *sponsored* marks a paid "
            "link and *UGC* a link placed by users (comments, forums). A natural link profile always has a mix of "
            "all of them; dofollow links from relevant, authoritative sites help most."
        ),
        nl=(
            "Er zijn drie soorten die je moet kennen. *Dofollow* is de standaard en geeft rankingwaarde door; "
            "*nofollow* (`rel=\"nofollow\"`) vraagt zoekmachines de link niet mee te tellen voor rankings; "
            "*sponsored* markeert een betaalde link en *UGC* een link die door gebruikers is geplaatst (reacties, "
            "forums). Een natuurlijk linkprofiel heeft altijd een mix van alle soorten; dofollow-links van "
            "relevante, gezaghebbende sites helpen het meest."
        ),
        related=("dofollow-vs-nofollow", "sponsored-ugc", "nofollow-value"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "What types of backlinks are there?",
            "kinds of backlinks",
            "which sorts of links exist dofollow nofollow sponsored ugc",
            "what link types are there",
            "different types of links",
            "what are the rel attributes of a link",
            "what link attributes are there",
            "which kinds of links count for google",
        ],
        q_nl=[
            "Welke soorten backlinks zijn er?",
            "welke typen backlinks bestaan er",
            "soorten links",
            "wat voor links zijn er allemaal",
            "verschillende soorten backlinks",
            "welke rel attributen heeft een link",
            "welke link attributen zijn er",
            "welke soorten links tellen voor google",
        ],
    ),
    entry(
        "dofollow-vs-nofollow",
        en=(
            "A *dofollow* link is a normal link: it passes authority (\"link juice\") to your page, so a dofollow "
            "link from a strong site helps your rankings directly. A *nofollow* link carries `rel=\"nofollow\"` and "
            "tells search engines not to use it for ranking; social networks, Wikipedia and many forums add it by "
            "default. Since 2019 Google treats nofollow as a hint it may still count, and nofollow links still bring "
            "visitors. For paid links and links placed by users there are the variants `sponsored` and `ugc`."
        ),
        nl=(
            "Een *dofollow*-link is een gewone link: hij geeft autoriteit (\"link juice\") door aan jouw pagina, dus "
            "een dofollow-link van een sterke site helpt je rankings direct. Een *nofollow*-link heeft "
            "`rel=\"nofollow\"` en vraagt zoekmachines hem niet mee te tellen voor rankings; sociale media, "
            "Wikipedia en veel forums zetten dat standaard. Sinds 2019 ziet Google nofollow als een hint die het "
            "toch mag meewegen, en nofollow-links leveren nog steeds bezoekers op. Voor betaalde links en links van "
            "gebruikers bestaan de varianten `sponsored` en `ugc`."
        ),
        related=("nofollow-value", "sponsored-ugc", "link-types"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "What is the difference between dofollow and nofollow?",
            "dofollow vs nofollow",
            "nofollow or dofollow which is better",
            "what does rel nofollow do",
            "what is a dofollow link",
            "what is a nofollow link",
            "what does nofollow mean",
            "follow vs nofollow links",
            "what does a dofollow link give me",
            "dofollow link meaning",
            "is dofollow better than nofollow",
            "What is a dofollow backlink?",
        ],
        q_nl=[
            "Wat is het verschil tussen dofollow en nofollow?",
            "dofollow of nofollow",
            "verschil follow en nofollow link",
            "wat doet rel nofollow",
            "wat is een dofollow link",
            "wat is een nofollow link",
            "wat betekent nofollow",
            "wat is beter dofollow of nofollow",
            "wat levert een dofollow link op",
            "wat is een follow link",
            "is dofollow beter dan nofollow",
            "Wat is een dofollow backlink?",
        ],
    ),
    entry(
        "nofollow-value",
        en=(
            "Yes, a *nofollow* link is still worth something. It passes less direct ranking value than a dofollow "
            "link, but since 2019 Google treats nofollow as a hint that it may weigh anyway. It also sends real "
            "visitors, makes you visible, and belongs in any natural link profile."
        ),
        nl=(
            "Ja, een *nofollow*-link is nog steeds iets waard. Hij geeft minder directe rankingwaarde door dan een "
            "dofollow-link, maar sinds 2019 behandelt Google nofollow als een hint die het toch mag meewegen. "
            "Daarnaast levert hij echte bezoekers en zichtbaarheid op, en hoort hij in elk natuurlijk linkprofiel."
        ),
        related=("dofollow-vs-nofollow", "google-2019-change", "social-media-links"),
        q_en=[
            "Is a nofollow link worth anything?",
            "are nofollow links useless",
            "do nofollow links help seo",
            "is nofollow still worth it",
            "does google count nofollow links",
            "value of nofollow backlinks",
            "should i bother with nofollow links",
            "are links from wikipedia worth anything",
            "does a nofollow link from a newspaper have value",
            "are nofollow links a waste of time",
            "Do nofollow backlinks have value?",
        ],
        q_nl=[
            "Is een nofollow link nog iets waard?",
            "zijn nofollow links waardeloos",
            "helpen nofollow links voor seo",
            "heeft een nofollow link zin",
            "telt google nofollow links mee",
            "waarde van nofollow backlinks",
            "heb ik iets aan nofollow links",
            "zijn links van wikipedia iets waard",
            "heeft een nofollow link van een krant waarde",
            "zijn nofollow links zonde van de tijd",
            "Hebben nofollow backlinks waarde?",
        ],
    ),
    entry(
        "sponsored-ugc",
        en=(
            "`rel=\"sponsored\"` and `rel=\"ugc\"` are more specific forms of nofollow that Google introduced in "
            "2019. *Sponsored* marks a link that was paid for (advertising, a paid review or partnership); *UGC* "
            "(user-generated content) marks a link placed by users, for example in comments or forum posts. They "
            "give Google more nuance about why a link exists."
        ),
        nl=(
            "`rel=\"sponsored\"` en `rel=\"ugc\"` zijn specifiekere varianten van nofollow die Google in 2019 "
            "invoerde. *Sponsored* geeft aan dat er voor de link betaald is (advertentie, betaalde review of "
            "samenwerking); *UGC* (user-generated content) betekent dat gebruikers de link hebben geplaatst, "
            "bijvoorbeeld in reacties of op een forum. Zo krijgt Google meer nuance over waarom een link bestaat."
        ),
        related=("google-2019-change", "buy-links", "link-types"),
        q_en=[
            "What are sponsored and UGC links?",
            "what is rel sponsored",
            "what does ugc mean",
            "what is a ugc link",
            "what is a sponsored link",
            "user generated content link attribute",
            "sponsored tag meaning",
            "are blog comment links worth anything",
            "is sponsored the same as nofollow",
            "When should I use rel=sponsored?",
        ],
        q_nl=[
            "Wat zijn sponsored en UGC links?",
            "wat is rel sponsored",
            "wat betekent ugc",
            "wat is een ugc link",
            "wat is een gesponsorde link",
            "wat betekent de sponsored tag",
            "links geplaatst door gebruikers",
            "links in reacties onder een blog",
            "is sponsored hetzelfde als nofollow",
            "Wanneer gebruik ik rel=sponsored?",
        ],
    ),
    entry(
        "google-2019-change",
        en=(
            "In 2019 Google changed two things: it added the `sponsored` (paid) and `ugc` (user-generated) link "
            "attributes next to `nofollow`, and it started treating nofollow as a *hint* rather than a strict "
            "command. Since then a nofollow link may still count somewhat, at Google's discretion."
        ),
        nl=(
            "In 2019 veranderde Google twee dingen: naast `nofollow` kwamen de attributen `sponsored` (betaald) en "
            "`ugc` (door gebruikers geplaatst), en nofollow werd een *hint* in plaats van een harde opdracht. "
            "Sindsdien kan een nofollow-link toch een beetje meetellen, als Google dat zelf besluit."
        ),
        related=("sponsored-ugc", "nofollow-value", "dofollow-vs-nofollow"),
        q_en=[
            "What changed with nofollow in 2019?",
            "google 2019 nofollow hint",
            "is nofollow a hint now",
            "nofollow hint change",
            "when did google introduce sponsored and ugc",
            "What did Google change about nofollow in 2019?",
        ],
        q_nl=[
            "Wat veranderde er in 2019 aan nofollow?",
            "nofollow als hint sinds 2019",
            "is nofollow nu een hint",
            "google wijziging nofollow 2019",
            "wanneer kwamen sponsored en ugc",
            "Wat is er in 2019 veranderd aan nofollow links?",
        ],
    ),
    entry(
        "anchor-text",
        en=(
            "*Anchor text* is the clickable text of a link. It tells readers and Google what the linked page is "
            "about: \"best accounting software for freelancers\" says far more than \"click here\". When many sites "
            "link to you with a descriptive phrase, Google learns your page is relevant for that search term. Keep "
            "the mix varied (brand name, URL, plain words, now and then a keyword): when almost every anchor is "
            "the same keyword, it looks unnatural and Google may treat it as manipulation."
        ),
        nl=(
            "*Ankertekst* (anchor text) is de klikbare tekst van een link. Die vertelt lezers en Google waar de "
            "pagina over gaat: \"beste boekhoudsoftware voor zzp'ers\" zegt veel meer dan \"klik hier\". Linken veel "
            "sites met dezelfde beschrijvende woorden naar je, dan koppelt Google je pagina aan die zoekterm. Houd de "
            "mix gevarieerd (merknaam, URL, gewone woorden, af en toe een zoekwoord): is vrijwel elke ankertekst "
            "hetzelfde zoekwoord, dan oogt dat onnatuurlijk en kan Google het als manipulatie zien."
        ),
        related=("anchor-mix", "bot-anchors", "what-is-backlink"),
        command="`/backlinks anchors jouwsite.nl`",
        q_en=[
            "What is anchor text?",
            "what is an anchor",
            "anchor text meaning",
            "does the link text matter",
            "why is anchor text important",
            "what is the clickable text of a link",
            "what should the link text say",
            "what text should a link to my site have",
            "Why does anchor text matter for SEO?",
        ],
        q_nl=[
            "Wat is ankertekst?",
            "wat is anchor text",
            "wat is een anchor",
            "maakt de linktekst uit",
            "waarom is ankertekst belangrijk",
            "wat is de klikbare tekst van een link",
            "wat moet er in de linktekst staan",
            "welke tekst moet een link naar mijn site hebben",
            "Waarom is ankertekst belangrijk voor SEO?",
        ],
    ),
    entry(
        "anchor-mix",
        en=(
            "Aim for a *natural anchor mix*: your brand name, your bare URL, generic words (\"click here\", "
            "\"website\") and some descriptive phrases. A profile where most links use the exact same keyword (say "
            "90% \"best baker Utrecht\") looks manipulated and can hurt you. Check your mix with "
            "`/backlinks anchors`."
        ),
        nl=(
            "Streef naar een *natuurlijke mix van ankerteksten*: je merknaam, je kale URL, algemene woorden "
            "(\"klik hier\", \"website\") en een deel beschrijvende termen. Een profiel waarin de meeste links "
            "exact hetzelfde zoekwoord gebruiken (bijvoorbeeld 90% \"beste bakker Utrecht\") oogt als manipulatie "
            "en kan je schaden. Bekijk je mix met `/backlinks anchors`."
        ),
        related=("anchor-text", "bot-anchors", "link-schemes-pbn"),
        command="`/backlinks anchors jouwsite.nl`",
        q_en=[
            "What is a natural anchor text mix?",
            "how should my anchor texts be distributed",
            "too many exact match anchors",
            "is exact match anchor text bad",
            "anchor text ratio",
            "should all links use my keyword as anchor",
            "over optimized anchors",
            "what is a natural link profile",
            "how should my anchors look",
            "How much exact match anchor text is safe?",
        ],
        q_nl=[
            "Wat is een natuurlijke mix van ankerteksten?",
            "hoe verdeel ik mijn ankerteksten",
            "te veel exacte zoekwoorden als ankertekst",
            "is exact match ankertekst slecht",
            "verhouding ankerteksten",
            "moeten alle links mijn zoekwoord als ankertekst hebben",
            "overgeoptimaliseerde ankerteksten",
            "wat is een natuurlijk linkprofiel",
            "hoe horen mijn ankerteksten eruit te zien",
            "Hoeveel exact match ankertekst is veilig?",
        ],
    ),
    entry(
        "how-crawlers-find-links",
        en=(
            "Google runs *crawlers* (also called spiders or bots) that keep visiting pages, reading them and "
            "following every link they find. When a crawler meets a link to your site, it follows it and stores "
            "the connection in Google's index, with context: the linking page, the anchor text, how relevant both "
            "pages are and how trustworthy the linking site is."
        ),
        nl=(
            "Google laat *crawlers* (ook spiders of bots genoemd) voortdurend pagina's bezoeken, lezen en alle "
            "links daarop volgen. Komt een crawler een link naar jouw site tegen, dan volgt hij die en slaat hij de "
            "verbinding op in de index van Google, met context: de linkende pagina, de ankertekst, hoe relevant "
            "beide pagina's zijn en hoe betrouwbaar de linkende site is."
        ),
        related=("authority-flow", "faster-indexing", "how-fast"),
        q_en=[
            "How does a backlink work?",
            "how does google find backlinks",
            "how do crawlers discover links",
            "how does google see my links",
            "what does a crawler do with links",
            "how are links indexed by google",
            "how does google know who links to me",
            "How does Google discover backlinks?",
            "How does Google index links?",
        ],
        q_nl=[
            "Hoe werkt een backlink?",
            "hoe vindt google backlinks",
            "hoe ontdekken crawlers links",
            "hoe ziet google mijn links",
            "wat doet een crawler met links",
            "hoe worden links geindexeerd",
            "hoe weet google wie naar mij linkt",
            "Hoe indexeert Google backlinks?",
            "Hoe vindt Google links naar mijn site?",
        ],
    ),
    entry(
        "authority-flow",
        en=(
            "Authority flows through links; people call it *link equity* or *link juice*. A site that itself has "
            "many strong backlinks has more authority to pass on, so a link from a big news site with millions of "
            "backlinks is worth far more than one from a brand-new blog with none. Think of it as a recommendation: "
            "one from a respected industry leader weighs more than one from a stranger."
        ),
        nl=(
            "Links dragen autoriteit over; vaak *link equity* of *link juice* genoemd. Hoe meer sterke backlinks "
            "een site zelf heeft, hoe meer hij kan doorgeven: een vermelding met link op nos.nl, met miljoenen "
            "backlinks, levert je veel meer op dan een link vanaf een gloednieuw blogje dat er nul heeft. Vergelijk "
            "het met een aanbeveling: een woord van de bekendste naam in je vak telt meer dan dat van een onbekende."
        ),
        related=("relevance", "domain-authority", "quality-vs-quantity"),
        q_en=[
            "What is link juice?",
            "what is link equity",
            "how does authority pass through links",
            "why is a link from a big site worth more",
            "is a link from a news site better than from a small blog",
            "does the strength of the linking site matter",
            "why are links from news sites so valuable",
            "why is a link from a big site better",
            "which links are strongest",
            "How does link equity work?",
            "How does authority pass from one site to another?",
        ],
        q_nl=[
            "Wat is link juice?",
            "wat is link equity",
            "hoe stroomt autoriteit via links",
            "waarom is een link van een grote site meer waard",
            "is een link van nos.nl beter dan van een klein blog",
            "maakt de sterkte van de linkende site uit",
            "waarom zijn links van nieuwssites zo waardevol",
            "waarom is een link van een grote site beter",
            "welke links zijn het sterkst",
            "Hoe werkt link equity?",
            "Hoe gaat autoriteit van de ene site naar de andere?",
        ],
    ),
    entry(
        "relevance",
        en=(
            "*Relevance* counts as well as authority. Google looks at whether the linking site is about a related "
            "theme: a link from a marketing blog to a marketing agency means more than one from a cooking site. "
            "Relevant links have the biggest effect on rankings for related keywords."
        ),
        nl=(
            "Naast autoriteit telt *relevantie*. Google kijkt of de linkende site over een verwant thema gaat: linkt "
            "een marketingblog naar een marketingbureau, dan zegt dat meer dan dezelfde link vanaf een receptensite. "
            "Relevante links hebben het meeste effect op je rankings voor verwante zoekwoorden."
        ),
        related=("authority-flow", "quality-vs-quantity", "placement"),
        q_en=[
            "Does the relevance of a linking site matter?",
            "is a link from an unrelated site useful",
            "topical relevance of backlinks",
            "do links need to be from my niche",
            "link from a cooking site to my agency",
            "does it matter what kind of site links to me",
            "is a link from another industry useful",
            "How important is relevance for backlinks?",
        ],
        q_nl=[
            "Maakt de relevantie van de linkende site uit?",
            "heb ik iets aan een link van een site uit een andere branche",
            "thematische relevantie van backlinks",
            "moeten links uit mijn niche komen",
            "link van een kooksite naar mijn bureau",
            "maakt het uit wat voor site naar mij linkt",
            "heeft een link uit een andere branche zin",
            "Hoe belangrijk is de relevantie van een backlink?",
        ],
    ),
    entry(
        "placement",
        en=(
            "Where the link sits matters. An *editorial* link inside the running text of an article counts more "
            "than one in a footer, sidebar or author bio, because Google reads it as a deliberate recommendation "
            "rather than something repeated on every page. The bot shows each link's placement (content, footer, "
            "sidebar, ...) when it checks your links."
        ),
        nl=(
            "Waar de link staat, maakt verschil. Een *redactionele* link midden in het verhaal van een artikel "
            "telt meer dan eentje onderaan in de footer, in de zijbalk (sidebar) of bij de auteursinfo, want "
            "Google leest hem als een bewuste keuze van de schrijver en niet als iets dat op elke pagina "
            "terugkomt. De bot toont per link de plek (content, footer, sidebar, ...) als hij je links controleert."
        ),
        related=("relevance", "bot-check", "toxic-links"),
        command="`/backlinks check jouwsite.nl`",
        q_en=[
            "Does it matter where the link is on the page?",
            "footer link vs link in the article",
            "are sidebar links worth less",
            "what is an editorial link",
            "sitewide footer links value",
            "link in author bio worth it",
            "why does the bot say footer",
            "Where on the page should a link be?",
            "Is a footer link worth less than a link in the content?",
        ],
        q_nl=[
            "Maakt het uit waar de link op de pagina staat?",
            "footerlink of link in de tekst",
            "zijn sidebar links minder waard",
            "wat is een redactionele link",
            "waarde van een link in de footer",
            "link in auteursprofiel",
            "waarom zegt de bot footer bij mijn link",
            "Waar op de pagina moet een link staan?",
            "Is een link in de footer minder waard dan in de content?",
        ],
    ),
    entry(
        "link-decay",
        en=(
            "*Link decay* is the slow loss of backlinks as sites are redesigned, pages deleted and links removed. "
            "Losing 5-15% of your backlinks a year is normal, so link building is an ongoing job, not a one-off. "
            "The weekly digest shows your annualised loss rate against that 5-15% range."
        ),
        nl=(
            "*Link decay* (linkverval) is het langzaam verdwijnen van backlinks doordat sites worden vernieuwd, "
            "pagina's verdwijnen en links worden weggehaald. Jaarlijks 5-15% van je backlinks kwijtraken is "
            "normaal, dus linkbuilding is een doorlopend proces en geen eenmalige klus. De wekelijkse digest laat je "
            "verliespercentage per jaar zien naast die normale 5-15%."
        ),
        related=("losing-links", "bot-digest", "bot-lost-two-checks"),
        command="`/backlinks digest jouwsite.nl`",
        q_en=[
            "What is link decay?",
            "how many backlinks do you normally lose per year",
            "is it normal to lose backlinks",
            "why do my backlinks disappear",
            "backlinks disappearing over time",
            "what loss rate is normal",
            "links rot",
            "how long does a backlink last",
            "why do links disappear from my site",
            "is losing some links every year normal",
            "Why do backlinks disappear?",
        ],
        q_nl=[
            "Wat is link decay?",
            "hoeveel backlinks verlies je normaal per jaar",
            "is het normaal dat backlinks verdwijnen",
            "waarom verdwijnen mijn backlinks",
            "linkverval",
            "welk verliespercentage is normaal",
            "backlinks die na verloop van tijd weggaan",
            "hoe lang blijft een backlink staan",
            "waarom verdwijnen er links naar mijn site",
            "is elk jaar wat links verliezen normaal",
            "Waarom verdwijnen backlinks?",
        ],
    ),
    entry(
        "internal-vs-external",
        en=(
            "*External* backlinks come from other websites to yours; *internal* links go from one page of your "
            "own site to another. Both help SEO, but \"backlink\" normally means an external link. Internal links "
            "help Google understand your site structure and spread authority across your pages."
        ),
        nl=(
            "*Externe* backlinks wijzen vanaf andermans site naar die van jou; *interne* links verbinden pagina's "
            "binnen je eigen website met elkaar. Beide helpen voor SEO, maar met \"backlink\" bedoelt men "
            "meestal een externe link. Interne links helpen Google je sitestructuur te begrijpen en autoriteit over "
            "je pagina's te verdelen."
        ),
        related=("what-is-backlink", "authority-flow"),
        q_en=[
            "What is the difference between internal and external links?",
            "internal links vs backlinks",
            "are internal links backlinks",
            "do internal links count",
            "what is an internal link",
            "external link meaning",
            "should i link between my own pages",
            "what's the point of internal links",
            "Are internal links important for SEO?",
        ],
        q_nl=[
            "Wat is het verschil tussen interne en externe links?",
            "interne links of backlinks",
            "zijn interne links ook backlinks",
            "tellen interne links mee",
            "wat is een interne link",
            "wat is een externe link",
            "moet ik tussen mijn eigen paginas linken",
            "wat is het nut van interne links",
            "Zijn interne links ook belangrijk?",
        ],
    ),

    entry(
        "referring-domains",
        en=(
            "A *backlink* is one link; a *referring domain* is one website that links to you, whether it has one "
            "link to you or a hundred. A site that puts your link in its footer gives you many backlinks but still "
            "only one referring domain, and each extra link from a site that already links to you adds little. "
            "That is why the weekly digest charts referring domains: more different, relevant sites is real "
            "progress."
        ),
        nl=(
            "Een *backlink* is één link; een *verwijzend domein* is één website die naar je linkt, of dat nu met "
            "één link is of met honderd. Een site die jouw link in de footer zet, geeft je veel backlinks maar nog "
            "steeds één verwijzend domein, en elke extra link van een site die al naar je linkt voegt weinig toe. "
            "Daarom toont de wekelijkse digest het aantal verwijzende domeinen: meer verschillende, relevante "
            "sites is echte vooruitgang."
        ),
        related=("what-is-backlink", "placement", "bot-digest"),
        q_en=[
            "What is a referring domain?",
            "difference between a referring domain and a backlink",
            "do several links from the same site count",
            "does a link count twice if it is on every page of a site",
            "is a second link from the same website worth much",
            "why does the digest show referring domains",
        ],
        q_nl=[
            "Wat is een verwijzend domein?",
            "verschil tussen verwijzende domeinen en backlinks",
            "tellen meerdere links van dezelfde site mee",
            "telt een link dubbel als hij op elke pagina van een site staat",
            "is een tweede link van dezelfde website veel waard",
            "waarom toont de digest verwijzende domeinen",
        ],
    ),
)
