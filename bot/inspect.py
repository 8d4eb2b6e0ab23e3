"""Inspect one referring page: fetch (or take saved HTML), analyse, and shape the ``inspect`` JSON."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from bot.errors import UserInputError
from bot.fetch.result import FetchError, FetchResult


def _page_json(
    *,
    url: str,
    final_url: str,
    status: int | None,
    error: str | None,
    content_type: str | None,
    html: str | None,
    targets: list[str] | None,
    x_robots_tag: str | None = None,
    page_id: str | None = None,
) -> dict[str, Any]:
    from bot.analysis import analyse_html, page_to_json

    out: dict[str, Any] = {}
    if page_id is not None:
        out["id"] = page_id
    out.update(url=url, final_url=final_url, status=status, error=error, content_type=content_type)
    if html is not None and error is None:
        analysis = analyse_html(html, final_url, x_robots_tag=x_robots_tag)
        out.update(page_to_json(analysis, targets=targets))
    else:
        out.update(robots={"noindex": False, "nofollow": False}, canonical=None, outbound_links=0, links=[])
    return out


def result_to_json(result: FetchResult, targets: list[str] | None, page_id: str | None = None) -> dict[str, Any]:
    """The ``inspect`` JSON for a fetched page (errors appear as ``status``/``error``)."""
    return _page_json(
        url=result.url,
        final_url=result.final_url,
        status=result.status,
        error=result.error.value if result.error else None,
        content_type=result.content_type,
        html=result.html,
        targets=targets,
        x_robots_tag=result.headers.get("x-robots-tag"),
        page_id=page_id,
    )


def decode_saved_html(data: bytes) -> str:
    """Text of a saved page (gzipped or not), charset from BOM, ``<meta>``, then detection."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise UserInputError(f"The file looks gzipped but cannot be decompressed ({err}).") from None
    from bot.fetch.charset import decode_body

    return decode_body(data, None)


def _validate_url(url: str) -> str:
    from bot.domains import host_of

    if host_of(url) is None:
        raise UserInputError(f"{url!r} is not an absolute http(s) URL; give one like https://example.nl/page.")
    return url


def inspect_saved(url: str, html_file: str | Path, targets: list[str] | None, page_id: str | None = None) -> dict[str, Any]:
    """Analyse HTML read from a file, with ``url`` as its address."""
    _validate_url(url)
    path = Path(html_file)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserInputError(f"Cannot read {path}: {err.strerror or err}.") from None
    return _page_json(
        url=url, final_url=url, status=None, error=None, content_type="text/html",
        html=decode_saved_html(data), targets=targets, page_id=page_id,
    )


def iter_manifest(manifest: str | Path, targets: list[str] | None) -> Iterator[dict[str, Any]]:
    """One ``inspect`` JSON object per manifest line (``{"id", "url", "html_path"}``), keeping ``id``.

    A line whose page cannot be read yields an object with ``error`` set instead of stopping the run.
    """
    path = Path(manifest)
    try:
        handle = path.open("r", encoding="utf-8")
    except OSError as err:
        raise UserInputError(f"Cannot read the manifest {path}: {err.strerror or err}.") from None
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                url = str(entry["url"])
                html_path = path.parent / str(entry["html_path"])
            except (ValueError, KeyError, TypeError):
                raise UserInputError(
                    f"Line {lineno} of {path} is not a manifest entry like {{\"id\": ..., \"url\": ..., \"html_path\": ...}}."
                ) from None
            page_id = entry.get("id")
            try:
                yield inspect_saved(url, html_path, targets, page_id=page_id)
            except UserInputError as err:
                yield {
                    **({"id": page_id} if page_id is not None else {}),
                    "url": url, "final_url": url, "status": None, "error": "unreadable", "detail": str(err),
                    "content_type": None, "robots": {"noindex": False, "nofollow": False},
                    "canonical": None, "outbound_links": 0, "links": [],
                }


async def inspect_urls(urls: Iterable[str], targets: list[str] | None) -> list[dict[str, Any]]:
    """Fetch and analyse pages with the safe fetcher (settings from the environment)."""
    import asyncio

    from bot.config import Settings
    from bot.fetch import FetchSettings, open_fetcher

    settings = FetchSettings.from_settings(Settings.from_env())
    async with open_fetcher(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    return [await asyncio.to_thread(result_to_json, r, targets) for r in results]


__all__ = ["FetchError", "inspect_saved", "inspect_urls", "iter_manifest", "result_to_json", "decode_saved_html"]
