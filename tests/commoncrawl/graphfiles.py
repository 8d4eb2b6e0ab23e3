"""Small web-graph files in Common Crawl's format (domain level unless said otherwise)."""

from __future__ import annotations

import gzip
from pathlib import Path

# id, reversed domain, number of hosts (domain graphs have the third column)
VERTICES = [
    (0, "com.evil", 1), (1, "com.example", 3), (2, "nl.blog", 1), (3, "nl.forum", 2), (4, "nl.news", 1),
    (5, "nl.rival", 1), (6, "nl.site", 4), (7, "nl.sitex", 1), (8, "org.other", 1), (9, "uk.co.shop", 2),
]
EDGES = [
    (0, 6), (1, 2), (1, 8), (2, 6), (3, 5), (3, 6), (4, 5), (6, 5), (6, 6), (7, 8), (8, 7), (9, 6), (2, 7),
]
RANKS_HEADER = "#harmonicc_pos\t#harmonicc_val\t#pr_pos\t#pr_val\t#host_rev\t#n_hosts"
RANKS = [  # harmonic rank, value, pr rank, pr value, reversed name, hosts
    (1, "3.4E7", 2, "0.0091", "com.example", 3), (12, "2.1E7", 14, "0.0011", "nl.forum", 2),
    (40, "1.7E7", 33, "0.0004", "uk.co.shop", 2), (9000, "1.1E7", 8000, "0.00001", "com.evil", 1),
    (150, "1.5E7", 170, "0.0001", "nl.blog", 1), (5000, "1.2E7", 4100, "0.00002", "nl.site", 4),
]
# who links to whom, as registrable domains
EXPECTED = {
    "site.nl": {"evil.com", "blog.nl", "forum.nl", "shop.co.uk"},
    "rival.nl": {"forum.nl", "news.nl", "site.nl"},
}


def _write(path: Path, text: str, gz: bool) -> Path:
    data = text.encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_graph(root: Path, *, gz: bool = True, malformed: bool = True, split_edges: bool = False) -> dict[str, list[Path]]:
    """Vertices, edges (optionally in two parts) and ranks; with ``malformed`` a few broken lines."""
    root.mkdir(parents=True, exist_ok=True)
    ext = ".txt.gz" if gz else ".txt"
    v_lines = [f"{i}\t{name}\t{hosts}" for i, name, hosts in VERTICES]
    e_lines = [f"{a}\t{b}" for a, b in EDGES]
    if malformed:
        v_lines[3:3] = ["abc\tnl.bad\t1", "11", "12\t\t1"]  # bad id, no name, empty name
        e_lines[4:4] = ["x\t6", "13", "3\t6\t9", ""]  # bad id, one column, three columns, blank (not counted)
    files = {"vertices": [_write(root / f"cc-main-test-domain-vertices{ext}", "\n".join(v_lines) + "\n", gz)]}
    if split_edges:
        half = len(e_lines) // 2
        files["edges"] = [_write(root / f"edges-part0{ext}", "\n".join(e_lines[:half]) + "\n", gz),
                          _write(root / f"edges-part1{ext}", "\n".join(e_lines[half:]), gz)]  # no final newline
    else:
        files["edges"] = [_write(root / f"cc-main-test-domain-edges{ext}", "\n".join(e_lines) + "\n", gz)]
    r_lines = [RANKS_HEADER] + ["\t".join(str(x) for x in row) for row in RANKS]
    if malformed:
        r_lines.append("notanumber\t1\t1\t1\tnl.x\t1")
    files["ranks"] = [_write(root / f"cc-main-test-domain-ranks{ext}", "\n".join(r_lines) + "\n", gz)]
    return files


def write_host_graph(root: Path) -> dict[str, list[Path]]:
    """A host-level graph: names are hosts (``nl.site.www``), no host-count column."""
    root.mkdir(parents=True, exist_ok=True)
    vertices = ["0\tnl.blog.shop", "1\tnl.blog.www", "2\tnl.site", "3\tnl.site.www", "4\tnl.sitex.www", "5\tnl.news"]
    edges = ["0\t3", "1\t2", "3\t2", "4\t3", "5\t4"]
    return {
        "vertices": [_write(root / "host-vertices.txt.gz", "\n".join(vertices) + "\n", True)],
        "edges": [_write(root / "host-edges.txt.gz", "\n".join(edges) + "\n", True)],
    }
