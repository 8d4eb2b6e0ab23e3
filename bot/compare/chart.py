"""Bar chart of a comparison (PNG bytes) for Slack: live referring domains and live links per site.

matplotlib is imported lazily with the non-interactive Agg backend, so importing this module is cheap
and nothing needs a display.
"""

from __future__ import annotations

import io
from typing import Sequence


def comparison_chart(
    sites: Sequence[str],
    referring_domains: Sequence[int],
    live_links: Sequence[int],
    dofollow_share: Sequence[float] | None = None,
    *,
    title: str = "",
    labels: tuple[str, str, str] = ("Referring domains", "Live links", "Dofollow share"),
) -> bytes:
    """A PNG with grouped bars (referring domains, live links) and, when given, the dofollow share."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    panels = 3 if dofollow_share is not None else 2
    fig = Figure(figsize=(3.2 * panels + 1, 3.6), dpi=100)
    axes = fig.subplots(1, panels)
    names = [s if len(s) <= 18 else s[:17] + "…" for s in sites]
    colours = ["#2e7d32"] + ["#607d8b"] * (len(sites) - 1)  # the own site first, in green
    series = [(labels[0], list(referring_domains)), (labels[1], list(live_links))]
    if dofollow_share is not None:
        series.append((labels[2], [round(100 * v, 1) for v in dofollow_share]))
    for ax, (label, values) in zip(axes, series):
        bars = ax.bar(range(len(names)), values, color=colours[: len(values)])
        ax.set_title(label, fontsize=10)
        ax.set_xticks(range(len(names)))
        ax.set_xticklabels(names, rotation=30, ha="right", fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        for bar, value in zip(bars, values):
            text = f"{value:g}%" if label == labels[2] else f"{value:,}"
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom", fontsize=7)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def chart_for(comparison) -> bytes:  # type: ignore[no-untyped-def]
    """The chart of a :class:`bot.compare.compare.Comparison`."""
    sites = comparison.sites
    return comparison_chart(
        [s.site for s in sites],
        [s.referring_domains for s in sites],
        [s.live_links for s in sites],
        [s.dofollow_share for s in sites],
        title=f"{comparison.site} vs {', '.join(comparison.competitors)}",
    )
