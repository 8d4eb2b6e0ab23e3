"""Records of the question desk: knowledge entries and the answer handed to a surface."""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("nl", "en")


@dataclass(frozen=True)
class Entry:
    """One topic of the knowledge base, in Dutch and English.

    ``answer`` is the short reply (2-5 sentences, Slack mrkdwn); ``more`` an optional longer part;
    ``variants`` the curated ways people ask about it (retrieval matches against these, and the first
    variant of a language doubles as the topic's title for "related questions" buttons).
    """

    id: str
    answer: dict[str, str]
    variants: dict[str, tuple[str, ...]]
    more: dict[str, str] = field(default_factory=dict)
    related: tuple[str, ...] = ()
    command: str | None = None

    def title(self, lang: str) -> str:
        return self.variants[lang][0]


@dataclass(frozen=True)
class FaqAnswer:
    """What the desk replies. ``answered`` is False for questions outside its knowledge.

    ``score`` (0..1) is the similarity of the best topic times the share of the question it accounts for
    (1.0 for a topic asked by id). ``related`` holds ``(topic_id, question title in lang)`` pairs for "Related questions" buttons;
    ``command_hint`` a bot command that helps (Slack mrkdwn, e.g. "`/backlinks anchors`").
    """

    answered: bool
    answer: str
    lang: str
    topic: str | None
    score: float
    related: tuple[tuple[str, str], ...] = ()
    command_hint: str | None = None
    more: str | None = None

    def to_json(self) -> dict[str, object]:
        """The CLI/DESIGN.md JSON shape: exactly these five keys."""
        return {
            "answered": self.answered,
            "answer": self.answer,
            "lang": self.lang,
            "topic": self.topic,
            "score": round(float(self.score), 4),
        }


def entry(
    id: str,
    *,
    en: str,
    nl: str,
    q_en: list[str] | tuple[str, ...],
    q_nl: list[str] | tuple[str, ...],
    more_en: str = "",
    more_nl: str = "",
    related: tuple[str, ...] | list[str] = (),
    command: str | None = None,
) -> Entry:
    """Compact constructor used by the knowledge modules."""
    more = {k: v for k, v in (("en", more_en), ("nl", more_nl)) if v}
    return Entry(
        id=id,
        answer={"en": en.strip(), "nl": nl.strip()},
        variants={"en": tuple(q_en), "nl": tuple(q_nl)},
        more=more,
        related=tuple(related),
        command=command,
    )
