"""A DNS resolver that refuses names pointing at places the bot must not go.

aiohttp's connector connects to exactly the addresses its resolver returns. Wrapping the resolver
therefore checks the very addresses that are used (no second lookup that a DNS-rebinding server could
answer differently). If *any* address of an answer is refused, the whole name is refused: a mixed
answer (one public, one private address) is a classic way to reach an internal host.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable

from aiohttp.abc import AbstractResolver, ResolveResult

from bot.fetch.addresses import IPNetwork, ip_refusal


class BlockedAddressError(OSError):
    """A host name resolved to an address the fetcher must not contact.

    An ``OSError`` so that aiohttp's connector wraps it (``ClientConnectorDNSError.os_error``) like
    any resolution failure; :class:`bot.fetch.fetcher.Fetcher` recognises it there.
    """

    def __init__(self, host: str, address: str, problem: str) -> None:
        super().__init__(f"{host} resolves to {address}, {problem}; the bot does not fetch such addresses")
        self.host = host
        self.address = address
        self.problem = problem

    def __str__(self) -> str:
        return str(self.args[0])


class SafeResolver(AbstractResolver):
    """Resolve with ``inner`` and refuse answers that contain a forbidden address."""

    def __init__(
        self,
        inner: AbstractResolver,
        *,
        allow_private: bool = False,
        extra_blocked: Iterable[IPNetwork] = (),
    ) -> None:
        self._inner = inner
        self._allow_private = allow_private
        self._extra_blocked = tuple(extra_blocked)

    @property
    def inner(self) -> AbstractResolver:
        return self._inner

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        if not answers:
            raise OSError(f"{host} has no address")
        for answer in answers:
            address = answer["host"]
            try:
                ip = ipaddress.ip_address(address.split("%", 1)[0])
            except ValueError:
                raise BlockedAddressError(host, address, "which is not an IP address") from None
            problem = ip_refusal(ip, allow_private=self._allow_private, extra_blocked=self._extra_blocked)
            if problem:
                raise BlockedAddressError(host, address, problem)
        return answers

    async def close(self) -> None:
        await self._inner.close()


def default_resolver() -> AbstractResolver:
    """aiohttp's aiodns-based resolver, or the thread-pool one when c-ares cannot start."""
    from aiohttp.resolver import AsyncResolver, ThreadedResolver

    try:
        asyncio.get_running_loop()
        return AsyncResolver()
    except (RuntimeError, OSError):  # no running loop, or aiodns/c-ares unavailable
        return ThreadedResolver()
