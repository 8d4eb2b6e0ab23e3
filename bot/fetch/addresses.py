"""Which addresses the fetcher may connect to (the SSRF guard). Pure functions, no I/O.

A URL given by a user (or a redirect chosen by a web server) must never make the bot talk to its own
machine, the local network or a cloud metadata service. The rules:

- Only ``http`` and ``https``; only the allowed ports (80 and 443 by default).
- Host names are checked after resolution (see :mod:`bot.fetch.resolver`), every address of the
  answer; IP literals are checked here, *before* connecting, because aiohttp does not call the
  resolver for them. Legacy IPv4 spellings (``127.1``, ``2130706433``, ``0x7f.0.0.1``,
  ``0177.0.0.1``) are read the way a browser or ``inet_aton`` would read them, so they cannot slip by.
- An address is refused unless it is globally routable unicast: loopback, private, link-local (cloud
  metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved, unspecified, documentation,
  benchmarking and their IPv6 counterparts, and IPv6 forms that embed an IPv4 address
  (``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``) are judged by that IPv4 address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})

# (network, why) — checked before ``is_global``, so the reason given is the specific one. ``is_global``
# alone is not enough on Python 3.11: it calls multicast, 192.88.99.0/24, ::a.b.c.d and 3fff::/20 global.
_V4_BLOCKED: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(net), why)
    for net, why in (
        ("0.0.0.0/8", "an unspecified ('this network') address"),
        ("10.0.0.0/8", "a private network address"),
        ("100.64.0.0/10", "a carrier-grade NAT address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address (where cloud metadata services live)"),
        ("172.16.0.0/12", "a private network address"),
        ("192.0.0.0/24", "a reserved (IETF protocol) address"),
        ("192.0.2.0/24", "a documentation address"),
        ("192.31.196.0/24", "a reserved (AS112) address"),
        ("192.52.193.0/24", "a reserved (AMT) address"),
        ("192.88.99.0/24", "a reserved (6to4 relay) address"),
        ("192.168.0.0/16", "a private network address"),
        ("192.175.48.0/24", "a reserved (AS112) address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("224.0.0.0/4", "a multicast address"),
        ("240.0.0.0/4", "a reserved address"),
    )
)

_V6_BLOCKED: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(net), why)
    for net, why in (
        ("::1/128", "a loopback address"),
        ("::/128", "an unspecified address"),
        ("::/96", "a deprecated IPv4-compatible address"),
        ("64:ff9b:1::/48", "a local-use NAT64 address"),
        ("100::/64", "a discard-only address"),
        ("2001::/23", "a reserved (IETF protocol) address"),
        ("2001:db8::/32", "a documentation address"),
        ("3fff::/20", "a documentation address"),
        ("5f00::/16", "a reserved (segment routing) address"),
        ("fc00::/7", "a unique-local (private) address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", "a multicast address"),
    )
)

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def address_problem(ip: IPAddress, extra_blocked: Iterable[IPNetwork] = ()) -> str | None:
    """Why the fetcher must not connect to ``ip`` (a short phrase), or None when it may.

    ``extra_blocked`` adds networks that are refused as well (always, even in private mode).
    """
    for net in extra_blocked:
        if ip.version == net.version and ip in net:
            return f"in the blocked network {net}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(ip.compressed.split("%", 1)[0])
        embedded = embedded_ipv4(ip)
        if embedded is not None:
            problem = address_problem(embedded, extra_blocked)
            return f"{problem}, embedded in an IPv6 address" if problem else None
        for net6, why in _V6_BLOCKED:
            if ip in net6:
                return why
    else:
        for net4, why in _V4_BLOCKED:
            if ip in net4:
                return why
        if ip == ipaddress.IPv4Address("255.255.255.255"):
            return "the broadcast address"
    if ip.is_multicast:
        return "a multicast address"
    if not ip.is_global:
        return "not a public internet address"
    return None


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: ``::ffff:a.b.c.d``, NAT64 or 6to4."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    return None


def parse_ipv4_legacy(host: str) -> ipaddress.IPv4Address | None:
    """Read ``host`` as an IPv4 address the way browsers and ``inet_aton`` do, or None.

    Accepts one to four parts, each decimal, octal (leading ``0``) or hex (``0x``): ``127.1``,
    ``2130706433``, ``0x7f.0.0.1``, ``0177.0.0.1``. Returns None when ``host`` is not such a number.
    """
    host = host.rstrip(".") if host.endswith(".") and not host.endswith("..") else host
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        if not part:
            return None
        lower = part.lower()
        try:
            if lower.startswith("0x"):
                numbers.append(int(lower[2:] or "0", 16))
            elif len(lower) > 1 and lower.startswith("0"):
                numbers.append(int(lower[1:], 8))
            elif lower.isdigit() and lower.isascii():
                numbers.append(int(lower, 10))
            else:
                return None
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def looks_numeric(host: str) -> bool:
    """True when the last label is a number (decimal or 0x-hex): such a host must be an IPv4 address."""
    last = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if last.startswith("0x"):
        return all(c in "0123456789abcdef" for c in last[2:])
    return bool(last) and last.isdigit() and last.isascii()


def host_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address (any spelling that would reach a socket as one), else None."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if "%" in bare:  # an IPv6 zone id spelled with percent-encoding
        try:
            return ipaddress.ip_address(bare.replace("%25", "%"))
        except ValueError:
            pass
    return parse_ipv4_legacy(bare)


@dataclass(frozen=True)
class Refusal:
    """Why a URL may not be fetched: ``invalid`` (not a web address) or blocked by the guard."""

    detail: str
    invalid: bool = False


def check_target(
    scheme: str,
    host: str | None,
    port: int | None,
    *,
    allow_private: bool,
    allowed_ports: frozenset[int],
    extra_blocked: Iterable[IPNetwork] = (),
) -> Refusal | None:
    """Decide, before any connection, whether ``scheme://host:port`` may be contacted.

    Host names that are not IP literals pass here (except ``localhost``); their addresses are checked
    by the resolver. Returns None when the target may be contacted.
    """
    scheme = scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return Refusal(f"only http and https addresses can be fetched, not {scheme or 'this'}:", invalid=True)
    if not host:
        return Refusal("the address has no host name", invalid=True)
    name = host.lower()
    if name.endswith(".") and not name.endswith(".."):
        name = name[:-1]
    if not name or ".." in name or ("%" in name and ":" not in name) or any(c in name for c in " \t\r\n/\\@"):
        return Refusal(f"{host!r} is not a valid host name", invalid=True)
    ip = host_ip(name)
    if ip is None and looks_numeric(name) and ":" not in name:
        return Refusal(f"{host!r} looks like an IP address but is not a valid one", invalid=True)
    if ip is not None:
        problem = ip_refusal(ip, allow_private=allow_private, extra_blocked=extra_blocked)
        if problem:
            return Refusal(f"{host} is {problem}; the bot does not fetch such addresses")
    elif not allow_private and (name == "localhost" or name.endswith(".localhost")):
        return Refusal(f"{host} is this machine (localhost); the bot does not fetch such addresses")
    if not allow_private and port is not None and port not in allowed_ports:
        names = [str(p) for p in sorted(allowed_ports)]
        ports = "no port" if not names else f"port {names[0]}" if len(names) == 1 else "ports " + ", ".join(names[:-1]) + " and " + names[-1]
        return Refusal(f"port {port} is not allowed; the bot only connects to {ports}")
    return None


def ip_refusal(ip: IPAddress, *, allow_private: bool, extra_blocked: Iterable[IPNetwork] = ()) -> str | None:
    """Why ``ip`` may not be contacted under these settings, or None.

    With ``allow_private`` (tests, local development) only ``extra_blocked`` still applies.
    """
    if allow_private:
        candidates: list[IPAddress] = [ip]
        if isinstance(ip, ipaddress.IPv6Address):
            embedded = embedded_ipv4(ip)
            if embedded is not None:
                candidates.append(embedded)
        for candidate in candidates:
            for net in extra_blocked:
                if candidate.version == net.version and candidate in net:
                    return f"in the blocked network {net}"
        return None
    return address_problem(ip, extra_blocked)
