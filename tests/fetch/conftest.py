"""Fixtures for the fetcher tests: a local web of real aiohttp servers (see tests/localweb.py)."""

from __future__ import annotations

from tests.localweb import local_web  # noqa: F401  (the fixture)
