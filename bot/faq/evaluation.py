"""Scoring the desk against labelled questions (JSONL: ``q``, ``lang``, ``must_any`` or ``offtopic``).

Used by tests/faq and bench/bench_faq.py so both measure the same thing.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bot.faq.model import FaqAnswer


@dataclass(frozen=True)
class Item:
    q: str
    lang: str
    must_any: tuple[str, ...] = ()
    offtopic: bool = False


@dataclass
class Report:
    on_total: int = 0
    on_correct: int = 0
    off_total: int = 0
    off_declined: int = 0
    lang_total: int = 0
    lang_correct: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.on_correct / self.on_total if self.on_total else 1.0

    @property
    def rejection(self) -> float:
        return self.off_declined / self.off_total if self.off_total else 1.0

    @property
    def lang_accuracy(self) -> float:
        return self.lang_correct / self.lang_total if self.lang_total else 1.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return 0.0
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


def load(path: str | Path) -> list[Item]:
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        items.append(Item(raw["q"], raw["lang"], tuple(raw.get("must_any", ())), bool(raw.get("offtopic"))))
    return items


def is_correct(item: Item, reply: FaqAnswer) -> bool:
    """On-topic: answered, in the right language, and the answer matches one of the regexes."""
    return (
        reply.answered
        and reply.lang == item.lang
        and any(re.search(rx, reply.answer, re.IGNORECASE) for rx in item.must_any)
    )


def evaluate(items: list[Item], ask: Callable[[str], FaqAnswer]) -> Report:
    report = Report()
    for item in items:
        start = time.perf_counter()
        reply = ask(item.q)
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        report.lang_total += 1
        report.lang_correct += reply.lang == item.lang
        if item.offtopic:
            report.off_total += 1
            if not reply.answered:
                report.off_declined += 1
            else:
                report.failures.append(f"OFF answered {reply.topic} {reply.score:.2f}: {item.q}")
        else:
            report.on_total += 1
            if is_correct(item, reply):
                report.on_correct += 1
            else:
                why = "declined" if not reply.answered else f"{reply.topic}/{reply.lang}"
                report.failures.append(f"ON {why} {reply.score:.2f}: {item.q}")
    return report
