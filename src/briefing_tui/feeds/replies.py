"""What a server's reply means, in the terms a refresh reports: how long a 429/503 asks us
to wait, a one-line reason for a transport error, and whether a redirect points at a
link-local address (cloud metadata services live there; SECURITY.md finding 8).
"""

from __future__ import annotations

import ipaddress
import socket
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from briefing_tui.sanitize import clean_line

MAX_RETRY_AFTER = 24 * 3600.0


def link_local(host: str) -> bool:
    """Link-local, multicast or unspecified, in any spelling the resolver accepts: IPv4-mapped
    IPv6, and the decimal/hex/octal/short IPv4 forms inet_aton reads (2852039166, 0xa9.0xfe..)."""
    host = host.strip("[]")
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        try:
            addr = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_link_local or addr.is_multicast or addr.is_unspecified


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta or HTTP date), clamped to [0, 24 h]."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return MAX_RETRY_AFTER if len(value) > 6 else min(float(value), MAX_RETRY_AFTER)
    else:
        try:
            when = parsedate_to_datetime(value)
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            seconds = (when - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def describe(exc: httpx.HTTPError) -> str:
    kinds = {
        httpx.ConnectTimeout: "connection timed out",
        httpx.ReadTimeout: "server stopped sending (read timeout)",
        httpx.WriteTimeout: "write timed out",
        httpx.PoolTimeout: "no free connection in time",
        httpx.ConnectError: "could not connect",
        httpx.RemoteProtocolError: "server broke the HTTP protocol",
        httpx.ReadError: "connection lost while reading",
    }
    for kind, text in kinds.items():
        if isinstance(exc, kind):
            detail = clean_line(str(exc), 120)
            return f"{text}: {detail}" if detail else text
    return clean_line(f"{type(exc).__name__}: {exc}", 200)
