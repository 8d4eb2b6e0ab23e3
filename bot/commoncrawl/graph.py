"""Streaming import of Common Crawl's web graph: which domains link to the wanted sites.

Common Crawl publishes host- and domain-level graphs as gzipped text (each may be split into several
files; pass them all):

- vertices: ``id<TAB>reversed.name`` (``com.example``), the domain graph adds ``<TAB>n_hosts``;
- edges: ``from_id<TAB>to_id``, one link relation per line (billions of lines);
- ranks: harmonic centrality and PageRank per name (read by :func:`bot.imports.parse_authority`).

A domain graph has ~100 million vertices and billions of edges, so nothing is loaded whole:

1. one pass over the vertices finds the ids of the wanted sites (a host graph's subdomains too);
2. one pass over the edges keeps only edges whose ``to_id`` is wanted, as ``from_id -> sites``;
3. a second pass over the vertices maps just those from_ids back to names (registrable domains);
4. optionally one pass over the ranks file gives those referring domains an authority score.

Memory is the wanted ids plus the referring ids found: flat in the size of the files. Each pass reads
1 MiB blocks (a gzipped file is inflated in a second thread). A block whose lines have the right shape
(checked with whole-block byte operations in C: delete the digits, or the name characters, and exactly
the tabs and newline of each line must remain) is searched with ``bytes.find`` for the wanted ids;
other blocks (and many wanted ids) go line by line, where malformed lines are counted (first line
numbers kept) and skipped. Lines with an empty field inside an otherwise well-formed block are
skipped without being counted unless they hold a wanted id (Common Crawl's files have none).
"""

from __future__ import annotations

import io
import queue
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from bot.errors import UserInputError
from bot.i18n import t
from bot.imports.psl import rules

BLOCK = 1 << 20
FIND_LIMIT = 24  # above this many wanted ids, one line-by-line loop beats a find per id
_NAME_OK = re.compile(rb"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")

Progress = Callable[[str, int, int], object]  # (phase, bytes done, bytes total)


@dataclass
class PassStats:
    """One pass over one kind of file (all its parts)."""

    lines: int = 0
    malformed: int = 0
    malformed_lines: list[tuple[str, int]] = field(default_factory=list)  # (file name, line number), first 20
    bytes: int = 0  # uncompressed bytes read
    seconds: float = 0.0

    def bad(self, name: str, line_no: int) -> None:
        self.malformed += 1
        if len(self.malformed_lines) < 20:
            self.malformed_lines.append((name, line_no))

    def to_dict(self) -> dict[str, object]:
        return {"lines": self.lines, "malformed": self.malformed,
                "malformed_lines": [f"{n}:{i}" for n, i in self.malformed_lines], "bytes": self.bytes,
                "seconds": round(self.seconds, 2)}


@dataclass
class GraphResult:
    """What the graph says about the wanted sites."""

    referring: dict[str, set[str]]  # wanted site -> referring registrable domains (never itself)
    found: set[str]  # wanted sites that are vertices of the graph
    ranks: dict[str, tuple[int, float]]  # referring domain or site -> (harmonic centrality rank, score)
    passes: dict[str, PassStats]

    @property
    def missing(self) -> set[str]:
        return set(self.referring) - self.found

    def to_dict(self) -> dict[str, object]:
        return {
            "sites": {site: len(domains) for site, domains in sorted(self.referring.items())},
            "missing": sorted(self.missing),
            "ranked": len(self.ranks),
            "passes": {name: p.to_dict() for name, p in self.passes.items()},
        }


def reverse_name(name: str) -> str:
    """``example.co.uk`` <-> ``uk.co.example`` (Common Crawl's reversed host/domain names)."""
    return ".".join(reversed(name.split(".")))


class _Reader:
    """Blocks of whole lines from a file (gzipped or not), with the compressed position for progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        try:
            self.raw = path.open("rb")
        except OSError:
            raise UserInputError(t("commoncrawl.graph_file_missing", None, path=path)) from None
        self.size = path.stat().st_size
        head = self.raw.read(2)
        self.raw.seek(0)
        self.gzipped = head == b"\x1f\x8b"

    def position(self) -> int:
        return self.raw.tell()

    def _chunks(self) -> Iterator[bytes]:
        """Raw chunks; a gzipped file is inflated in a second thread (zlib releases the GIL), so
        inflating the next chunk overlaps with scanning this one."""
        if not self.gzipped:
            yield from iter(lambda: self.raw.read(BLOCK), b"")
            return
        chunks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=4)
        stop = threading.Event()

        def offer(item: bytes | BaseException) -> None:
            while not stop.is_set():  # the reader may have stopped early: never block for ever
                try:
                    chunks.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        def inflate() -> None:
            try:
                for data in _inflate(self.raw):
                    if stop.is_set():
                        return
                    offer(data)
                offer(b"")
            except BaseException as err:  # handed to the reading thread
                offer(err)

        worker = threading.Thread(target=inflate, name=f"inflate-{self.name}", daemon=True)
        worker.start()
        try:
            while True:
                item = chunks.get()
                if isinstance(item, BaseException):
                    raise item
                if not item:
                    return
                yield item
        finally:
            stop.set()
            worker.join()

    def blocks(self) -> Iterator[bytes]:
        """Blocks ending in a newline (the last one gets one added)."""
        rest = b""
        chunks = self._chunks()
        try:
            for data in chunks:
                chunk = rest + data if rest else data
                cut = chunk.rfind(b"\n") + 1
                if cut == 0:
                    rest = chunk
                    continue
                rest = chunk[cut:]
                yield chunk[:cut]
        except (OSError, EOFError, zlib.error):
            raise UserInputError(t("commoncrawl.file_damaged", None, name=self.name)) from None
        finally:
            chunks.close()  # stops the inflating thread, also when the caller gives up early
        if rest:
            yield rest + b"\n"

    def close(self) -> None:
        self.raw.close()


def _inflate(raw: BinaryIO, size: int = 1 << 18) -> Iterator[bytes]:
    """Inflate a gzip stream (several members allowed) with zlib directly: ~40% faster than
    ``gzip.GzipFile``. A stream that ends inside a member raises ``EOFError``."""
    inflater = zlib.decompressobj(31)
    pending = False  # input consumed by a member that has not ended yet
    while True:
        data = raw.read(size)
        if not data:
            break
        while data:
            out = inflater.decompress(data)
            pending = True
            if out:
                yield out
            if inflater.eof:
                data = inflater.unused_data
                inflater = zlib.decompressobj(31)
                pending = False
                if data.strip(b"\x00") == b"":  # zero padding after the last member
                    data = b""
            else:
                data = b""
    if pending:
        tail = inflater.flush()
        if tail:
            yield tail
        if not inflater.eof:
            raise EOFError("gzip stream ends early")


class _Ticker:
    """Calls ``progress`` at most every ``every`` seconds (and at the end of a file)."""

    def __init__(self, progress: Progress | None, phase: str, total: int, every: float = 0.5) -> None:
        self.progress, self.phase, self.total, self.every = progress, phase, total, every
        self.base = 0
        self.last = 0.0

    def __call__(self, done: int, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now - self.last >= self.every:
            self.last = now
            self.progress(self.phase, self.base + done, self.total)


def _files(paths: Sequence[str | Path]) -> list[Path]:
    return [Path(p) for p in paths]


def _run_pass(paths: Sequence[Path], phase: str, progress: Progress | None,
              on_block: Callable[[bytes, str, int, PassStats], int]) -> PassStats:
    """Feed every block of every file to ``on_block(block, file name, first line number, stats)``,
    which returns the number of lines in the block."""
    stats = PassStats()
    started = time.perf_counter()
    total = sum(p.stat().st_size for p in paths if p.exists())
    ticker = _Ticker(progress, phase, total)
    for path in paths:
        reader = _Reader(path)
        blocks = reader.blocks()
        try:
            line_no = 1
            for block in blocks:
                stats.bytes += len(block)
                line_no += on_block(block, reader.name, line_no, stats)
                ticker(reader.position())
            ticker(reader.size, force=True)
            ticker.base += reader.size
        finally:
            blocks.close()
            reader.close()
    stats.seconds = time.perf_counter() - started
    return stats


_DIGITS = b"0123456789"


def _clean_edge_lines(block: bytes) -> int:
    """The number of lines when every line of the block is ``digits<TAB>digits`` (with the digits
    deleted exactly ``<TAB><LF>`` per line remains), else -1. Two whole-block byte operations in C,
    several times faster than a regular expression. An empty field (``<TAB>5``) passes here; the
    caller checks the lines it uses."""
    lines = block.count(b"\n")
    return lines if block.translate(None, _DIGITS) == b"\t\n" * lines else -1


_NAME_CHARS = b"0123456789abcdefghijklmnopqrstuvwxyz._-"


def _clean_vertex_lines(block: bytes) -> int:
    """The number of lines when the block looks like ``id<TAB>name[<TAB>count]`` lines in lower-case
    ASCII (deleting the name characters leaves the same tabs on every line), else -1. A non-numeric
    or empty id, or an empty name, passes here: ids are checked where they are used (a bad one sends
    the block line by line), and an empty name never matches."""
    lines = block.count(b"\n")
    skeleton = block.translate(None, _NAME_CHARS)
    if skeleton != b"\t\t\n" * lines and skeleton != b"\t\n" * lines:
        return -1
    return lines


def _line_start(block: bytes, pos: int) -> int:
    return block.rfind(b"\n", 0, pos) + 1


# ---------------------------------------------------------------- pass 1: wanted vertices


def _find_wanted_ids(paths: Sequence[Path], wanted: Sequence[str], progress: Progress | None
                     ) -> tuple[dict[int, int], set[str], PassStats]:
    """``{vertex id: index into wanted}`` for the wanted sites and, in a host graph, their subdomains."""
    reversed_names = [reverse_name(w).encode("ascii") for w in wanted]
    exact = {r: i for i, r in enumerate(reversed_names)}
    ids: dict[int, int] = {}
    found: set[str] = set()
    patterns = [(b"\t" + r + end, i) for i, r in enumerate(reversed_names) for end in (b"\n", b"\t", b".")]

    def name_index(name: bytes) -> int | None:
        hit = exact.get(name)
        if hit is not None:
            return hit
        dot = name.rfind(b".")
        while dot > 0:  # com.example.www -> com.example
            hit = exact.get(name[:dot])
            if hit is not None:
                return hit
            dot = name.rfind(b".", 0, dot)
        return None

    def slow(block: bytes, fname: str, first: int, stats: PassStats) -> int:
        lines = block.split(b"\n")
        lines.pop()
        for k, line in enumerate(lines):
            if line.endswith(b"\r"):
                line = line[:-1]
            vid, sep, rest = line.partition(b"\t")
            name = rest.split(b"\t", 1)[0].strip().lower()
            if not sep or not vid.strip().isdigit() or not _NAME_OK.fullmatch(name):
                if line.strip():
                    stats.bad(fname, first + k)
                continue
            index = name_index(name)
            if index is not None:
                ids[int(vid)] = index
                found.add(wanted[index])
        stats.lines += len(lines)
        return len(lines)

    def on_block(block: bytes, fname: str, first: int, stats: PassStats) -> int:
        lines = _clean_vertex_lines(block) if len(patterns) <= 3 * FIND_LIMIT else -1
        if lines < 0:
            return slow(block, fname, first, stats)
        hits: list[tuple[bytes, int]] = []
        for pattern, index in patterns:
            pos = block.find(pattern)
            while pos != -1:
                hits.append((block[_line_start(block, pos):pos], index))
                pos = block.find(pattern, pos + 1)
        if not all(vid.isdigit() for vid, _ in hits):  # let the line loop count the bad line
            return slow(block, fname, first, stats)
        for vid, index in hits:
            ids[int(vid)] = index
            found.add(wanted[index])
        stats.lines += lines
        return lines

    return ids, found, _run_pass(paths, "vertices", progress, on_block)


# ---------------------------------------------------------------- pass 2: edges to wanted ids


def _scan_edges(paths: Sequence[Path], wanted_ids: dict[int, int], progress: Progress | None
                ) -> tuple[dict[int, int], PassStats]:
    """``{from id: bit mask of wanted indexes it links to}`` over all edges into a wanted id."""
    referring: dict[int, int] = {}
    probe = {str(i).encode("ascii"): 1 << index for i, index in wanted_ids.items()}
    patterns = [(b"\t" + k + b"\n", bit) for k, bit in probe.items()]

    def slow(block: bytes, fname: str, first: int, stats: PassStats) -> int:
        lines = block.split(b"\n")
        lines.pop()
        get = probe.get
        for k, line in enumerate(lines):
            src, sep, dst = line.partition(b"\t")
            bit = get(dst)
            if bit is None:
                dst = dst.strip()
                if not sep or not src.isdigit() or not dst.isdigit():
                    if line.strip():
                        stats.bad(fname, first + k)
                    continue
                bit = get(dst)
                if bit is None:
                    continue
            if not src.isdigit():
                src = src.strip()
                if not src.isdigit():
                    stats.bad(fname, first + k)
                    continue
            key = int(src)
            referring[key] = referring.get(key, 0) | bit
        stats.lines += len(lines)
        return len(lines)

    def on_block(block: bytes, fname: str, first: int, stats: PassStats) -> int:
        lines = _clean_edge_lines(block) if len(patterns) <= FIND_LIMIT else -1
        if lines < 0:
            return slow(block, fname, first, stats)
        hits: list[tuple[bytes, int]] = []
        for pattern, bit in patterns:
            pos = block.find(pattern)
            while pos != -1:
                hits.append((block[_line_start(block, pos):pos], bit))
                pos = block.find(pattern, pos + 1)
        if any(not src for src, _ in hits):  # an empty from_id: let the line loop count it
            return slow(block, fname, first, stats)
        for src, bit in hits:
            key = int(src)
            referring[key] = referring.get(key, 0) | bit
        stats.lines += lines
        return lines

    return referring, _run_pass(paths, "edges", progress, on_block)


# ---------------------------------------------------------------- pass 3: names of referring ids


def _names_of(paths: Sequence[Path], needed: set[int], progress: Progress | None) -> tuple[dict[int, str], PassStats]:
    """Registrable domain of each needed vertex id (ids whose name has none are left out)."""
    want = {str(i).encode("ascii") for i in needed}
    psl = rules()
    names: dict[int, str] = {}

    def on_block(block: bytes, fname: str, first: int, stats: PassStats) -> int:
        # malformed lines were counted by the first pass; here they are only skipped
        lines = block.split(b"\n")
        lines.pop()
        for line in lines:
            tab = line.find(b"\t")
            if tab > 0 and line[:tab] in want:
                name = line[tab + 1:].split(b"\t", 1)[0].strip().lower()
                if _NAME_OK.fullmatch(name):
                    domain = psl.registrable(reverse_name(name.decode("ascii")))
                    if domain:
                        names[int(line[:tab])] = domain
        stats.lines += len(lines)
        return len(lines)

    return names, _run_pass(paths, "names", progress, on_block)


# ---------------------------------------------------------------- all passes


def import_graph(vertices: Sequence[str | Path], edges: Sequence[str | Path], wanted: Iterable[str], *,
                 ranks: Sequence[str | Path] = (), progress: Progress | None = None) -> GraphResult:
    """Referring domains of each wanted site (registrable domains) from the graph files; see the module
    docstring. A site's own subdomains and links between wanted sites' own hosts are left out."""
    sites = sorted(set(wanted))
    if not sites:
        raise UserInputError(t("commoncrawl.no_sites", None))
    vertex_files, edge_files = _files(vertices), _files(edges)
    for path in [*vertex_files, *edge_files, *_files(ranks)]:
        if not path.is_file():
            raise UserInputError(t("commoncrawl.graph_file_missing", None, path=path))
    wanted_ids, found, v_stats = _find_wanted_ids(vertex_files, sites, progress)
    referring_ids, e_stats = _scan_edges(edge_files, wanted_ids, progress) if wanted_ids else ({}, PassStats())
    names, n_stats = _names_of(vertex_files, set(referring_ids), progress) if referring_ids else ({}, PassStats())
    referring: dict[str, set[str]] = {site: set() for site in sites}
    for vid, mask in referring_ids.items():
        domain = names.get(vid)
        if domain is None:
            continue
        index = 0
        while mask:
            if mask & 1 and domain != sites[index]:
                referring[sites[index]].add(domain)
            mask >>= 1
            index += 1
    passes = {"vertices": v_stats, "edges": e_stats, "names": n_stats}
    ranked: dict[str, tuple[int, float]] = {}
    all_domains = set().union(*referring.values()) | found  # the sites' own rank is worth knowing too
    if ranks and all_domains:
        ranked, passes["ranks"] = _read_ranks(_files(ranks), all_domains, progress)
    return GraphResult(referring, found, ranked, passes)


def _read_ranks(paths: Sequence[Path], domains: set[str], progress: Progress | None
                ) -> tuple[dict[str, tuple[int, float]], PassStats]:
    """Best harmonic-centrality rank and score per domain, through :func:`bot.imports.parse_authority`."""
    from bot.imports import parse_authority

    stats = PassStats()
    started = time.perf_counter()
    out: dict[str, tuple[int, float]] = {}
    total = sum(p.stat().st_size for p in paths)
    ticker = _Ticker(progress, "ranks", total)
    for path in paths:
        with path.open("rb") as raw:
            counted = _CountingReader(raw)
            reader = parse_authority(counted, path.name, wanted=domains)  # type: ignore[arg-type]
            for n, rank in enumerate(reader):
                old = out.get(rank.domain)
                if old is None or rank.rank < old[0]:
                    out[rank.domain] = (rank.rank, rank.score)
                if n % 1024 == 0:
                    ticker(raw.tell())
            stats.lines += reader.lines
            stats.malformed += reader.skipped
            stats.malformed_lines.extend((path.name, i) for i in reader.skipped_lines[: 20 - len(stats.malformed_lines)])
            stats.bytes += counted.count
            ticker(path.stat().st_size, force=True)
            ticker.base += path.stat().st_size
    stats.seconds = time.perf_counter() - started
    return out, stats


class _CountingReader(io.RawIOBase):
    """Passes reads through and counts the bytes."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        data = self.raw.read(size)
        self.count += len(data)
        return data

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)
