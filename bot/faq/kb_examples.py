"""Knowledge: the four worked examples, told briefly with their numbers."""

from __future__ import annotations

from bot.faq.model import Entry, entry

ENTRIES: tuple[Entry, ...] = (
    entry(
        "examples",
        en=(
            "Four short stories of SMEs that earned links: a *notary in Amersfoort* (local association links and a "
            "guest column, from position 14 to 6), a *supplements webshop* (product samples to bloggers, 4 reviews, "
            "340 visitors in month one), an *IT security firm* (a yearly threat report, 7 media links, Domain "
            "Rating 22 to 31) and a *gardener* (a sponsored park makeover in the local paper and a municipality "
            "link). Ask about any of them for the details."
        ),
        nl=(
            "Vier korte verhalen van mkb'ers die links verdienden: een *notaris in Amersfoort* (links van lokale "
            "verenigingen en een gastcolumn, van positie 14 naar 6), een *webshop in supplementen* (samples naar "
            "bloggers, 4 reviews, 340 bezoekers in de eerste maand), een *IT-beveiliger* (een jaarlijks "
            "dreigingsrapport, 7 medialinks, Domain Rating van 22 naar 31) en een *hovenier* (gesponsorde "
            "parkrenovatie in de lokale krant en een link van de gemeente). Vraag gerust naar de details."
        ),
        related=("example-van-dam", "example-biovitaal", "example-securenet", "example-groene-vingers"),
        q_en=[
            "Can you give examples of getting backlinks?",
            "backlink examples",
            "real life link building examples",
            "case studies of small businesses getting links",
            "show me a success story",
            "Give me a link building example",
        ],
        q_nl=[
            "Heb je voorbeelden van backlinks in de praktijk?",
            "voorbeelden backlinks",
            "praktijkvoorbeelden linkbuilding",
            "cases van mkb bedrijven die links kregen",
            "laat een succesverhaal zien",
            "Kun je een praktijkvoorbeeld van linkbuilding geven?",
        ],
    ),
    entry(
        "example-van-dam",
        en=(
            "*Notary firm Van Dam (Amersfoort)* had a good site but hardly any links, while the #1 for \"notary "
            "Amersfoort\" had 47. Their business was already listed without a link by three local groups they "
            "belonged to (business association, Rotary, a local business fund); a friendly request turned those "
            "into 3 links. A guest column on starters' legal mistakes for the Chamber of Commerce site added one "
            "more. Within four months they rose from position 14 to 6: about 30 extra visitors a month, 2 of them "
            "getting in touch, at €1,200 per job roughly €2,400 extra revenue a month."
        ),
        nl=(
            "*Notariskantoor Van Dam (Amersfoort)* had een goede site maar amper links, terwijl nummer 1 op "
            "\"notaris Amersfoort\" er 47 had. Bij drie lokale clubs waar ze lid van waren (ondernemersvereniging, "
            "Rotary, een lokaal zakenfonds) stonden ze al vermeld zonder link; een vriendelijk verzoek maakte daar "
            "3 links van. Een gastcolumn over juridische fouten van starters op de KvK-site leverde er nog een op. "
            "Binnen vier maanden gingen ze van positie 14 naar 6: zo'n 30 extra bezoekers per maand, van wie er 2 "
            "contact opnamen, bij €1.200 per opdracht ongeveer €2.400 extra omzet per maand."
        ),
        related=("unlinked-mentions", "local-links", "guest-posting"),
        q_en=[
            "Tell me about the notary example",
            "how much extra revenue did the notary get",
            "how many extra visitors and clients did the notary gain",
            "notary amersfoort backlinks example",
            "van dam notary case",
            "local links via associations example",
            "example notary from position 14 to 6",
        ],
        q_nl=[
            "Vertel over het voorbeeld van de notaris",
            "hoeveel extra omzet leverde het de notaris op",
            "hoeveel extra bezoekers kreeg de notaris",
            "notaris amersfoort backlinks voorbeeld",
            "notariskantoor van dam",
            "voorbeeld lokale links via verenigingen",
            "notaris van positie 14 naar 6",
        ],
    ),
    entry(
        "example-biovitaal",
        en=(
            "*Webshop BioVitaal* (organic supplements) sent product samples with a personal letter to 5 health "
            "blogs and 3 YouTube channels, without paying. 4 of the 8 wrote a review linking to the product; "
            "together those sites reach 85,000 unique visitors a month. Referral traffic brought 340 visitors in the "
            "first month, 12 of whom ordered, and after six months their product pages had climbed 8 positions on "
            "average."
        ),
        nl=(
            "*Webshop BioVitaal* (biologische supplementen) stuurde productsamples met een persoonlijke brief naar 5 "
            "gezondheidsblogs en 3 YouTube-kanalen, zonder te betalen. De helft (4 van de 8) besprak het product en "
            "linkte ernaar; samen bereiken die sites 85.000 unieke bezoekers per maand. Via die links kwamen "
            "in de eerste maand 340 bezoekers binnen, goed voor 12 bestellingen, en na zes maanden stonden hun "
            "productpagina's gemiddeld 8 posities hoger."
        ),
        related=("outreach", "referral-traffic", "buy-links"),
        q_en=[
            "Tell me about the webshop review example",
            "how many visitors and orders did the review links bring",
            "biovitaal example",
            "product samples to bloggers for links",
            "getting backlinks through product reviews",
            "webshop supplements backlinks example",
        ],
        q_nl=[
            "Vertel over het voorbeeld van de webshop",
            "hoeveel bezoekers en bestellingen leverden de reviews op",
            "biovitaal voorbeeld",
            "productsamples naar bloggers voor links",
            "backlinks via productrecensies",
            "webshop supplementen backlinks voorbeeld",
        ],
    ),
    entry(
        "example-securenet",
        en=(
            "*SecureNet*, an IT security firm with 20 staff, published a yearly report on cyber threats for SMEs, "
            "built on anonymised client data plus CBS statistics, as a free PDF. They sent it to 30 trade "
            "journalists and industry sites; 7 picked it up and linked, including Computerworld and MSP Magazine "
            "Nederland. Those 7 links did more than the 25 directory links gathered in earlier years: their Domain "
            "Rating went from 22 to 31 in six months."
        ),
        nl=(
            "*SecureNet*, een IT-beveiliger met 20 medewerkers, bracht een jaarlijks rapport uit over "
            "cyberdreigingen voor het mkb, op basis van geanonimiseerde klantdata en CBS-cijfers, als gratis pdf. "
            "Ze stuurden het naar 30 vakjournalisten en branchesites; 7 schreven erover met een link (onder meer "
            "Computerworld en MSP Magazine Nederland). Die 7 links deden meer dan de 25 directorylinks uit eerdere "
            "jaren: hun Domain Rating steeg in zes maanden van 22 naar 31."
        ),
        related=("linkable-content", "directory-links", "domain-authority"),
        q_en=[
            "Tell me about the IT company report example",
            "how much did the report raise their domain rating",
            "securenet example",
            "thought leadership backlinks example",
            "publishing research to earn links example",
            "it security firm whose domain rating rose from 22 to 31",
        ],
        q_nl=[
            "Vertel over het voorbeeld van het IT bedrijf met het rapport",
            "hoeveel steeg hun domain rating door het rapport",
            "securenet voorbeeld",
            "thought leadership backlinks voorbeeld",
            "onderzoek publiceren om links te krijgen voorbeeld",
            "it bedrijf waarvan de domain rating steeg van 22 naar 31",
        ],
    ),
    entry(
        "example-groene-vingers",
        en=(
            "*Gardening firm Groene Vingers* sponsored the renovation of a neighbourhood park and tipped off the "
            "local paper; the Utrechts Nieuwsblad wrote about it with a link. Their own project page with "
            "before-and-after photos was then shared by the municipality on its website. Two links, one from a news "
            "site and one from a government domain, and that single municipality link was worth more than ten "
            "links from random business directories."
        ),
        nl=(
            "*Hoveniersbedrijf Groene Vingers* betaalde mee aan de opknapbeurt van een buurtpark en liet het de "
            "krant weten; het Utrechts Nieuwsblad maakte er een stuk van, met link. De gemeente deelde daarna de "
            "projectpagina van het bedrijf (foto's van voor en na) op haar eigen site. Twee links, een van een "
            "nieuwssite en een van een overheidsdomein, en die ene gemeentelink was meer waard dan tien links uit "
            "willekeurige bedrijvengidsen."
        ),
        related=("local-links", "directory-links", "authority-flow"),
        q_en=[
            "Tell me about the gardener example",
            "how did the gardener get into the local newspaper",
            "groene vingers example",
            "local media backlinks example park sponsoring",
            "link from the municipality website example",
            "are government links valuable",
        ],
        q_nl=[
            "Vertel over het voorbeeld van de hovenier",
            "hoe kwam de hovenier in de krant",
            "groene vingers voorbeeld",
            "backlinks via lokale media voorbeeld buurtpark",
            "link van de gemeente website voorbeeld",
            "zijn links van overheidssites waardevol",
        ],
    ),
)
