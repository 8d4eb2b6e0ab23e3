"""HTML link analysis of one referring page.

Public API (pure functions, no I/O)::

    analyse_html(html, url, *, x_robots_tag=None) -> PageAnalysis
    links_to(analysis, targets) -> list[Link]
    analyse_for_targets(html, url, targets, *, x_robots_tag=None) -> PageAnalysis  # links to targets only
    page_to_json(analysis, *, targets=None) -> dict

They are imported lazily so that importing :mod:`bot.analysis.model` stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyse_html", "analyse_for_targets", "links_to", "page_to_json"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bot.analysis import links

        return getattr(links, name)
    raise AttributeError(name)
