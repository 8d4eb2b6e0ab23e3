"""Benchmark of the question desk: accuracy, off-topic rejection, language accuracy and latency.

    .venv/bin/python bench/bench_faq.py            # both labelled sets, figures and failures
    .venv/bin/python bench/bench_faq.py --sweep    # also: accuracy/rejection over thresholds (calibration)

Sets: the shared eval sample (../shared/eval/faq_questions.jsonl), our own paraphrase set
(tests/faq/paraphrases.jsonl) and the blind set (tests/faq/blind.jsonl, written before reading the
desk's code) and blind set 2 (tests/faq/blind2.jsonl, written after the first changes, before measuring
it); both also scored per line parity: odd lines held out, even lines for tuning. Latency is per question after the index is built (cold start shown
separately). The baseline measured in the same run is a plain keyword-overlap matcher over the same
variants (no stemming, synonyms, typo tolerance or relatedness check), so the ratios show what the
retrieval adds; absolute times vary between runs on this machine.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETS = {
    "shared eval": ROOT.parent / "shared" / "eval" / "faq_questions.jsonl",
    "paraphrases": ROOT / "tests" / "faq" / "paraphrases.jsonl",
    "blind": ROOT / "tests" / "faq" / "blind.jsonl",
    "blind2": ROOT / "tests" / "faq" / "blind2.jsonl",
}
# The blind set is also scored by line parity: failures on even lines (2, 4, ...) may guide changes,
# odd lines (1, 3, ...) are the held-out half and are only measured.
PARITY_SETS = ("blind", "blind2")


def baseline_factory():  # type: ignore[no-untyped-def]
    """Keyword overlap (Jaccard on lower-case words) against the same variants, answering when > 0.3."""
    from bot.faq.knowledge import entries
    from bot.faq.model import FaqAnswer

    docs = []
    for item in entries().values():
        for lang, variants in item.variants.items():
            for v in variants:
                docs.append((item.id, lang, set(re.findall(r"\w+", v.lower()))))

    def ask(question: str) -> FaqAnswer:
        words = set(re.findall(r"\w+", question.lower()))
        best = (0.0, None, "en")
        for topic, lang, d in docs:
            score = len(words & d) / len(words | d) if words else 0.0
            if score > best[0]:
                best = (score, topic, lang)
        score, topic, lang = best
        if topic is None or score <= 0.3:
            return FaqAnswer(False, "", lang, None, score)
        return FaqAnswer(True, entries()[topic].answer[lang], lang, topic, score)

    return ask


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="print accuracy and rejection over a range of thresholds")
    parser.add_argument("--quiet", action="store_true", help="do not list the failures")
    parser.add_argument("--only", choices=sorted(SETS), help="score only this set")
    args = parser.parse_args()

    start = time.perf_counter()
    from bot.faq import answer, warm_up

    warm_up()
    cold_ms = (time.perf_counter() - start) * 1000
    from bot.faq.evaluation import evaluate, load

    print(f"cold start (import + knowledge + index): {cold_ms:.0f} ms")
    base = baseline_factory()
    for name, path in SETS.items():
        if args.only and name != args.only:
            continue
        if not path.exists():
            print(f"{name}: {path} missing, skipped")
            continue
        items = load(path)
        ours = evaluate(items, answer)
        ref = evaluate(items, base)
        on = sum(not i.offtopic for i in items)
        print(f"\n{name}: {on} on-topic, {len(items) - on} off-topic ({path})")
        print(f"  on-topic answered correctly : {ours.accuracy:6.1%}   (baseline {ref.accuracy:6.1%})")
        print(f"  off-topic declined          : {ours.rejection:6.1%}   (baseline {ref.rejection:6.1%})")
        print(f"  language correct            : {ours.lang_accuracy:6.1%}")
        p50, p95 = ours.percentile(50), ours.percentile(95)
        b50, b95 = ref.percentile(50), ref.percentile(95)
        print(f"  latency p50 / p95           : {p50:.2f} / {p95:.2f} ms   (baseline {b50:.2f} / {b95:.2f} ms,"
              f" ratio p95 {p95 / b95 if b95 else float('nan'):.1f}x)")
        if not args.quiet:
            for failure in ours.failures:
                print("   -", failure)
        if name in PARITY_SETS:
            for label, start in (("odd lines (held out)", 0), ("even lines (tuning)", 1)):
                half = evaluate(items[start::2], answer)
                print(f"  {label:21}: on-topic {half.on_correct}/{half.on_total} = {half.accuracy:6.1%},"
                      f" off-topic declined {half.off_declined}/{half.off_total} = {half.rejection:6.1%},"
                      f" language {half.lang_accuracy:6.1%}")

    if args.sweep:
        import bot.faq.desk as desk
        import bot.faq.index as index

        print("\nsweep over all sets: similarity threshold, coverage (specific/leaning/weak) -> accuracy, rejection")
        items = [i for p in SETS.values() if p.exists() for i in load(p)]
        saved = desk.THRESHOLD, index.COVER_SPECIFIC, index.COVER_LEANING, index.COVER_WEAK
        try:
            for thr in (0.30, 0.40, 0.50):
                for cover in ((0.2, 0.4, 0.6), (0.3, 0.5, 0.7), (0.4, 0.6, 0.8)):
                    desk.THRESHOLD = thr
                    index.COVER_SPECIFIC, index.COVER_LEANING, index.COVER_WEAK = cover
                    r = evaluate(items, answer)
                    print(f"  {thr:.2f} {cover} -> {r.accuracy:6.1%} {r.rejection:6.1%}")
        finally:
            desk.THRESHOLD, index.COVER_SPECIFIC, index.COVER_LEANING, index.COVER_WEAK = saved
    return 0


if __name__ == "__main__":
    sys.exit(main())
