"""HTTP fetching of feed documents: one shared httpx client, everything a server does bounded.

Why each piece (SECURITY.md finding 8, PERFORMANCE.md):
- One `httpx.AsyncClient` per refresh with keep-alive, a global connection cap and a smaller
  per-host semaphore, so 200 feeds on one host do not open 200 sockets (on 2 cores a huge pool
  measured *slower* against a Python server).  HTTP/1.1 only: over TLS, h2 cost 1.2-1.6x the
  client CPU of keep-alive HTTP/1.1 and was no faster (bench/http2_bench.py, RESULTS.md).
  Bodies we do not use (304, redirects, errors) are drained so the connection is reused.
- httpx's read timeout resets on every chunk, so a slow-drip server never times out: every
  fetch runs inside `asyncio.timeout(deadline)`.
- httpx accepts stacked `Content-Encoding` layers and inflates chunks of up to 100 MiB, so we
  read `aiter_raw()` and inflate ourselves with `decompressobj(...).decompress(buf, max_length)`:
  at most ONE coding (gzip or deflate) and a running cap on both the wire and decoded sizes.
  A 2 kB double-gzip bomb is refused by the one-coding rule or, if declared once, inflates to
  its first layer only (the inner gzip is just bytes) and the cap stops that.
- Redirects are followed by hand: at most 5, http/https targets only, never to link-local
  addresses; the chain's leading permanent (301/308) hops give the feed's new URL.
- Every failure becomes a one-line sanitized reason in a `FetchResult`; nothing raises.
"""

from __future__ import annotations

import asyncio
import contextlib
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from briefing_tui import __version__
from briefing_tui.feeds.decode import Refused as _Refused
from briefing_tui.feeds.decode import drain as _drain
from briefing_tui.feeds.decode import read_body as _read_body
from briefing_tui.feeds.replies import describe, link_local, retry_after
from briefing_tui.sanitize import clean_line, fetchable_url
from briefing_tui.services.settings import FetchSettings

USER_AGENT = f"briefing-tui/{__version__} (+https://github.com/briefing-tui)"
MAX_REDIRECTS = 5
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch produced: a body, a 304, or a one-line error."""

    url: str
    """The URL that was asked for."""
    status: Literal["ok", "not_modified", "failed"]
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    final_url: str = ""
    """Where the body came from after redirects."""
    permanent_url: str | None = None
    """Set when a permanent redirect (301/308) says the feed has moved."""
    error: str | None = None
    retry_after: float | None = None
    """Seconds the server asked us to wait (429/503), clamped to MAX_RETRY_AFTER."""
    http_status: int | None = None


class Fetcher:
    """Fetches many feeds over one client; use as `async with Fetcher(settings) as f:`."""

    def __init__(
        self, settings: FetchSettings, *, sample_reader: Callable[[str], bytes] | None = None
    ) -> None:
        self.settings = settings
        self._global = asyncio.Semaphore(max(1, settings.concurrency))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._sample_reader = sample_reader
        limits = httpx.Limits(
            max_connections=max(1, settings.concurrency),
            max_keepalive_connections=max(1, settings.concurrency),
        )
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.deadline,
        )
        self._client = httpx.AsyncClient(
            limits=limits,
            timeout=timeout,
            follow_redirects=False,
            trust_env=True,  # HTTP(S)_PROXY / NO_PROXY / SSL_CERT_FILE from the environment
            headers={"User-Agent": settings.user_agent or USER_AGENT, "Accept": ACCEPT},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """Fetch one URL within the overall deadline; never raises (except cancellation)."""
        if url.startswith("sample:"):
            return self._sample(url)
        if not fetchable_url(url):
            return _failed(url, "only http and https feed URLs are supported")
        host = urlsplit(url).hostname or ""
        try:
            # The deadline starts once a connection slot is ours: feeds queued behind the
            # concurrency limits must not time out before their first byte is requested.
            async with self._host_slot(host), self._global:
                async with asyncio.timeout(self.settings.deadline):
                    return await self._follow(url, host, etag, last_modified)
        except TimeoutError:
            return _failed(url, f"took longer than {self.settings.deadline:g} s (deadline)")
        except _Refused as exc:
            return _failed(url, str(exc))
        except httpx.HTTPError as exc:
            return _failed(url, describe(exc))
        except (OSError, ValueError, zlib.error) as exc:
            return _failed(url, f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # anything else a library raises is still one feed's failure
            return _failed(url, f"unexpected {type(exc).__name__}: {exc}")

    def _sample(self, url: str) -> FetchResult:
        try:
            reader = self._sample_reader
            if reader is None:
                from briefing_tui.sample import read_sample as reader
            body = reader(url.removeprefix("sample:"))
        except Exception as exc:  # a missing bundled file is a per-feed failure, not a crash
            return _failed(url, f"bundled sample unavailable: {exc}")
        return FetchResult(url, "ok", body=body, final_url=url, http_status=200)

    def _host_slot(self, host: str) -> asyncio.Semaphore:
        per_host = max(1, self.settings.per_host)
        return self._hosts.setdefault(host, asyncio.Semaphore(per_host))

    async def _follow(
        self, url: str, origin: str, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        current, permanent, moved = url, True, None
        for _hop in range(MAX_REDIRECTS + 1):
            result = await self._one(url, current, origin, etag, last_modified)
            if not isinstance(result, str):
                return _with_move(result, moved)
            target = result
            code_permanent = target.startswith("!")
            target = target.lstrip("!")
            permanent = permanent and code_permanent
            if permanent:
                moved = target
            current = target
        raise _Refused(f"more than {MAX_REDIRECTS} redirects")

    async def _one(
        self, url: str, current: str, origin: str, etag: str | None, last_modified: str | None
    ) -> FetchResult | str:
        """One request; returns a result, or the next URL ('!' prefix: permanent redirect)."""
        headers = {"Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = urlsplit(current).hostname or ""
        # the origin host's slot is already held; a redirect elsewhere takes that host's slot
        async with self._host_slot(host) if host != origin else contextlib.nullcontext():
            try:
                stream = self._client.stream("GET", current, headers=headers)
                async with stream as resp:
                    if resp.status_code in (301, 302, 303, 307, 308):
                        await _drain(resp)
                        return _redirect_target(current, resp)
                    return await self._read(url, current, resp, bool(etag or last_modified))
            except httpx.InvalidURL as exc:  # httpx parses Location even when not following
                reason = clean_line(f"refused redirect or invalid URL ({exc})", 160)
                raise _Refused(reason) from None

    async def _read(
        self, url: str, current: str, resp: httpx.Response, conditional: bool
    ) -> FetchResult:
        code = resp.status_code
        if code == 304:
            if not conditional:
                raise _Refused("server answered 304 Not Modified to an unconditional request")
            await _drain(resp)
            return FetchResult(url, "not_modified", final_url=current, http_status=304)
        if code != 200:
            await _drain(resp)
            reason = clean_line(resp.reason_phrase, 80)
            return FetchResult(
                url,
                "failed",
                final_url=current,
                error=f"HTTP {code} {reason}".strip(),
                retry_after=retry_after(resp.headers.get("retry-after")),
                http_status=code,
            )
        body = await _read_body(resp, self.settings.max_bytes)
        return FetchResult(
            url,
            "ok",
            body=body,
            headers={k.lower(): v for k, v in resp.headers.items()},
            etag=_validator(resp.headers.get("etag")),
            last_modified=_validator(resp.headers.get("last-modified")),
            final_url=current,
            http_status=200,
        )


def _with_move(result: FetchResult, moved: str | None) -> FetchResult:
    if moved is None:
        return result
    return FetchResult(
        result.url,
        result.status,
        result.body,
        result.headers,
        result.etag,
        result.last_modified,
        result.final_url,
        moved,
        result.error,
        result.retry_after,
        result.http_status,
    )


def _redirect_target(current: str, resp: httpx.Response) -> str:
    location = resp.headers.get("location")
    if not location:
        raise _Refused(f"HTTP {resp.status_code} redirect without a Location")
    try:
        target = urljoin(current, location.strip())
    except ValueError:
        raise _Refused("redirect to an invalid URL") from None
    if not fetchable_url(target):
        scheme = target.partition(":")[0][:20]
        raise _Refused(clean_line(f"refused redirect to a non-http(s) URL ({scheme}:)", 120))
    if link_local(urlsplit(target).hostname or ""):
        raise _Refused("refused redirect to a link-local address")
    return ("!" if resp.status_code in (301, 308) else "") + target


def _validator(value: str | None) -> str | None:
    value = clean_line(value, 512) if value else ""
    return value or None


def _failed(url: str, reason: str) -> FetchResult:
    return FetchResult(url, "failed", final_url=url, error=clean_line(reason, 300) or "failed")
