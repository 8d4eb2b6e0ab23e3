"""The desk against labelled questions: the shared eval sample and our own paraphrase set.

Targets from issue 7: at least 90% of on-topic questions answered correctly (in the right language and
mentioning what the answer must mention), at least 90% of off-topic questions declined.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq import answer
from bot.faq.evaluation import Report, evaluate, load

HERE = Path(__file__).parent
SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "faq_questions.jsonl"
PARAPHRASES = HERE / "paraphrases.jsonl"
BLIND = HERE / "blind.jsonl"
BLIND2 = HERE / "blind2.jsonl"


def _check(report: Report) -> None:
    detail = "\n".join(report.failures)
    assert report.accuracy >= 0.90, f"on-topic accuracy {report.accuracy:.2%}\n{detail}"
    assert report.rejection >= 0.90, f"off-topic rejection {report.rejection:.2%}\n{detail}"
    assert report.lang_accuracy >= 0.95, f"language accuracy {report.lang_accuracy:.2%}\n{detail}"


@pytest.mark.skipif(not SHARED.exists(), reason="shared eval data not present")
def test_shared_eval_sample() -> None:
    _check(evaluate(load(SHARED), answer))


def test_paraphrase_set() -> None:
    _check(evaluate(load(PARAPHRASES), answer))


def test_paraphrase_set_is_large_and_balanced() -> None:
    items = load(PARAPHRASES)
    on = [i for i in items if not i.offtopic]
    off = [i for i in items if i.offtopic]
    assert len(on) >= 100 and len(off) >= 30
    nl = sum(i.lang == "nl" for i in on)
    assert abs(nl - (len(on) - nl)) <= len(on) * 0.1
    assert all(i.must_any for i in on)


# The blind sets (see README.md): written before the desk was measured on them, then half of each (even
# lines) guided changes. The floors are what the desk honestly reaches on the whole set, not 90% by fiat.
@pytest.mark.parametrize(
    ("path", "on_floor", "off_floor"),
    [(BLIND, 0.95, 0.95), (BLIND2, 0.90, 0.95)],
    ids=["blind", "blind2"],
)
def test_blind_sets(path: Path, on_floor: float, off_floor: float) -> None:
    report = evaluate(load(path), answer)
    detail = "\n".join(report.failures)
    assert report.accuracy >= on_floor, f"on-topic accuracy {report.accuracy:.2%}\n{detail}"
    assert report.rejection >= off_floor, f"off-topic rejection {report.rejection:.2%}\n{detail}"
    assert report.lang_accuracy >= 0.95, f"language accuracy {report.lang_accuracy:.2%}\n{detail}"


@pytest.mark.parametrize(("path", "on_min", "off_min"), [(BLIND, 150, 50), (BLIND2, 100, 30)], ids=["blind", "blind2"])
def test_blind_sets_are_large_and_balanced(path: Path, on_min: int, off_min: int) -> None:
    items = load(path)
    on = [i for i in items if not i.offtopic]
    off = [i for i in items if i.offtopic]
    assert len(on) >= on_min and len(off) >= off_min
    nl = sum(i.lang == "nl" for i in on)
    assert nl * 2 == len(on)
    assert all(i.must_any for i in on)
