"""The digest chart: live links and referring domains over the last 12 weeks, as PNG bytes.

matplotlib is imported lazily (it costs ~0.3 s) and always with the non-interactive Agg backend, on
an explicit ``Figure`` (no pyplot global state), so it is safe in a worker thread.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone, tzinfo
from typing import Sequence

from bot.digest.report import SeriesPoint
from bot.i18n import t


def render_series_png(
    points: Sequence[SeriesPoint], *, site: str, lang: str = "en", dpi: int = 100, zone: tzinfo | None = None
) -> bytes:
    """A small line chart (two lines: live links, referring domains) as PNG bytes; dates in ``zone``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = [datetime.fromisoformat(p.at).astimezone(zone or timezone.utc).strftime("%d-%m") for p in points]
    live = [p.live for p in points]
    domains = [p.domains for p in points]

    figure = Figure(figsize=(7.0, 3.2), dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    xs = list(range(len(points)))
    ax.plot(xs, live, marker="o", linewidth=2, color="#2563eb", label=t("digest.chart_live", lang))
    ax.plot(xs, domains, marker="s", linewidth=2, color="#16a34a", label=t("digest.chart_domains", lang))
    ax.set_xticks(xs)
    ax.set_xticklabels(labels, fontsize=8, rotation=0)
    ax.set_title(t("digest.chart_title", lang, site=site), fontsize=11)
    ax.grid(True, alpha=0.3)
    top = max(live + domains + [1])
    ax.set_ylim(0, top * 1.15)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
