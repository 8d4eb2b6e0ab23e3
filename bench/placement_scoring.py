"""Shared helpers for the placement eval set (``../shared/eval/placement``): loading pages and
labels, aligning predicted links with labelled links, and precision/recall/F1 of ``content``.

Alignment (as the eval README says): a labelled link is matched to a predicted link with the same
normalised absolute URL and anchor text, then the same URL, then the same anchor text, each time
taking the first unused prediction in document order. Labels left unmatched count as "not content"
(they lower coverage and, when editorial, recall). ``unknown`` labels are not scored.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

DEFAULT_EVAL_DIR = Path(os.environ.get("PLACEMENT_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval" / "placement"))
if not DEFAULT_EVAL_DIR.exists():
    DEFAULT_EVAL_DIR = Path("/work/shared/eval/placement")

_WS = re.compile(r"\s+")


@dataclass
class EvalPage:
    id: str
    url: str
    page_type: str
    html: str
    labels: list[dict]


@dataclass(frozen=True)
class Predicted:
    """One link as a method sees it."""

    href: str
    anchor: str
    content: bool


def load_pages(eval_dir: Path = DEFAULT_EVAL_DIR, ids: Iterable[str] | None = None) -> list[EvalPage]:
    wanted = set(ids) if ids is not None else None
    labels = {}
    with open(eval_dir / "labels.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            labels[row["id"]] = row["links"]
    pages = []
    with open(eval_dir / "manifest.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if wanted is not None and row["id"] not in wanted:
                continue
            raw = gzip.decompress((eval_dir / row["html_path"]).read_bytes())
            html = raw.decode("utf-8", errors="replace")
            pages.append(EvalPage(row["id"], row["url"], row["page_type"], html, labels.get(row["id"], [])))
    return pages


def norm_url(url: str) -> str:
    """Comparable form of an absolute URL: lower-case scheme and host, no fragment, no default port,
    no trailing slash."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url.strip()
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def norm_anchor(text: str) -> str:
    return _WS.sub(" ", text or "").strip().lower()


def align(labels: Sequence[dict], predicted: Sequence[Predicted], *, anchor_first: bool = True,
          ) -> list[Predicted | None]:
    """For each label, the prediction aligned with it, or None. With ``anchor_first=False`` the first
    stage (same URL and anchor) is skipped: plain URL + occurrence, then anchor text."""
    keys = [(norm_url(p.href), norm_anchor(p.anchor)) for p in predicted]
    by_pair: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    by_url: dict[str, deque[int]] = defaultdict(deque)
    by_anchor: dict[str, deque[int]] = defaultdict(deque)
    for i, (u, a) in enumerate(keys):
        by_pair[(u, a)].append(i)
        by_url[u].append(i)
        if a:
            by_anchor[a].append(i)
    used = [False] * len(predicted)
    result: list[Predicted | None] = [None] * len(labels)

    def take(queue: deque[int] | None) -> int | None:
        while queue:
            i = queue.popleft()
            if not used[i]:
                used[i] = True
                return i
        return None

    label_keys = [(norm_url(l.get("abs") or ""), norm_anchor(l.get("anchor") or "")) for l in labels]
    for stage in range(0 if anchor_first else 1, 3):
        for j, (u, a) in enumerate(label_keys):
            if result[j] is not None:
                continue
            if stage == 0:
                i = take(by_pair.get((u, a)))
            elif stage == 1:
                i = take(by_url.get(u))
            else:
                i = take(by_anchor.get(a)) if a else None
            if i is not None:
                result[j] = predicted[i]
    return result


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    labels: int = 0  # scored labels (editorial + boilerplate)
    covered: int = 0  # scored labels aligned with a prediction

    def add(self, other: "Score") -> None:
        for name in ("tp", "fp", "fn", "tn", "labels", "covered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.labels if self.labels else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.labels if self.labels else 0.0


def score_page(labels: Sequence[dict], predicted: Sequence[Predicted], *, anchor_first: bool = True) -> Score:
    """Confusion counts of ``content`` against ``editorial`` for one page."""
    score = Score()
    for label, pred in zip(labels, align(labels, predicted, anchor_first=anchor_first)):
        kind = label.get("label")
        if kind not in ("editorial", "boilerplate"):
            continue
        score.labels += 1
        if pred is not None:
            score.covered += 1
        content = pred is not None and pred.content
        if kind == "editorial":
            if content:
                score.tp += 1
            else:
                score.fn += 1
        elif content:
            score.fp += 1
        else:
            score.tn += 1
    return score


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))

    def add(self, page_type: str, score: Score) -> None:
        self.overall.add(score)
        self.by_type[page_type].add(score)
