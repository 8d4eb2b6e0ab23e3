"""Knowledge: why backlinks matter (and where they stop mattering), quality over quantity."""

from __future__ import annotations

from bot.faq.model import Entry, entry

ENTRIES: tuple[Entry, ...] = (
    entry(
        "why-backlinks-matter",
        en=(
            "Backlinks directly affect how much organic traffic you get: they are one of Google's strongest "
            "signals of trust and relevance, and more quality links usually means higher rankings. They also bring "
            "referral visitors, help new pages get indexed faster, build domain authority and make you more "
            "credible to customers. A Backlinko study of 11.8 million results found the #1 result had 3.8 times "
            "more backlinks than positions 2-10."
        ),
        nl=(
            "Backlinks bepalen direct mede hoeveel organisch verkeer je krijgt: ze zijn een van de sterkste "
            "signalen van vertrouwen en relevantie voor Google, en meer kwalitatieve links betekent meestal hogere "
            "posities. Daarnaast leveren ze verwijzend verkeer op, worden nieuwe pagina's sneller geïndexeerd, "
            "groeit je domeinautoriteit en word je geloofwaardiger bij klanten. Backlinko onderzocht 11,8 miljoen "
            "zoekresultaten: het resultaat op plek 1 had er gemiddeld 3,8 keer zoveel als de plekken 2-10."
        ),
        related=("backlinko-study", "cpc-example", "not-everything"),
        q_en=[
            "Why are backlinks important?",
            "why do backlinks matter for my business",
            "what are the benefits of backlinks",
            "why should i care about backlinks",
            "what do backlinks do for my website",
            "do backlinks help me rank higher",
            "are backlinks worth the effort",
            "what do i gain from backlinks",
            "is it worth the trouble to work on backlinks",
            "do i need backlinks at all",
            "What role do backlinks play in SEO?",
            "How do backlinks affect organic traffic?",
        ],
        q_nl=[
            "Waarom zijn backlinks belangrijk?",
            "waarom doen backlinks ertoe voor mijn bedrijf",
            "wat zijn de voordelen van backlinks",
            "wat leveren backlinks op",
            "wat doen backlinks voor mijn website",
            "helpen backlinks om hoger te ranken",
            "zijn backlinks de moeite waard",
            "wat heb ik aan backlinks",
            "is het de moeite waard om aan backlinks te werken",
            "wat leveren backlinks mij op",
            "heb ik backlinks nodig",
            "Waarom zijn backlinks belangrijk voor SEO?",
            "Hoe beinvloeden backlinks mijn organisch verkeer?",
        ],
    ),
    entry(
        "backlinko-study",
        en=(
            "A Backlinko study looked at *11.8 million* Google results and found that the page in position 1 had on "
            "average *3.8 times* more backlinks than the pages in positions 2 to 10. That is a correlation, not "
            "proof of cause, but it shows a clear link between quality backlinks and higher rankings."
        ),
        nl=(
            "Backlinko analyseerde *11,8 miljoen* zoekresultaten in Google: de nummer 1 bleek gemiddeld *3,8 keer* "
            "zoveel backlinks te hebben als de resultaten op plek 2 tot en met 10. Dat is een correlatie en "
            "geen bewijs van oorzaak, maar het laat een duidelijk verband zien tussen kwalitatieve backlinks en "
            "hogere posities."
        ),
        related=("why-backlinks-matter", "how-many-links"),
        q_en=[
            "Is there research showing backlinks help rankings?",
            "backlinko study numbers",
            "how many more backlinks does the number one result have",
            "statistics about backlinks and rankings",
            "study 11.8 million search results",
            "proof that backlinks work",
            "why does the number 1 result have more links",
            "What did the Backlinko study find?",
        ],
        q_nl=[
            "Is er onderzoek dat laat zien dat backlinks helpen?",
            "backlinko onderzoek cijfers",
            "hoeveel meer backlinks heeft nummer 1 in google",
            "statistieken over backlinks en rankings",
            "studie 11,8 miljoen zoekresultaten",
            "bewijs dat backlinks werken",
            "waarom heeft nummer 1 meer links",
            "Wat vond het onderzoek van Backlinko?",
            "Hoeveel meer backlinks heeft de nummer 1 in Google?",
        ],
    ),
    entry(
        "cpc-example",
        en=(
            "Organic traffic saves ad spend. If you advertise on a keyword with a CPC of €2 and get 500 clicks a "
            "month, that costs €1,000 a month. Reach the same position organically with strong backlinks and good "
            "content, and that investment pays itself back every month."
        ),
        nl=(
            "Organisch verkeer bespaart advertentiekosten. Adverteer je via SEA op een zoekwoord met een CPC van €2 "
            "en krijg je 500 klikken per maand, dan kost dat €1.000 per maand. Haal je die positie organisch met "
            "sterke backlinks en goede content, dan verdient die investering zich elke maand terug."
        ),
        related=("why-backlinks-matter", "domain-authority"),
        q_en=[
            "Are backlinks cheaper than Google Ads?",
            "backlinks vs paid ads cost",
            "cpc example 500 clicks",
            "how much money do backlinks save",
            "seo versus sea costs",
            "return on investment of link building",
            "How much can SEO save compared to ads?",
        ],
        q_nl=[
            "Zijn backlinks goedkoper dan Google Ads?",
            "backlinks of adverteren kosten",
            "cpc voorbeeld 500 klikken",
            "hoeveel geld besparen backlinks",
            "seo versus sea kosten",
            "wat levert linkbuilding op in euro",
            "Hoeveel bespaar ik met organisch verkeer ten opzichte van Google Ads?",
        ],
    ),
    entry(
        "domain-authority",
        en=(
            "*Domain authority* (called Domain Rating in some tools) is a score for how strong your whole domain "
            "is. Sites with high authority rank more easily for new keywords. It works like a flywheel: more "
            "backlinks give more authority, which gives better rankings, more organic traffic and in turn more "
            "natural backlinks."
        ),
        nl=(
            "*Domeinautoriteit* (in sommige tools Domain Rating) is een score voor hoe sterk je hele domein is. "
            "Sites met een hoge autoriteit ranken makkelijker op nieuwe zoekwoorden. Het werkt als een vliegwiel: "
            "meer backlinks geven meer autoriteit, dat geeft betere posities, meer organisch verkeer en daardoor "
            "weer meer natuurlijke backlinks."
        ),
        related=("authority-flow", "example-securenet", "why-backlinks-matter"),
        q_en=[
            "What is domain authority?",
            "what is domain rating",
            "what does DR mean",
            "how do i increase my domain authority",
            "authority flywheel",
            "what is DA score",
            "ahrefs domain rating explained",
            "moz domain authority",
            "How does domain authority work?",
        ],
        q_nl=[
            "Wat is domeinautoriteit?",
            "wat is domain rating",
            "wat betekent DR",
            "hoe verhoog ik mijn domeinautoriteit",
            "vliegwiel van autoriteit",
            "wat is een DA score",
            "domain rating van ahrefs",
            "domain authority van moz",
            "Hoe werkt domeinautoriteit?",
        ],
    ),
    entry(
        "referral-traffic",
        en=(
            "Backlinks also bring *referral traffic*: people reading an article on an industry site who click "
            "through to you. Those visitors often convert well because they arrive from a relevant context. "
            "Even nofollow links bring this kind of traffic."
        ),
        nl=(
            "Backlinks leveren ook *verwijzend verkeer* (referral traffic) op: lezers van een artikel op een "
            "branchesite die doorklikken naar jou. Die bezoekers converteren vaak goed, omdat ze uit een relevante "
            "context komen. Ook nofollow-links brengen dit soort verkeer."
        ),
        related=("why-backlinks-matter", "nofollow-value", "example-biovitaal"),
        q_en=[
            "Do backlinks bring visitors?",
            "what is referral traffic",
            "do people actually click backlinks",
            "traffic from links",
            "do backlinks bring customers",
            "Do backlinks send visitors to my site?",
        ],
        q_nl=[
            "Leveren backlinks bezoekers op?",
            "wat is referral traffic",
            "wat is verwijzend verkeer",
            "klikken mensen echt op backlinks",
            "leveren backlinks klanten op",
            "Sturen backlinks bezoekers naar mijn site?",
        ],
    ),
    entry(
        "faster-indexing",
        en=(
            "Google partly discovers new pages through backlinks. If a respected site links to your new article, "
            "Google finds it sooner; for a young site with little authority that can mean indexing within days "
            "instead of weeks."
        ),
        nl=(
            "Nieuwe pagina's vindt Google voor een deel doordat andere sites ernaar linken. Linkt een "
            "gerespecteerde site naar je nieuwe artikel, dan vindt Google het sneller; voor een jonge site met "
            "weinig autoriteit kan dat indexatie binnen dagen in plaats van weken betekenen."
        ),
        related=("how-crawlers-find-links", "how-fast"),
        q_en=[
            "Do backlinks help my pages get indexed faster?",
            "new page not indexed how do backlinks help",
            "indexing new content with links",
            "how does google find my new blog post",
            "Do backlinks help indexing?",
        ],
        q_nl=[
            "Zorgen backlinks voor snellere indexatie?",
            "nieuwe pagina niet geindexeerd helpen backlinks",
            "indexeren van nieuwe content via links",
            "hoe vindt google mijn nieuwe blog",
            "Helpen backlinks bij indexatie?",
        ],
    ),
    entry(
        "credibility",
        en=(
            "Apart from SEO, being mentioned and linked by well-known industry publications builds trust with "
            "potential customers. It is a form of social proof that is hard to fake."
        ),
        nl=(
            "Los van SEO: als klanten zien dat bekende vakbladen en branchesites je noemen en naar je linken, "
            "groeit hun vertrouwen. Zulke social proof kun je nauwelijks faken."
        ),
        related=("why-backlinks-matter", "referral-traffic"),
        q_en=[
            "Do backlinks make my business more credible?",
            "backlinks social proof",
            "trust from being mentioned by industry media",
            "Do backlinks build trust with customers?",
            "do customers trust me more when well known sites link to me",
            "does being featured on big websites make my brand look reliable",
        ],
        q_nl=[
            "Maken backlinks mijn bedrijf geloofwaardiger?",
            "backlinks als social proof",
            "vertrouwen door vermelding in vakmedia",
            "Zijn backlinks goed voor mijn reputatie?",
            "vertrouwen klanten me meer als bekende sites naar me linken",
            "maakt een vermelding op grote websites mijn merk betrouwbaarder",
        ],
    ),
    entry(
        "not-everything",
        en=(
            "Backlinks are not everything. Content quality, technical SEO, user experience and search intent all "
            "count too, and a site with great links but weak content will slide over time. See backlinks as an "
            "amplifier of good work, not a replacement for it."
        ),
        nl=(
            "Backlinks zijn niet alles. Kwaliteit van content, technische SEO, gebruikerservaring en zoekintentie "
            "tellen net zo goed mee, en een site met prima links maar zwakke content zakt op termijn toch weg. Zie "
            "backlinks als versterker van goed werk, niet als vervanging."
        ),
        related=("why-backlinks-matter", "linkable-content"),
        q_en=[
            "Are backlinks the only thing that matters for SEO?",
            "is seo just about links",
            "are backlinks enough to rank",
            "can good backlinks compensate for bad content",
            "what else matters besides backlinks",
            "Content or backlinks, what matters more?",
        ],
        q_nl=[
            "Zijn backlinks het enige dat telt voor SEO?",
            "draait seo alleen om links",
            "zijn backlinks genoeg om te ranken",
            "kunnen goede backlinks slechte content goedmaken",
            "wat telt er naast backlinks",
            "Wat is belangrijker, content of backlinks?",
        ],
    ),
    entry(
        "still-ranking-factor",
        en=(
            "Yes, backlinks still matter. Google's algorithm has grown far more complex since PageRank in 1998, but "
            "links remain among its top-3 ranking factors, as votes of trust from other sites."
        ),
        nl=(
            "Ja, backlinks doen er nog steeds toe. Het algoritme van Google is sinds PageRank in 1998 veel "
            "ingewikkelder geworden, maar links horen nog altijd bij de top-3 rankingfactoren, als stemmen van "
            "vertrouwen van andere sites."
        ),
        related=("why-backlinks-matter", "what-is-backlink", "backlinko-study"),
        q_en=[
            "Do backlinks still matter today?",
            "are backlinks still a ranking factor",
            "is link building dead",
            "are backlinks outdated",
            "are backlinks still relevant today",
            "are links still important for google",
            "what is pagerank",
            "Are backlinks still a top ranking factor?",
        ],
        q_nl=[
            "Doen backlinks er tegenwoordig nog toe?",
            "zijn backlinks nog steeds een rankingfactor",
            "is linkbuilding dood",
            "zijn backlinks verouderd",
            "zijn backlinks nog van deze tijd",
            "zijn links nog belangrijk voor google",
            "wat is pagerank",
            "Zijn backlinks nog een belangrijke rankingfactor?",
        ],
    ),
    entry(
        "quality-vs-quantity",
        en=(
            "Quality beats quantity. Ten links from relevant, respected sites in your industry are worth more than "
            "a hundred from random sources, and one link from a reputable trade site can outweigh a hundred from "
            "random directories. Focus on quality and the numbers follow."
        ),
        nl=(
            "Kwaliteit gaat boven kwantiteit. Tien links van relevante, gerespecteerde sites in je branche zijn "
            "meer waard dan honderd van willekeurige bronnen, en een link van een gerenommeerde branchesite weegt "
            "zwaarder dan honderd links uit willekeurige directories. Focus op kwaliteit, dan volgt het aantal "
            "vanzelf."
        ),
        related=("directory-links", "authority-flow", "relevance"),
        q_en=[
            "Is quality or quantity of backlinks more important?",
            "more links or better links",
            "quality over quantity backlinks",
            "is it better to have many backlinks",
            "are 100 cheap links better than 10 good ones",
            "what makes a good backlink",
            "how do i recognise a good backlink",
            "which links are worth the most",
            "what kind of backlinks should i go for",
            "Is one good link better than many bad ones?",
        ],
        q_nl=[
            "Is kwaliteit of aantal backlinks belangrijker?",
            "meer links of betere links",
            "kwaliteit boven kwantiteit backlinks",
            "is het beter om veel backlinks te hebben",
            "zijn 100 goedkope links beter dan 10 goede",
            "wat is een goede backlink",
            "hoe herken ik een goede backlink",
            "welke links zijn het meest waard",
            "wat voor backlinks moet ik nastreven",
            "Is een goede link beter dan veel slechte?",
        ],
    ),
    entry(
        "directory-links",
        en=(
            "Links from random business directories are worth little: one strong, relevant link (a trade "
            "publication, a municipality site) typically beats ten or even a hundred directory listings. In one "
            "example, seven links from tech publications did more than 25 directory links collected over years. "
            "Directories that really matter in your sector or region are fine, just don't expect much."
        ),
        nl=(
            "Links uit willekeurige bedrijvengidsen en directories zijn weinig waard: een sterke, relevante link "
            "(een vakblad, een gemeentesite) is vaak meer waard dan tien of zelfs honderd vermeldingen in gidsen. In "
            "een voorbeeld deden zeven links van techsites meer dan 25 directorylinks die in jaren waren verzameld. "
            "Gidsen die echt tellen in je branche of regio kunnen prima, verwacht er alleen niet veel van."
        ),
        related=("quality-vs-quantity", "example-securenet", "example-groene-vingers"),
        q_en=[
            "Are directory links worth it?",
            "should i submit my site to business directories",
            "are web directories good for seo",
            "value of links from listing sites",
            "Are directory links still useful?",
        ],
        q_nl=[
            "Zijn links uit bedrijvengidsen de moeite waard?",
            "moet ik mijn site aanmelden bij bedrijvengidsen",
            "zijn directories goed voor seo",
            "waarde van links uit startpagina's en gidsen",
            "Zijn directory links nog nuttig?",
        ],
    ),
)
