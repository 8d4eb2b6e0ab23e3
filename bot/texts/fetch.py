"""Sentences for fetch outcomes: ``t(f"fetch.error.{result.error.value}", lang)``."""

TEXTS: dict[str, dict[str, str]] = {
    "fetch.error.page-not-found": {
        "en": "The page no longer exists (the site says 404 or 410).",
        "nl": "De pagina bestaat niet meer (de site meldt 404 of 410).",
    },
    "fetch.error.server-error": {
        "en": "The site's server had an error, also when we tried again.",
        "nl": "De server van de site gaf een fout, ook toen we het opnieuw probeerden.",
    },
    "fetch.error.unreachable": {
        "en": "The site could not be reached (name unknown, no connection, too slow or too many redirects).",
        "nl": "De site was niet bereikbaar (naam onbekend, geen verbinding, te traag of te veel doorverwijzingen).",
    },
    "fetch.error.blocked": {
        "en": "The site did not let our bot in (access refused, a bot check, or robots.txt). This does not mean the link is gone.",
        "nl": "De site liet onze bot niet binnen (toegang geweigerd, een botcontrole of robots.txt). Dat betekent niet dat de link weg is.",
    },
    "fetch.error.blocked-address": {
        "en": "This address points to a private or local network, which the bot never visits.",
        "nl": "Dit adres wijst naar een privé- of lokaal netwerk; daar gaat de bot nooit heen.",
    },
    "fetch.error.not-html": {
        "en": "This address is not a web page (HTML) but another kind of file.",
        "nl": "Dit adres is geen webpagina (HTML) maar een ander soort bestand.",
    },
    "fetch.error.too-large": {
        "en": "The page is too large to check.",
        "nl": "De pagina is te groot om te controleren.",
    },
    "fetch.error.invalid-url": {
        "en": "This is not a valid web address; it should start with http:// or https://.",
        "nl": "Dit is geen geldig webadres; het moet beginnen met http:// of https://.",
    },
    "fetch.robots.disallowed": {
        "en": "The site's robots.txt asks bots not to visit this page, so we did not.",
        "nl": "De robots.txt van de site vraagt bots deze pagina niet te bezoeken, dus dat deden we niet.",
    },
}
