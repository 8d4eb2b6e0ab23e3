"""The knowledge base: every entry of every knowledge module, checked once and looked up by id."""

from __future__ import annotations

from functools import lru_cache

from bot.faq.model import LANGS, Entry


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """All entries by id, validated (both languages, known related ids, unique ids)."""
    from bot.faq import kb_basics, kb_bot, kb_examples, kb_strategy, kb_value

    found: dict[str, Entry] = {}
    for module in (kb_basics, kb_value, kb_strategy, kb_examples, kb_bot):
        for item in module.ENTRIES:
            if item.id in found:
                raise RuntimeError(f"knowledge entry {item.id!r} defined twice")
            for lang in LANGS:
                if not item.answer.get(lang) or not item.variants.get(lang):
                    raise RuntimeError(f"knowledge entry {item.id!r} lacks {lang} text")
            found[item.id] = item
    for item in found.values():
        unknown = [rid for rid in item.related if rid not in found]
        if unknown:
            raise RuntimeError(f"knowledge entry {item.id!r} relates to unknown {unknown}")
    return found
