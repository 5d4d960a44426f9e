"""The timed fetch passes of bench/http2_bench.py: plain httpx (HTTP/1.1 or HTTP/2) and the
project's own Fetcher (HTTP/1.1), each over a fresh client, as one refresh does.

The plain pass copies what feeds/fetch.py does per request (a per-host semaphore taken before
the global one, `client.stream` + `aiter_raw`, the same limits and request headers) without its
redirect, decoding and error handling, so h1 and h2 differ only in `http2=True`.  The Fetcher
pass checks that the plain numbers are representative; it trusts the throwaway CA through
SSL_CERT_FILE, which it reads because its client has `trust_env=True` (no code change).

Wire bytes come from the kernel (TCP_INFO bytes_received / bytes_acked of each connection,
read as it closes): TLS records and HTTP framing included.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import struct
import time
from dataclasses import dataclass, field

import httpx

ACCEPT = "application/rss+xml, application/atom+xml, */*;q=0.5"
TCPI_BYTES_ACKED = 120  # offsets in Linux's struct tcp_info (u64 fields, kernel >= 4.1)
TCPI_BYTES_RECEIVED = 128


@dataclass
class Run:
    wall: float = 0.0
    cpu: float = 0.0
    server_cpu: float = 0.0
    body: int = 0
    wire_in: int = 0
    wire_out: int = 0
    conns: int = 0
    protos: set[str] = field(default_factory=set)
    statuses: dict[int, int] = field(default_factory=dict)
    etags: dict[str, str] = field(default_factory=dict)


def _tcp_bytes(sock: socket.socket) -> tuple[int, int]:
    info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 256)
    if len(info) < TCPI_BYTES_RECEIVED + 8:
        return 0, 0
    (sent,) = struct.unpack_from("Q", info, TCPI_BYTES_ACKED)
    (received,) = struct.unpack_from("Q", info, TCPI_BYTES_RECEIVED)
    return received, sent


class Wire:
    """Per-pass totals over every connection closed, counted as each one closes."""

    def __init__(self) -> None:
        self.wire_in = self.wire_out = self.conns = 0
        self.protos: set[str] = set()


WIRE = Wire()


def install_wire_counter() -> None:
    """Wrap httpcore's stream close (internals: bench only) to read TCP_INFO first: a client
    closes all its connections on exit, and the Fetcher's dropped ones close mid-pass."""
    from httpcore._backends.anyio import AnyIOStream

    original = AnyIOStream.aclose

    async def aclose(self) -> None:
        ssl_object = self.get_extra_info("ssl_object")
        sock = self.get_extra_info("socket")
        if ssl_object is not None and sock is not None:
            received, sent = _tcp_bytes(sock)
            WIRE.wire_in += received
            WIRE.wire_out += sent
            WIRE.conns += 1
            WIRE.protos.add(ssl_object.selected_alpn_protocol() or "no ALPN")
        await original(self)

    AnyIOStream.aclose = aclose


def _start() -> tuple[Run, float, float]:
    global WIRE
    WIRE = Wire()
    return Run(), time.perf_counter(), time.process_time()


def _stop(run: Run, started: float, cpu: float) -> None:
    run.wall, run.cpu = time.perf_counter() - started, time.process_time() - cpu
    run.wire_in, run.wire_out, run.conns = WIRE.wire_in, WIRE.wire_out, WIRE.conns
    run.protos |= WIRE.protos


def _count(run: Run, url: str, status: int, size: int, etag: str | None) -> None:
    run.statuses[status] = run.statuses.get(status, 0) + 1
    run.body += size
    if etag:
        run.etags[url] = etag


async def plain_pass(
    urls: list[str], etags: dict[str, str], cafile: str, *, http2: bool, per_host: int
) -> Run:
    """All feeds through one httpx.AsyncClient, limited as the Fetcher limits them."""
    run, started, cpu = _start()
    context = ssl.create_default_context(cafile=cafile)  # per client: httpcore sets its ALPN
    client = httpx.AsyncClient(
        http2=http2,
        verify=context,
        limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
        timeout=httpx.Timeout(20.0, pool=60.0),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": "http2-bench", "Accept": ACCEPT},
    )
    host_slot, global_slot = asyncio.Semaphore(per_host), asyncio.Semaphore(16)

    async def one(url: str) -> None:
        headers = {"Accept-Encoding": "gzip, deflate"}
        if url in etags:
            headers["If-None-Match"] = etags[url]
        async with host_slot, global_slot:
            async with client.stream("GET", url, headers=headers) as resp:
                size = 0
                async for chunk in resp.aiter_raw():
                    size += len(chunk)
                run.protos.add(resp.http_version)
                _count(run, url, resp.status_code, size, resp.headers.get("etag"))

    try:
        await asyncio.gather(*(one(url) for url in urls))
    finally:
        await client.aclose()
    _stop(run, started, cpu)
    return run


async def fetcher_pass(
    urls: list[str], etags: dict[str, str], cafile: str, *, per_host: int, drain_304: bool
) -> Run:
    """All feeds through briefing_tui's Fetcher (HTTP/1.1, its own limits and body reader);
    `drain_304` tries the one-line change this benchmark recommends (see _draining_fetcher)."""
    from briefing_tui.feeds.fetch import Fetcher
    from briefing_tui.services.settings import FetchSettings

    os.environ["SSL_CERT_FILE"] = cafile  # read by httpx because Fetcher sets trust_env=True
    os.environ.pop("SSL_CERT_DIR", None)
    os.environ["NO_PROXY"] = "127.0.0.1"
    kind = _draining_fetcher(Fetcher) if drain_304 else Fetcher
    run, started, cpu = _start()
    async with kind(FetchSettings(concurrency=16, per_host=per_host)) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url, etag=etags.get(url)) for url in urls))
    _stop(run, started, cpu)
    for res in results:
        if res.status == "failed":
            raise SystemExit(f"Fetcher failed on {res.url}: {res.error}")
        _count(run, res.url, res.http_status or 0, len(res.body), res.etag)
    return run


def _draining_fetcher(base: type) -> type:
    """The Fetcher, but a 304's (empty) body is read before the response closes.

    httpcore keeps an HTTP/1.1 connection only if the response reached h11's DONE state, and a
    304 gets there only when its body is read; the Fetcher returns without reading, so every
    304 closes its connection and the next request pays a new TCP + TLS handshake."""

    class DrainingFetcher(base):
        async def _read(self, url, current, resp, conditional):
            if resp.status_code == 304:
                await resp.aread()  # h11 allows no body on a 304: this reads nothing
            return await super()._read(url, current, resp, conditional)

    return DrainingFetcher
