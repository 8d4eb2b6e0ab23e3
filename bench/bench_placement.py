"""Placement benchmark: F1 of ``content`` against the editorial labels of 300 real pages, for our
analyser, a naive rule and trafilatura, plus analysis speed (pages/s) measured in the same run.

    .venv/bin/python bench/bench_placement.py            # everything
    .venv/bin/python bench/bench_placement.py --skip-trafilatura --split odd
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from placement_scoring import DEFAULT_EVAL_DIR, EvalPage, Predicted, Report, load_pages, score_page  # noqa: E402

from bot.analysis import analyse_html  # noqa: E402

Method = Callable[[EvalPage], list[Predicted]]


def ours(page: EvalPage) -> list[Predicted]:
    analysis = analyse_html(page.html, page.url)
    return [Predicted(l.href, l.anchor, l.placement == "content") for l in analysis.links]


_MENU_LIKE = re.compile(r"menu|nav|footer|header|sidebar|widget|breadcrumb|share|social|related", re.I)


def naive(page: EvalPage) -> list[Predicted]:
    """Inside <article>/<main>, outside nav/header/footer/aside and menu-like classes."""
    from bot.analysis.links import _base_url, collapse, resolve  # the same link rules as ours
    from bot.analysis.dom import Document

    doc = Document(page.html)
    base = _base_url(doc, page.url)
    out = []
    for a in doc.tree.css("a[href]"):
        href = resolve(a.attributes.get("href"), base)
        if href is None or doc.info(a).excluded:
            continue
        inside_main = False
        boiler = False
        node = a.parent
        while node is not None:
            tag = node.tag
            if tag in ("article", "main") or node.attributes.get("role") == "main":
                inside_main = True
            if tag in ("nav", "header", "footer", "aside"):
                boiler = True
            elif tag not in ("html", "body"):
                attrs = node.attributes
                words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
                if _MENU_LIKE.search(words):
                    boiler = True
            node = node.parent
        out.append(Predicted(href, collapse(a.text()), inside_main and not boiler))
    return out


def trafilatura_links(page: EvalPage) -> list[Predicted]:
    """Links that trafilatura keeps in its main-content extraction count as content."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(page.html, url=page.url, output_format="xml", include_links=True,
                              include_comments=False, include_tables=True, with_metadata=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    out = []
    from urllib.parse import urljoin
    for ref in root.iter("ref"):
        target = ref.get("target") or ""
        out.append(Predicted(urljoin(page.url, target), "".join(ref.itertext()), True))
    return out


def run(method: Method, pages: list[EvalPage]) -> tuple[list[list[Predicted]], float]:
    """Predictions of ``method`` for every page, and its speed in pages per CPU second."""
    predictions = []
    start = time.process_time()  # CPU time of this process: fairer than wall time on a shared machine
    for page in pages:
        predictions.append(method(page))
    elapsed = time.process_time() - start
    return predictions, len(pages) / elapsed if elapsed else float("inf")


def score(pages: list[EvalPage], predictions: list[list[Predicted]], *, anchor_first: bool = True,
          parity: int | None = None) -> Report:
    report = Report()
    for page, predicted in zip(pages, predictions):
        if parity is not None and page_number(page) % 2 != parity:
            continue
        report.add(page.page_type, score_page(page.labels, predicted, anchor_first=anchor_first))
    return report


def page_number(page: EvalPage) -> int:
    return int(page.id.rsplit("-", 1)[-1])


def show(name: str, report: Report, speed: float) -> None:
    o = report.overall
    print(f"\n{name}: P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  acc {o.accuracy:.3f}  "
          f"coverage {o.coverage:.3f}  {speed:.1f} pages/s")
    for page_type in sorted(report.by_type):
        s = report.by_type[page_type]
        print(f"  {page_type:<14} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  acc {s.accuracy:.3f}  "
              f"(editorial {s.tp + s.fn}, boilerplate {s.fp + s.tn})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all",
                        help="only pages with an even or odd number in their id")
    parser.add_argument("--skip-trafilatura", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="first N pages only")
    args = parser.parse_args(argv)

    pages = load_pages(args.eval_dir)
    if args.split != "all":
        parity = 0 if args.split == "even" else 1
        pages = [p for p in pages if page_number(p) % 2 == parity]
    if args.limit:
        pages = pages[: args.limit]
    print(f"{len(pages)} pages from {args.eval_dir} (split: {args.split}); speed = pages per CPU second")
    methods: dict[str, Method] = {"ours": ours, "naive": naive}
    if not args.skip_trafilatura:
        methods["trafilatura"] = trafilatura_links
    for method in methods.values():
        method(pages[0])  # import everything a method needs outside the timing
    # The loaded pages, labels and imported modules are long-lived: move them out of the garbage
    # collector's view so that collections during the timed runs do not rescan them (the same for
    # every method).
    gc.collect()
    gc.freeze()

    results = {name: run(method, pages) for name, method in methods.items()}
    reports = {name: score(pages, preds) for name, (preds, _) in results.items()}
    for name, (_, speed) in results.items():
        show(name, reports[name], speed)

    print("\nalignment check: URL + occurrence first (no anchor-aware first stage)")
    for name, (preds, _) in results.items():
        o = score(pages, preds, anchor_first=False).overall
        print(f"  {name:<12} P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}")
    if args.split == "all":
        print("\ngeneralisation check: pages with even / odd ids (rules were tuned looking at both)")
        for name, (preds, _) in results.items():
            even, odd = (score(pages, preds, parity=k).overall for k in (0, 1))
            print(f"  {name:<12} even F1 {even.f1:.3f} (P {even.precision:.3f} R {even.recall:.3f})   "
                  f"odd F1 {odd.f1:.3f} (P {odd.precision:.3f} R {odd.recall:.3f})")

    print("\nsummary (same run)")
    our_f1, our_speed = reports["ours"].overall.f1, results["ours"][1]
    for name, (_, speed) in results.items():
        if name == "ours":
            continue
        f1 = reports[name].overall.f1
        print(f"  ours vs {name}: F1 {our_f1:.3f} vs {f1:.3f} (diff {our_f1 - f1:+.3f}); "
              f"speed {our_speed:.0f} vs {speed:.0f} pages/s, ratio {our_speed / speed:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
