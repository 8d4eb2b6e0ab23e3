"""Check benchmark: our engine against a bare download loop and a typical requests+BeautifulSoup
checker, on a local web of 200 hosts x 10 pages of ~50 KB, all measured in the same run.

    .venv/bin/python bench/bench_check.py                 # everything (2,000 links; memory at 20,000)
    .venv/bin/python bench/bench_check.py --skip-big      # without the 20,000-link memory run

The web runs in its own process (so the clients do not share its CPU time slice); each client runs in
its own process too (fresh interpreter, its own peak RSS). Printed:

- throughput (pages/s) of (a) a bare aiohttp loop that only downloads the pages with the same
  per-host limit, (b) a requests + BeautifulSoup checker with 10 threads (on a sample of the pages),
  and ours (fetch, analyse, decide, store every observation in SQLite), plus the ratios
  ours/(a) (target >= 0.35) and ours/(b) (target >= 10);
- peak RSS of our check at 2,000 and at 20,000 links (should stay flat);
- politeness: the most requests any host served at once while we checked (<= per_host).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET = "mysite.nl"
PER_HOST = 2
GLOBAL_LIMIT = 64
WORDS = (
    "backlink fiets winkel zwolle reparatie onderhoud service klant kwaliteit snel goed prijs advies route stad "
    "nieuws artikel lezen schrijven ondernemer lokaal website zoeken vinden"
).split()


# --------------------------------------------------------------------------------------------- pages


def make_page(n: int, size: int = 50_000) -> bytes:
    """A ~50 KB blog post with navigation, ~40 paragraphs, outbound links, one link to TARGET."""
    rnd = random.Random(n)
    nav = "".join(f'<li><a href="/section-{i}.html">Section {i}</a></li>' for i in range(15))
    paras: list[str] = []
    total = i = 0
    while total < size - 3000:
        words = " ".join(rnd.choice(WORDS) for _ in range(90))
        if i == 3:
            words += f' <a href="https://www.{TARGET}/shop?ref={n}">{TARGET} winkel</a>'
        elif i % 4 == 1:
            words += f' <a href="https://other{rnd.randint(1, 500)}.example.com/p{i}">bron {i}</a>'
        para = f"<p>{words}.</p>\n"
        paras.append(para)
        total += len(para)
        i += 1
    side = "".join(f'<li><a href="/tag/{w}">{w}</a></li>' for w in WORDS[:12])
    foot = "".join(f'<a href="https://partner{k}.example.org/">Partner {k}</a> ' for k in range(8))
    html = (
        f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>Artikel {n}</title>"
        f"<meta name=viewport content='width=device-width'></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Artikel {n}</h1>{''.join(paras)}</article></main>"
        f"<aside><ul>{side}</ul></aside><footer>{foot}</footer></body></html>"
    )
    return html.encode()


REAL_DIR = Path("/work/shared/eval/placement")
REAL_MIN, REAL_MAX = 30_000, 80_000  # real pages of about 50 KB (60 of the 300 eval pages)


def real_pages() -> list[bytes]:
    """The eval set's real pages of 30-80 KB (WCXB, CC-BY-4.0), each with one link to TARGET put
    into its first paragraph (or at the start of the body), UTF-8."""
    from placement_scoring import load_pages

    bodies = []
    for page in load_pages(REAL_DIR):
        html = page.html
        if not REAL_MIN <= len(html.encode("utf-8", "replace")) <= REAL_MAX:
            continue
        link = f' <a href="https://www.{TARGET}/shop">{TARGET} winkel</a>'
        cut = html.find("</p>")
        if cut < 0:
            cut = html.lower().find("<body")
            cut = html.find(">", cut) + 1 if cut >= 0 else 0
        bodies.append((html[:cut] + link + html[cut:]).encode("utf-8", "replace"))
    return bodies


def host_ip(index: int) -> str:
    return f"127.0.{(index + 2) // 256}.{(index + 2) % 256}"


def page_urls(hosts: int, pages: int, port: int) -> list[str]:
    return [f"http://{host_ip(h)}:{port}/page-{p}.html" for h in range(hosts) for p in range(pages)]


# --------------------------------------------------------------------------------------------- server


async def serve(hosts: int, templates: int, real: bool = False) -> None:
    """The local web: one aiohttp app on ``hosts`` loopback addresses (same port), plus a control
    endpoint on 127.0.0.1 reporting the most requests any host served at once. ``real``: page n of
    host h is real page (h * templates + n) of :func:`real_pages`, else synthetic page n."""
    from aiohttp import web

    bodies = real_pages() if real else [make_page(n) for n in range(templates)]
    in_flight: dict[str, int] = {}
    stats = {"max_in_flight": 0, "requests": 0}

    open_conns: dict[str, set] = {}
    seen_conns: set[tuple] = set()  # client (ip, port) of every connection accepted

    async def page(request: web.Request) -> web.StreamResponse:
        transport = request.transport
        ip = transport.get_extra_info("sockname")[0] if transport else "?"
        if transport is not None:
            # connections of this host still open (a closed one drops out at the next request)
            conns = open_conns.setdefault(ip, set())
            conns.difference_update([c for c in conns if c.is_closing()])
            conns.add(transport)
            stats["max_connections"] = max(stats["max_connections"], len(conns))
            peer = (ip, transport.get_extra_info("peername"))
            if peer not in seen_conns:
                seen_conns.add(peer)
                stats["connections"] += 1
        now = in_flight.get(ip, 0) + 1
        in_flight[ip] = now
        stats["requests"] += 1
        if now > stats["max_in_flight"]:
            stats["max_in_flight"] = now
        try:
            name = request.match_info["name"]
            if not name.startswith("page-"):
                return web.Response(status=404, text="not found")
            n = int(name[5:].split(".")[0])
            if real:
                n += (int.from_bytes(socket.inet_aton(ip), "big") - int.from_bytes(socket.inet_aton(host_ip(0)), "big")) * templates
            await asyncio.sleep(0)  # let concurrent requests overlap like a real server
            return web.Response(body=bodies[n % len(bodies)], content_type="text/html", charset="utf-8")
        finally:
            in_flight[ip] -= 1

    stats["max_connections"] = 0
    stats["connections"] = 0

    async def control(request: web.Request) -> web.Response:
        if request.method == "POST":
            stats["max_in_flight"] = 0
            stats["requests"] = 0
            stats["max_connections"] = 0
            stats["connections"] = 0
            seen_conns.clear()
        return web.json_response(stats)

    app = web.Application()
    app.router.add_get("/{name}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = None
    for attempt in range(20):
        probe = socket.socket()
        probe.bind((host_ip(0), 0))
        port = probe.getsockname()[1]
        probe.close()
        socks = []
        try:
            for h in range(hosts):
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host_ip(h), port))
                socks.append(s)
            break
        except OSError:
            for s in socks:
                s.close()
    else:  # pragma: no cover
        raise SystemExit("no free port")
    for s in socks:
        s.listen(512)
        await web.SockSite(runner, s, backlog=512).start()
    ctl = web.Application()
    ctl.router.add_route("*", "/stats", control)
    ctl_runner = web.AppRunner(ctl, access_log=None)
    await ctl_runner.setup()
    ctl_sock = socket.socket()
    ctl_sock.bind(("127.0.0.1", 0))
    await web.SockSite(ctl_runner, ctl_sock).start()
    print(json.dumps({"port": port, "control": ctl_sock.getsockname()[1]}), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin
    await runner.cleanup()
    await ctl_runner.cleanup()


# --------------------------------------------------------------------------------------------- clients


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tree_rss_mb(root: int, cpu: dict[int, float] | None = None) -> float:
    """Current RSS of ``root`` and all its descendants (parse processes included), from /proc.
    ``cpu``: filled with the CPU seconds used so far by each descendant (not ``root`` itself)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
        ticks[int(entry)] = int(fields[11]) + int(fields[12])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        if cpu is not None and pid != root:
            cpu[pid] = ticks.get(pid, 0) / os.sysconf("SC_CLK_TCK")
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total / 2**20


class TreeRssSampler:
    """Samples :func:`tree_rss_mb` of this process every 0.2 s in a thread; ``peak`` is the maximum."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self.cpu: dict[int, float] = {}  # CPU seconds of each descendant (parse processes), last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(os.getpid(), self.cpu))
            self._stop.wait(0.1)

    def __enter__(self) -> "TreeRssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss_mb(os.getpid(), self.cpu))


async def client_bare(urls: list[str]) -> dict:
    import aiohttp

    connector = aiohttp.TCPConnector(limit=GLOBAL_LIMIT, limit_per_host=PER_HOST)
    size = 0
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:

        async def one(url: str) -> None:
            nonlocal size
            async with session.get(url) as response:
                size += len(await response.read())

        start = time.perf_counter()
        await asyncio.gather(*(one(u) for u in urls))
        seconds = time.perf_counter() - start
    return {"pages": len(urls), "seconds": seconds, "bytes": size}


def client_bs4(urls: list[str]) -> dict:
    """What a user would otherwise write: requests + BeautifulSoup in 10 threads."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import requests
    from bs4 import BeautifulSoup

    local = threading.local()

    def check(url: str) -> str:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        try:
            response = session.get(url, timeout=30)
        except requests.RequestException:
            return "unreachable"
        if response.status_code != 200:
            return "error"
        soup = BeautifulSoup(response.text, "html.parser")
        for a in soup.find_all("a", href=True):
            if TARGET in a["href"]:
                rel = " ".join(a.get("rel") or [])
                return "nofollow" if "nofollow" in rel else "live"
        return "missing"

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(check, urls))
    seconds = time.perf_counter() - start
    return {"pages": len(urls), "seconds": seconds, "live": results.count("live")}


async def client_ours(urls: list[str], port: int, checks: int, parse_processes: int | None = None) -> dict:
    from bot.check.engine import check_site
    from bot.fetch import FetchSettings, open_fetcher
    from storage.backlinks import NewBacklink, add_backlinks
    from storage.db import connect
    from storage.sites import add_site
    from storage.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = connect(path)
        add_site(db, "bench", TARGET)
        add_backlinks(db, "bench", TARGET, (NewBacklink(u) for u in urls), found_by="list")
        db.conn.close()
        settings = FetchSettings(
            allow_private_networks=True, allowed_ports=frozenset({port}), per_host=PER_HOST, global_limit=GLOBAL_LIMIT,
        )
        store = Store(path)
        await store.open()
        rss_before = tree_rss_mb(os.getpid())
        runs = []
        async with open_fetcher(settings) as fetcher:
            with TreeRssSampler() as sampler:
                for _ in range(checks):
                    start = time.perf_counter()
                    report = await check_site(store, fetcher, "bench", TARGET, collect_links=False,
                                              parse_processes=parse_processes)
                    runs.append({"seconds": time.perf_counter() - start, "checked": report.checked, "live": report.live,
                                 "state": report.state})
            # Where the time goes: the fetcher alone over the same pages (robots.txt cached by now) ...
            start = time.perf_counter()
            gate = asyncio.Semaphore(GLOBAL_LIMIT * 2)
            sample_html: list[tuple[str, str]] = []

            async def fetch_one(url: str) -> None:
                async with gate:
                    result = await fetcher.fetch(url)
                    if len(sample_html) < 50 and result.html:
                        sample_html.append((result.final_url, result.html))

            await asyncio.gather(*(fetch_one(u) for u in urls[:2000]))
            fetch_rate = min(len(urls), 2000) / (time.perf_counter() - start)
        await store.aclose()
    # ... and the analysis of one page as the check does it (HTML analysis, link choice, decision), on one thread.
    from bot.check.engine import evaluate
    from bot.fetch.result import FetchResult
    from storage.checks import PriorRow

    row = PriorRow(1, "", "pending", None, 0, False, None, None, None, None, None)
    start = time.perf_counter()
    for url, html in sample_html:
        evaluate(FetchResult(url, url, 200, html=html), row, TARGET, True)
    analysis_ms = (time.perf_counter() - start) / max(1, len(sample_html)) * 1000
    return {"pages": len(urls), "runs": runs, "rss_before_check_mb": rss_before, "fetch_only_rate": fetch_rate,
            "analysis_ms": analysis_ms, "tree_peak_mb": sampler.peak,
            "descendants_cpu": sum(sampler.cpu.values())}


def run_client(args: argparse.Namespace) -> None:
    urls = page_urls(args.hosts, args.pages, args.port)
    if args.sample and args.sample < len(urls):
        step = len(urls) / args.sample
        urls = [urls[int(i * step)] for i in range(args.sample)]
    if args.client == "bare":
        result = asyncio.run(client_bare(urls))
    elif args.client == "bs4":
        result = client_bs4(urls)
    else:
        result = asyncio.run(client_ours(urls, args.port, args.checks, None if args.parse_processes < 0 else args.parse_processes))
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)


# --------------------------------------------------------------------------------------------- driver


def _machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [float(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / tick, sum(fields) / tick


def _pid_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


LOAD: list[dict] = []  # per client run: busy cores of the machine, of the client + server, of everyone else
SERVER_PID: list[int] = []


def spawn(*extra: str) -> dict:
    busy0, total0 = _machine_cpu()
    server0 = sum(_pid_cpu(p) for p in SERVER_PID)
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall0 = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, *extra], capture_output=True, text=True, cwd=ROOT, timeout=1800)
    wall = time.perf_counter() - wall0
    result = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {}
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy, total = _machine_cpu()
    if proc.returncode != 0:
        raise SystemExit(f"client {' '.join(extra)} failed:\n{proc.stderr[-3000:]}")
    # the client, the web server, and the client's parse processes (reaped by the forkserver, which
    # the client does not wait for, so the kernel's children count misses them: sampled from /proc)
    ours = (children.ru_utime - children0.ru_utime + children.ru_stime - children0.ru_stime
            + sum(_pid_cpu(p) for p in SERVER_PID) - server0 + result.get("descendants_cpu", 0.0))
    LOAD.append({"client": extra[1] if extra[:1] == ("--client",) else "?", "machine": (busy - busy0) / wall,
                 "bench": ours / wall, "others": max(0.0, (busy - busy0 - ours) / wall)})
    return result


def control(port: int, method: str = "GET") -> dict:
    import urllib.request

    request = urllib.request.Request(f"http://127.0.0.1:{port}/stats", method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--pages", type=int, default=10, help="pages per host for the throughput run")
    parser.add_argument("--big-pages", type=int, default=100, help="pages per host for the memory run (20,000 links)")
    parser.add_argument("--bs4-sample", type=int, default=400, help="pages the requests+BS4 checker fetches (throughput is per page)")
    parser.add_argument("--skip-big", action="store_true", help="skip the 20,000-link memory run")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--client", choices=("bare", "bs4", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=2, help="rounds of (a) and ours; the best of each counts")
    parser.add_argument("--checks", type=int, default=2, help="checks in a row in our run (first = baseline)")
    parser.add_argument("--parse-processes", type=int, default=-1,
                        help="analyse HTML in N processes (0: threads; default: the engine decides)")
    parser.add_argument("--templates", type=int, default=10, help=argparse.SUPPRESS)
    parser.add_argument("--real-pages", action="store_true",
                        help=f"serve the eval set's real pages of {REAL_MIN // 1000}-{REAL_MAX // 1000} KB (with a link to "
                             f"{TARGET} added) instead of the synthetic blog posts")
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.hosts, args.templates, args.real_pages))
        return
    if args.client:
        run_client(args)
        return

    real = ["--real-pages"] if args.real_pages else []
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--hosts", str(args.hosts), "--templates", str(args.pages), *real],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    SERVER_PID[:] = [server.pid]
    try:
        info = json.loads(server.stdout.readline())  # type: ignore[union-attr]
        port, ctl = info["port"], info["control"]
        common = ["--hosts", str(args.hosts), "--port", str(port)]
        n = args.hosts * args.pages
        if args.real_pages:
            sizes = sorted(len(b) for b in real_pages())
            kind = f"real eval pages ({len(sizes)} distinct, median {sizes[len(sizes) // 2] // 1000} KB)"
        else:
            kind = f"synthetic pages of {len(make_page(0)) // 1000} KB"
        print(f"local web: {args.hosts} hosts x {args.pages} {kind} (server in its own process), "
              f"per_host={PER_HOST}, global={GLOBAL_LIMIT}, {os.cpu_count()} CPUs; load average before: "
              f"{Path('/proc/loadavg').read_text().split()[0]}")

        spawn("--client", "bare", *common, "--pages", str(args.pages))  # warm-up (page cache, sockets)
        LOAD.clear()
        # Rounds of (a) then ours, best of each: the machine is shared, so noise hits both sides alike.
        bares, ours_runs, polite = [], [], {"max_connections": 0, "max_in_flight": 0, "requests": 0, "connections": 0}
        for _ in range(args.rounds):
            bares.append(spawn("--client", "bare", *common, "--pages", str(args.pages)))
            control(ctl, "POST")
            ours_runs.append(spawn("--client", "ours", *common, "--pages", str(args.pages), "--checks", str(args.checks),
                                   "--parse-processes", str(args.parse_processes)))
            seen = control(ctl)
            polite = {k: max(polite[k], seen[k]) for k in polite}
        bs4 = spawn("--client", "bs4", *common, "--pages", str(args.pages), "--sample", str(args.bs4_sample))

        bare_rate = max(n / b["seconds"] for b in bares)
        bs4_rate = bs4["pages"] / bs4["seconds"]
        ours = max(ours_runs, key=lambda o: o["runs"][0]["checked"] / o["runs"][0]["seconds"])
        first = ours["runs"][0]
        rates = [first["checked"] / first["seconds"]]
        steady = [max(r["checked"] / r["seconds"] for o in ours_runs for r in o["runs"][1:])] if args.checks > 1 else []
        rates += steady
        print(f"(a) bare aiohttp download   : {bare_rate:8.0f} pages/s  ({n} pages, best of {args.rounds} runs)")
        print(f"(b) requests+BS4, 10 threads: {bs4_rate:8.0f} pages/s  ({bs4['pages']} pages sampled)")
        print(f"ours, first check           : {rates[0]:8.0f} pages/s  (best of {args.rounds}; {first['checked']} checked, {first['live']} live, "
              f"{first['seconds']:.2f} s, state {first['state']})")
        if steady:
            print(f"ours, repeat check          : {steady[0]:8.0f} pages/s  (same pages: the stored analysis is reused)")
        print(f"  where the time goes: our fetcher alone {ours['fetch_only_rate']:.0f} pages/s "
              f"({ours['fetch_only_rate'] / bare_rate:.2f} of (a)); analysis {ours['analysis_ms']:.1f} ms/page on one thread "
              f"(= {1000 / ours['analysis_ms']:.0f} pages/s per core)")
        print(f"ratio ours/(a), first check (every page analysed)          = {rates[0] / bare_rate:.2f}  (target >= 0.35)")
        print(f"ratio ours/(b), first check                                = {rates[0] / bs4_rate:.1f}x (target >= 10x)")
        if steady:
            print(f"ratio ours/(a), repeat check (unchanged pages not re-analysed) = {steady[0] / bare_rate:.2f}")
            print(f"ratio ours/(b), repeat check                                   = {steady[0] / bs4_rate:.1f}x")
        print(f"politeness: at any one host at most {polite['max_connections']} open connections and "
              f"{polite['max_in_flight']} requests in flight (per_host = {PER_HOST}); {polite['requests']} requests incl. robots.txt "
              f"over {polite['connections']} connections")
        for name in ("bare", "ours", "bs4"):
            runs = [l for l in LOAD if l["client"] == name]
            if runs:
                print(f"CPU load during {name:4} runs (cores busy of {os.cpu_count()}): machine "
                      + ", ".join(f"{l['machine']:.2f}" for l in runs) + "; this bench (client + web) "
                      + ", ".join(f"{l['bench']:.2f}" for l in runs) + "; other processes "
                      + ", ".join(f"{l['others']:.2f}" for l in runs))
        print(f"peak RSS ours, {n} links: {ours['tree_peak_mb']:.0f} MB incl. parse processes "
              f"(main process {ours['peak_rss_mb']:.0f} MB; {ours['rss_before_check_mb']:.0f} MB before the check)")
        if not args.skip_big:
            server.stdin.close()  # type: ignore[union-attr]
            server.wait(timeout=30)
            server = subprocess.Popen(
                [sys.executable, __file__, "--serve", "--hosts", str(args.hosts), "--templates", str(args.pages), *real],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
            )
            SERVER_PID[:] = [server.pid]
            info = json.loads(server.stdout.readline())  # type: ignore[union-attr]
            big_n = args.hosts * args.big_pages
            big = spawn("--client", "ours", "--hosts", str(args.hosts), "--port", str(info["port"]), "--pages",
                        str(args.big_pages), "--checks", "1", "--parse-processes", str(args.parse_processes))
            run = big["runs"][0]
            print(f"peak RSS ours, {big_n} links: {big['tree_peak_mb']:.0f} MB incl. parse processes "
                  f"(main process {big['peak_rss_mb']:.0f} MB; {big['rss_before_check_mb']:.0f} MB before the check); "
                  f"{run['checked'] / run['seconds']:.0f} pages/s")
            print(f"memory growth for 10x the links: {big['tree_peak_mb'] - ours['tree_peak_mb']:+.0f} MB")
    finally:
        if server.stdin and not server.stdin.closed:
            server.stdin.close()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
