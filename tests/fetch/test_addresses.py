"""The address guard as pure functions: which addresses and URL targets are refused, and why."""

from __future__ import annotations

import ipaddress

import pytest

from bot.fetch.addresses import address_problem, check_target, host_ip, ip_refusal, parse_ipv4_legacy

PORTS = frozenset({80, 443})

REFUSED = [
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1", "100.127.255.254",  # carrier-grade NAT
    "0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
    "192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.1", "192.88.99.1",
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
    "2001:db8::1", "3fff::1", "100::1", "2001::1", "2001:2::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped
    "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1",  # NAT64
    "2002:7f00:1::1", "2002:a00:1::", "2002:c0a8:101::1",  # 6to4 with private IPv4 inside
    "::127.0.0.1", "::10.0.0.1",  # deprecated IPv4-compatible
]
ALLOWED = [
    "8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
]


@pytest.mark.parametrize("address", REFUSED)
def test_refused_addresses(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def test_reasons_are_specific() -> None:
    assert "metadata" in address_problem(ipaddress.ip_address("169.254.169.254"))  # type: ignore[operator]
    assert "loopback" in address_problem(ipaddress.ip_address("::ffff:127.0.0.1"))  # type: ignore[operator]
    assert "carrier-grade" in address_problem(ipaddress.ip_address("100.64.0.1"))  # type: ignore[operator]
    assert "multicast" in address_problem(ipaddress.ip_address("239.1.1.1"))  # type: ignore[operator]


@pytest.mark.parametrize(
    "spelling",
    ["127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "0x7f000001", "127.0.1", "017700000001", "127.0.0.1."],
)
def test_legacy_ipv4_spellings_read_like_inet_aton(spelling: str) -> None:
    assert parse_ipv4_legacy(spelling) == ipaddress.IPv4Address("127.0.0.1")


@pytest.mark.parametrize("text", ["example.com", "1.2.3.4.5", "256.1.1.1", "0x1g.0.0.1", "1..1", "", "4294967296", "1.2.3.x"])
def test_not_ipv4(text: str) -> None:
    assert parse_ipv4_legacy(text) is None


def test_host_ip_handles_brackets_and_zones() -> None:
    assert host_ip("[::ffff:127.0.0.1]") == ipaddress.ip_address("::ffff:127.0.0.1")
    assert host_ip("fe80::1%25eth0") is not None
    assert host_ip("blog.example") is None


@pytest.mark.parametrize(
    "host", ["127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "::ffff:7f00:1", "localhost.", "LOCALHOST",
             "0.0.0.0", "api.localhost", "169.254.169.254", "[::1]"],
)
def test_check_target_refuses_local_spellings(host: str) -> None:
    refusal = check_target("http", host, 80, allow_private=False, allowed_ports=PORTS)
    assert refusal is not None and not refusal.invalid
    assert "does not fetch" in refusal.detail


def test_check_target_rules() -> None:
    ok = dict(allow_private=False, allowed_ports=PORTS)
    assert check_target("https", "blog.example", 443, **ok) is None  # names are checked at resolution
    assert check_target("http", "93.184.215.14", 80, **ok) is None
    assert check_target("ftp", "blog.example", 21, **ok).invalid  # type: ignore[union-attr]
    assert check_target("file", "", None, **ok).invalid  # type: ignore[union-attr]
    assert "port 8080" in check_target("http", "blog.example", 8080, **ok).detail  # type: ignore[union-attr]
    assert check_target("http", "999.1.1.1", 80, **ok).invalid  # type: ignore[union-attr]
    # Private mode lifts both the address and the port rule ...
    assert check_target("http", "127.0.0.1", 8080, allow_private=True, allowed_ports=PORTS) is None
    # ... but never the explicitly blocked networks (also inside IPv4-mapped IPv6).
    nets = (ipaddress.ip_network("127.0.0.1/32"),)
    assert check_target("http", "127.0.0.1", 8080, allow_private=True, allowed_ports=PORTS, extra_blocked=nets)
    assert ip_refusal(ipaddress.ip_address("::ffff:127.0.0.1"), allow_private=True, extra_blocked=nets)
    assert ip_refusal(ipaddress.ip_address("127.0.0.2"), allow_private=True, extra_blocked=nets) is None
