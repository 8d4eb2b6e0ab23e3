"""A fast registrable-domain function for bulk work (millions of names from a rankings file).

``bot.domains.registrable_domain`` is the reference (tldextract, ~15 us a name); this one answers the
same for plain host names in ~1-2 us by looking up suffixes of the name in the rule sets of the same
bundled public suffix list (private suffixes included, as there). It does no IDN or IP handling: the
rankings files hold lower-case ASCII (punycode) names.
"""

from __future__ import annotations

from functools import lru_cache


class SuffixRules:
    """Public suffix list rules split into plain, wildcard (``*.ck``) and exception (``!www.ck``) sets."""

    def __init__(self, rules: list[str]) -> None:
        self.plain = frozenset(r for r in rules if not r.startswith(("*.", "!")))
        self.wild = frozenset(r[2:] for r in rules if r.startswith("*."))
        self.exceptions = frozenset(r[1:] for r in rules if r.startswith("!"))

    def registrable(self, host: str) -> str | None:
        """``www.example.co.uk`` -> ``example.co.uk``; None when the name is itself a public suffix or
        its top-level label is unknown (the same answers as tldextract gives)."""
        labels = host.split(".")
        n = len(labels)
        suffix_len = 0
        for k in range(1, n + 1):
            candidate = ".".join(labels[n - k:])
            if candidate in self.exceptions:
                suffix_len = k - 1
                break
            if candidate in self.plain:
                suffix_len = k
            elif k >= 2 and ".".join(labels[n - k + 1:]) in self.wild:
                suffix_len = k
        if suffix_len == 0 or suffix_len >= n:
            return None
        return ".".join(labels[n - suffix_len - 1:])


@lru_cache(maxsize=1)
def rules() -> SuffixRules:
    """Rules from tldextract's bundled snapshot (never fetched), as ``bot.domains`` configures it."""
    from bot.domains import _tld

    extractor = _tld()
    return SuffixRules(list(extractor._get_tld_extractor().tlds(True)))
