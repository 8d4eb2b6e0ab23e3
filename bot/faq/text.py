"""Text normalisation for the question desk: folding, tokens, phrases, stop words, stemming.

Pure functions; the stemmers come from ``snowballstemmer`` (Dutch and English).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

import snowballstemmer

_TOKEN = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=[a-z])['\u2019\u2018`](?=[a-z])")

# Function words. Used to drop noise before matching and, weighted, to tell the languages apart.
STOP_NL = frozenset(
    """
    de het een en of maar dat die dit deze is zijn ben bent was waren wordt worden werd word ik je jij u
    we wij ze zij hij mijn mij me jouw jullie ons onze uw hun haar er hier daar wat hoe wie welk welke
    wanneer waarom waar van voor met op in aan bij tot uit over naar door om als dan ook nog al wel niet
    geen te toch even eens heel erg zo zoals echt kan kun kunnen moet moeten mag mogen wil willen zal
    zou zouden heb hebt heeft hebben had doe doet doen iets s n t nou hoor hè he eigenlijk gewoon dus
    want omdat zit ga gaat gaan mn m'n jou z'n zn graag ofzo enzo etc alle allemaal veel aub svp ff effe
    btw komt tips tip advies weet weten idee ideeen zegt staat gebeurt nu per toe zie zien kijk kijken
    andere ander anderen mensen via mee af elke iedere ieder niks niets iemand zorg zorgen zorgt ervoor
    procent niemand sta staan stond stonden ja nee
    """.split()
)
STOP_EN = frozenset(
    """
    the a an and or but that this these those is are was were be been being do does did i you we they he
    she it my me your our their his her its there here what how who which when why where of for with on
    in at by to from about into as than then also still not no yes can could should would will shall may
    might must have has had just so very really any some all much many if it's im i'm pls please thanks
    thx hey hi hello ok okay anyone someone one way actually basically exactly plz whats hows wheres
    whos advice idea ideas know knows says say happens happen now per see look want wants wanted
    put guy other others every something anything nothing somebody dont doesnt isnt cant wont arent
    didnt ive ill id thats theres u ur btw percent lot lots nobody anybody people via them those us him
    mine yours ours myself yourself itself theirs guys actually filler bunch couple few marked labeled
    labelled shown showing shows appear appears seem seems sorry hoi hallo trouwens amper steeds doing done
    """.split()
)
# Everyday words that are never typos of an SEO term, though the knowledge base may not use them
# ("vroeg" is not "voeg", "boat" not "beat"): typo repair leaves them alone.
COMMON = frozenset(
    """
    vroeg vraag vroegen zorgen zorg ervoor zonder geld tijd dag dagen week jaar jaren maand klant klanten
    winkel webwinkel zaak product producten dienst diensten prijs prijzen kosten goed beter best slecht
    groot klein nieuw oud lang kort veel weinig graag snel langzaam vandaag morgen gisteren eerst laatst
    altijd nooit soms vaak echt gewoon zeker misschien probleem vraagje antwoord hulp idee plan doel
    boat boot book boek food eten fast slow good great bad new old big small long short time today
    tomorrow yesterday money price cost customer customers shop store service services product products
    question answer help idea plan goal always never sometimes often really sure maybe problem people
    friend friends family work job home house car bike dog cat food water coffee beer wine music game
    """.split()
)
# Scene-setting words: the asker's trade, town and people ("we hebben een bakkerij in utrecht", "my
# cousin says"). They say nothing about which topic is asked, so a question is not judged on them: they
# neither count against how much of it an entry explains nor get "corrected" into SEO terms.
CONTEXT = frozenset(
    """
    bakker bakkers bakkerij kapper kappers kapsalon loodgieter loodgieters installateur installatiebedrijf
    elektricien schilder schildersbedrijf aannemer aannemers timmerman dakdekker tuinman advocaat
    advocaten advocatenkantoor accountant accountants boekhouder tandarts tandartspraktijk huisarts
    fysiotherapeut fysio fysiopraktijk dierenarts apotheek opticien slager slagerij bloemist bloemenwinkel
    fietsenwinkel fietsenmaker autobedrijf autogarage restaurant restaurants cafe eetcafe lunchroom hotel
    camping kinderopvang schoonheidssalon nagelstudio yogastudio sportschool fotograaf therapeut
    psycholoog webdesigner marketingbureau reclamebureau drukkerij juwelier kledingwinkel boekhandel
    verhuizer verhuisbedrijf schoonmaakbedrijf glazenwasser stukadoor tegelzetter klusbedrijf klusjesman
    rijschool praktijk salon studio bureau bakery baker bakers hairdresser barber barbershop plumber plumbers
    plumbing electrician painter contractor builder roofer landscaper lawyer lawyers attorney bookkeeper
    dentist physio physiotherapist vet pharmacy optician butcher florist mechanic cafe hotel campsite
    daycare photographer therapist jeweller jeweler bookstore bookshop movers cleaner cleaners carpenter
    handyman bnb airbnb guesthouse gym bistro brewery brouwerij wijnhandel winery kaaswinkel kaas cheese yoga pilates
    amsterdam rotterdam utrecht haag eindhoven tilburg groningen almere breda nijmegen apeldoorn haarlem
    arnhem enschede zaanstad zwolle leiden maastricht dordrecht zoetermeer delft alkmaar leeuwarden bosch
    deventer hilversum venlo helmond heerlen gouda amstelveen ede emmen oss roosendaal hoorn purmerend
    schiedam lelystad vlaardingen assen middelburg antwerpen gent brussel london berlin paris
    neef nicht buurman buurvrouw zwager schoonzus broer zus oom tante collega compagnon cousin neighbour
    neighbor brother sister uncle aunt colleague partner boss baas klant klanten customer client clients
    zei zeiden vertelde vertelt beweert said told tells claims reckons
    """.split()
)
# Question words that carry meaning for retrieval and are kept even though they are function words.
KEEP = frozenset(
    {"wie", "who", "hoeveel", "many", "much", "waarom", "why", "waar", "where", "wanneer", "when", "long", "lang"}
)

# Multi-word terms joined into one token before matching (on folded tokens).
PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "follow"), "nofollow"),
    (("do", "follow"), "dofollow"),
    (("rel", "nofollow"), "nofollow"),
    (("link", "juice"), "linkjuice"),
    (("link", "equity"), "linkjuice"),
    (("domain", "authority"), "domainauthority"),
    (("domain", "rating"), "domainauthority"),
    (("domein", "autoriteit"), "domainauthority"),
    (("user", "generated"), "ugc"),
    (("search", "console"), "searchconsole"),
    (("private", "blog", "network"), "pbn"),
    (("private", "blog", "networks"), "pbn"),
    (("blog", "network"), "pbn"),
    (("blog", "netwerk"), "pbn"),
    (("link", "farm"), "linkfarm"),
    (("link", "farms"), "linkfarm"),
    (("anchor", "text"), "anchortext"),
    (("anchor", "texts"), "anchortext"),
    (("link", "text"), "anchortext"),
    (("link", "tekst"), "anchortext"),
    (("social", "media"), "socialmedia"),
    (("sociale", "media"), "socialmedia"),
    (("link", "building"), "linkbuilding"),
    (("link", "decay"), "linkdecay"),
    (("link", "rot"), "linkdecay"),
    (("link", "exchange"), "linkexchange"),
    (("link", "swap"), "linkexchange"),
    (("link", "ruil"), "linkexchange"),
    (("links", "ruilen"), "linkexchange"),
    (("link", "scheme"), "linkscheme"),
    (("link", "schemes"), "linkscheme"),
    (("manual", "action"), "penalty"),
    (("handmatige", "actie"), "penalty"),
    (("klik", "hier"), "clickhere"),
    (("click", "here"), "clickhere"),
    (("google", "ads"), "adwords"),
    (("small", "business"), "mkb"),
    (("small", "businesses"), "mkb"),
    (("exact", "match"), "exactmatch"),
    (("guest", "post"), "guestpost"),
    (("guest", "blog"), "guestpost"),
    (("guest", "blogging"), "guestpost"),
    (("guest", "posts"), "guestpost"),
    (("guest", "article"), "guestpost"),
    (("guest", "articles"), "guestpost"),
    (("robots", "txt"), "robotstxt"),
    (("time", "zone"), "timezone"),
    (("black", "hat"), "blackhat"),
    (("link", "between"), "correlation"),
    (("verwijzend", "domein"), "referringdomain"),
    (("verwijzende", "domeinen"), "referringdomain"),
    (("verwijzende", "domein"), "referringdomain"),
    (("referring", "domain"), "referringdomain"),
    (("referring", "domains"), "referringdomain"),
    (("same", "site"), "samesite"),
    (("same", "website"), "samesite"),
    (("same", "domain"), "samesite"),
    (("zelfde", "site"), "samesite"),
    (("dezelfde", "site"), "samesite"),
    (("dezelfde", "website"), "samesite"),
    (("hetzelfde", "domein"), "samesite"),
    (("elke", "pagina"), "sitewide"),
    (("every", "page"), "sitewide"),
    (("alle", "paginas"), "sitewide"),
    (("all", "pages"), "sitewide"),
    (("verwijzend", "verkeer"), "referral"),
    (("live", "in"), "wonen"),
    (("google", "maps"), "googlemaps"),
    (("link", "in", "bio"), "linkinbio"),
    (("cant", "find"), "missing"),
    (("page", "not", "found"), "pagenotfound"),
    (("link", "removed"), "linkremoved"),
    (("canonical", "elsewhere"), "canonicalelsewhere"),
    (("server", "error"), "servererror"),
    (("nog", "belangrijk"), "outdated"),
    (("still", "important"), "outdated"),
    (("still", "matter"), "outdated"),
    (("still", "work"), "outdated"),
    (("chamber", "of", "commerce"), "chamberofcommerce"),
    (("kamer", "van", "koophandel"), "kamervankoophandel"),
    (("in", "de", "tekst"), "intext"),
    (("in", "tekst"), "intext"),
    (("in", "the", "text"), "intext"),
    (("in", "text"), "intext"),
    (("in", "de", "content"), "intext"),
    (("in", "the", "content"), "intext"),
    (("in", "content"), "intext"),
    (("in", "het", "artikel"), "intext"),
    (("in", "the", "article"), "intext"),
    (("in", "an", "article"), "intext"),
    (("in", "een", "artikel"), "intext"),
    (("in", "de", "lopende", "tekst"), "intext"),
    (("in", "the", "body"), "intext"),
    (("no", "backlinks"), "nobacklinks"),
    (("zero", "backlinks"), "nobacklinks"),
    (("geen", "backlinks"), "nobacklinks"),
    (("nul", "backlinks"), "nobacklinks"),
    (("0", "backlinks"), "nobacklinks"),
    (("can", "not", "find"), "missing"),
    (("not", "found"), "missing"),
    (("niet", "gevonden"), "missing"),
    (("niet", "vinden"), "missing"),
    (("weekly", "update"), "digest"),
    (("weekly", "updates"), "digest"),
    (("wekelijkse", "update"), "digest"),
    (("weekly", "report"), "digest"),
    (("wekelijks", "rapport"), "digest"),
    (("wekelijkse", "rapport"), "digest"),
    (("van", "deze", "tijd"), "outdated"),
    (("still", "relevant"), "outdated"),
    (("nog", "relevant"), "outdated"),
    (("eerste", "pagina"), "pageone"),
    (("first", "page"), "pageone"),
    (("page", "one"), "pageone"),
    (("page", "1"), "pageone"),
    (("pagina", "1"), "pageone"),
    (("links", "between"), "correlation"),
    (("heb", "ik", "aan"), "waard"),
    (("heb", "je", "aan"), "waard"),
    (("hebben", "we", "aan"), "waard"),
    (("hebben", "wij", "aan"), "waard"),
    (("heb", "ik", "er", "aan"), "waard"),
    (("heb", "ik", "daar", "aan"), "waard"),
    (("search", "engine"), "searchengine"),
    (("search", "engines"), "searchengine"),
    (("number", "1"), "numberone"),
    (("number", "one"), "numberone"),
    (("nummer", "1"), "numberone"),
    (("nummer", "een"), "numberone"),
    (("nr", "1"), "numberone"),
    (("positie", "1"), "numberone"),
    (("position", "1"), "numberone"),
    (("plek", "1"), "numberone"),
    (("first", "place"), "numberone"),
    (("eerste", "plek"), "numberone"),
    # Intent: duration ("how much time" is "how long"), "not yet", "without a link", "is it any use".
    (("hoeveel", "tijd"), "hoelang"),
    (("how", "much", "time"), "howlong"),
    (("how", "soon"), "howlong"),
    (("binnen", "hoeveel"), "hoelang"),
    (("when", "will"), "howlong"),
    (("when", "do", "i", "see"), "howlong"),
    (("when", "can", "i", "expect"), "howlong"),
    (("when", "does", "it", "start"), "howlong"),
    (("wanneer", "zie"), "hoelang"),
    (("wanneer", "merk"), "hoelang"),
    (("wanneer", "helpt"), "hoelang"),
    (("wanneer", "gaat"), "hoelang"),
    (("wanneer", "ga"), "hoelang"),
    (("wanneer", "gaan"), "hoelang"),
    (("wanneer", "werkt"), "hoelang"),
    (("nog", "niet"), "notyet"),
    (("not", "yet"), "notyet"),
    (("still", "not"), "notyet"),
    (("zonder", "link"), "unlinked"),
    (("zonder", "links"), "unlinked"),
    (("zonder", "een", "link"), "unlinked"),
    (("zonder", "backlink"), "unlinked"),
    (("zonder", "linkje"), "unlinked"),
    (("maar", "geen", "link"), "unlinked"),
    (("without", "a", "link"), "unlinked"),
    (("without", "link"), "unlinked"),
    (("without", "links"), "unlinked"),
    (("without", "linking"), "unlinked"),
    (("but", "no", "link"), "unlinked"),
    (("but", "dont", "link"), "unlinked"),
    (("but", "do", "not", "link"), "unlinked"),
    (("heb", "ik", "wat", "aan"), "waard"),
    (("heb", "je", "wat", "aan"), "waard"),
    (("hebben", "we", "wat", "aan"), "waard"),
    (("heb", "ik", "er", "wat", "aan"), "waard"),
    (("heb", "ik", "daar", "wat", "aan"), "waard"),
    (("any", "use"), "worth"),
    (("any", "good"), "worth"),
    (("worth", "it"), "worth"),
    (("the", "point", "of"), "worth"),
    # "In simple words": a request to explain, not a question about the bot's language setting.
    (("jip", "en", "janneke", "taal"), "uitleg"),
    (("jip", "en", "janneke"), "uitleg"),
    (("in", "gewone", "taal"), "uitleg"),
    (("in", "simpele", "woorden"), "uitleg"),
    (("in", "simple", "terms"), "explain"),
    (("in", "plain", "english"), "explain"),
    (("in", "simple", "words"), "explain"),
    (("like", "im", "five"), "explain"),
    (("like", "i", "am", "five"), "explain"),
    (("well", "known"), "wellknown"),
    (("what", "makes"), "whatmakes"),
    # "How do I see my ...": asking for a view, which the bot's check commands give.
    (("hoe", "zie", "ik"), "viewcheck"),
    (("waar", "zie", "ik"), "viewcheck"),
    (("hoe", "bekijk", "ik"), "viewcheck"),
    (("how", "do", "i", "see"), "viewcheck"),
    (("how", "can", "i", "see"), "viewcheck"),
    (("where", "do", "i", "see"), "viewcheck"),
    (("where", "can", "i", "see"), "viewcheck"),
    (("how", "do", "i", "view"), "viewcheck"),
    (("hoe", "vind", "ik"), "viewcheck"),
    (("waar", "vind", "ik"), "viewcheck"),
    (("how", "do", "i", "find"), "viewcheck"),
    (("how", "can", "i", "find"), "viewcheck"),
    (("where", "do", "i", "find"), "viewcheck"),
    (("where", "can", "i", "find"), "viewcheck"),
    (("wat", "maakt"), "whatmakes"),
    (("waar", "let", "ik", "op"), "whatmakes"),
    (("let", "ik", "op"), "whatmakes"),
    (("letten", "op"), "whatmakes"),
    (("look", "for", "in"), "whatmakes"),
    (("look", "out", "for"), "whatmakes"),
    (("hoe", "weet", "ik", "of"), "whatmakes"),
    (("how", "do", "i", "know", "if"), "whatmakes"),
    (("how", "can", "i", "tell", "if"), "whatmakes"),
    # Openers that say how the question is asked, not what about ("quick one", "domme vraag").
    (("quick", "one"), "filler"),
    (("asking", "for", "a", "friend"), "filler"),
    (("i", "run"), "filler"),
    (("we", "run"), "filler"),
    (("i", "own"), "filler"),
    (("we", "own"), "filler"),
    (("shut", "down"), "shutdown"),
    (("went", "offline"), "offline"),
    (("vraag", "voor", "een", "vriend"), "filler"),
    (("ja", "of", "nee"), "filler"),
    (("yes", "or", "no"), "filler"),
    (("quick", "question"), "filler"),
    (("dumb", "question"), "filler"),
    (("stupid", "question"), "filler"),
    (("silly", "question"), "filler"),
    (("domme", "vraag"), "filler"),
    (("snelle", "vraag"), "filler"),
    (("korte", "vraag"), "filler"),
    (("stomme", "vraag"), "filler"),

    # Everyday web chores that share words with links: other domains (see synonyms.OFFTOPIC).
    (("link", "ik", "mijn"), "connectaccount"),
    (("koppel", "ik", "mijn"), "connectaccount"),
    (("link", "my"), "connectaccount"),
    (("domain", "name"), "domainname"),
    (("google", "reviews"), "googlereviews"),
    (("reviews", "op", "google"), "googlereviews"),
    (("reviews", "on", "google"), "googlereviews"),
    (("business", "profile"), "googlemaps"),
    (("google", "mijn", "bedrijf"), "googlemaps"),
    (("google", "bedrijfsprofiel"), "googlemaps"),
    (("start", "ik", "een", "webshop"), "startabusiness"),
    (("start", "een", "webshop"), "startabusiness"),
    (("een", "webshop", "starten"), "startabusiness"),
    (("een", "webshop", "beginnen"), "startabusiness"),
    (("start", "a", "webshop"), "startabusiness"),
    (("start", "an", "online", "store"), "startabusiness"),
    (("start", "a", "business"), "startabusiness"),
    (("een", "bedrijf", "starten"), "startabusiness"),
    (("it", "company"), "securenet"),
    (("it", "firm"), "securenet"),
    (("it", "bedrijf"), "securenet"),
    (("ict", "bedrijf"), "securenet"),
    (("van", "dam"), "vandam"),
    (("groene", "vingers"), "groenevingers"),
    (("klein", "bedrijf"), "mkb"),
    (("klein", "bedrijfje"), "mkb"),
    (("kleine", "bedrijven"), "mkb"),
    (("kleine", "ondernemer"), "mkb"),
    (("kleine", "ondernemers"), "mkb"),
    (("kleine", "zaak"), "mkb"),
    (("klein", "winkeltje"), "mkb"),
    (("kleine", "webshop"), "mkb"),
    (("small", "company"), "mkb"),
    (("small", "companies"), "mkb"),
    (("small", "shop"), "mkb"),
    (("small", "business", "owner"), "mkb"),
    (("small", "biz"), "mkb"),
    # Definition intent when the subject was named before ("backlinks?? what are they").
    (("wat", "zijn", "dat"), "betekenis"),
    (("wat", "zijn", "die"), "betekenis"),
    (("wat", "houdt", "dat", "in"), "betekenis"),
    (("what", "are", "they"), "meaning"),
    (("what", "are", "those"), "meaning"),
    (("what", "is", "that", "exactly"), "meaning"),
)

_PHRASE_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _joined in PHRASES:
    _PHRASE_FIRST.setdefault(_words[0], []).append((_words, _joined))
for _list in _PHRASE_FIRST.values():
    _list.sort(key=lambda item: -len(item[0]))


# Every word that is part of a multi-word term ("juice" in "link juice"): typo repair may aim at these
# before phrases are joined, so "link juise" and "no folow" still become one term.
PHRASE_WORDS = frozenset(w for words, _ in PHRASES for w in words if len(w) >= 4)


def fold(text: str) -> str:
    """Lower case, accents removed (``geïndexeerd`` -> ``geindexeerd``), apostrophes inside words dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("€", " euro ")
    return _APOSTROPHES.sub("", text)


_DOMAIN = re.compile(r"\b(?:https?://)?(?:[a-z0-9-]+\.)+(?:nl|com|be|org|net|eu|de|io|co|uk|info|nu|shop|fr)\b(?:/\S*)?")


_QUOTED = re.compile(r"[\"\u201c\u201d\u2018\u2019'`]([^\"\u201c\u201d\u2018\u2019'`]{2,80})[\"\u201c\u201d\u2018\u2019'`]")


def quoted_words(text: str) -> frozenset[str]:
    """Folded words inside quotes: examples the asker cites ("my anchor is 'loodgieter breda'")."""
    folded = fold(text)
    return frozenset(w for span in _QUOTED.findall(folded) for w in _TOKEN.findall(span))


def raw_tokens(text: str) -> list[str]:
    """Folded word tokens, in order; web addresses ("nu.nl", "https://x.com/a") are left out."""
    return _TOKEN.findall(_DOMAIN.sub(" ", fold(text)))


def join_phrases(tokens: list[str]) -> list[str]:
    """Replace known multi-word terms (``no follow``, ``link juice``) by one token."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for words, joined in _PHRASE_FIRST.get(tokens[i], ()):
            if tuple(tokens[i : i + len(words)]) == words:
                out.append(joined)
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def is_stop(token: str) -> bool:
    return token not in KEEP and (token in STOP_NL or token in STOP_EN)


class ThreadLocalStemmer:
    """A Snowball stemmer that is safe to share between threads.

    ``snowballstemmer`` objects keep their working state on the instance, so two threads stemming with
    one object corrupt each other (IndexError). Each thread gets its own instance, made on first use.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._local = threading.local()

    def _stemmer(self) -> Any:
        stemmer = getattr(self._local, "stemmer", None)
        if stemmer is None:
            stemmer = self._local.stemmer = snowballstemmer.stemmer(self.language)
        return stemmer

    def stemWord(self, word: str) -> str:  # noqa: N802 - the snowballstemmer name
        return str(self._stemmer().stemWord(word))

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802 - the snowballstemmer name
        return list(self._stemmer().stemWords(words))


_NL = ThreadLocalStemmer("dutch")
_EN = ThreadLocalStemmer("english")


@lru_cache(maxsize=65536)
def stem(token: str, lang: str) -> str:
    """Snowball stem of a folded token in ``lang`` ("nl" or "en"); numbers are kept as they are."""
    if token.isdigit() or len(token) <= 3:
        return token
    return (_NL if lang == "nl" else _EN).stemWord(token)
