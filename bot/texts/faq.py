"""Texts of the question desk (answers themselves live in the knowledge base, bot/faq/kb_*.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "faq.declined": {
        "en": (
            "Sorry, I don't have a good answer to that. I can help with questions about backlinks and SEO links "
            "(what a backlink is, dofollow/nofollow, anchor text, toxic links and disavow, how to get links and "
            "how long they take) and about this bot (tracking a site, importing links, checks, the weekly "
            "digest). Try for example: _is a nofollow link worth anything?_"
        ),
        "nl": (
            "Sorry, daar heb ik geen goed antwoord op. Ik help je met vragen over backlinks en links voor SEO "
            "(wat een backlink is, dofollow/nofollow, ankertekst, toxische links en disavow, hoe je aan links "
            "komt en hoe snel ze werken) en over deze bot (een site volgen, links importeren, controles, de "
            "wekelijkse digest). Probeer bijvoorbeeld: _is een nofollow link nog iets waard?_"
        ),
    },
    "faq.empty_question": {
        "en": "Ask a question, for example: backlinks faq \"is a nofollow link worth anything?\".",
        "nl": "Stel een vraag, bijvoorbeeld: backlinks faq \"is een nofollow link nog iets waard?\".",
    },
    "faq.unknown_topic": {
        "en": "There is no question-desk topic called {topic}.",
        "nl": "Er is geen onderwerp {topic} in de vragenbalie.",
    },
    "faq.related_heading": {"en": "Related questions", "nl": "Gerelateerde vragen"},
    "faq.command_heading": {"en": "Try", "nl": "Probeer"},
    "faq.more_heading": {"en": "More", "nl": "Meer"},
    "faq.unanswered_heading": {
        "en": "Questions the desk could not answer ({count}):",
        "nl": "Vragen waar de vragenbalie geen antwoord op had ({count}):",
    },
    "faq.unanswered_none": {
        "en": "No unanswered questions recorded for this workspace.",
        "nl": "Nog geen onbeantwoorde vragen voor deze workspace.",
    },
}
