"""The fetcher against a real (and misbehaving) HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import resource
import time
import zlib
from dataclasses import replace

import pytest
from feed_docs import rss

from briefing_tui.feeds.fetch import USER_AGENT, Fetcher
from briefing_tui.feeds.replies import MAX_RETRY_AFTER
from briefing_tui.services.settings import FetchSettings

FEED = rss(("a", "First"), ("b", "Second"))
SETTINGS = FetchSettings(deadline=1.0, connect_timeout=1.0, read_timeout=1.0, max_bytes=256_000)


async def fetch(url: str, settings: FetchSettings = SETTINGS, **kw):
    async with Fetcher(settings) as fetcher:
        return await fetcher.fetch(url, **kw)


async def test_ok_returns_body_validators_and_user_agent(http_server):
    http_server.add("/f", FEED, etag='"v1"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    result = await fetch(http_server.url("/f"))
    assert (result.status, result.body) == ("ok", FEED)
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert http_server.requests[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("briefing-tui/")


async def test_conditional_get_gives_not_modified(http_server):
    http_server.add("/f", FEED, etag='"v1"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    result = await fetch(http_server.url("/f"), etag='"v1"', last_modified="x")
    assert result.status == "not_modified" and result.body == b""
    assert http_server.requests[0].headers["if-none-match"] == '"v1"'
    by_date = await fetch(http_server.url("/f"), last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    assert by_date.status == "not_modified"


async def test_304_to_unconditional_request_is_a_failure(http_server):
    http_server.route("/f")(lambda h: (h.send_response(304), h.end_headers()))
    result = await fetch(http_server.url("/f"))
    assert result.status == "failed" and "304" in result.error


async def test_permanent_redirect_reports_new_url(http_server):
    http_server.add("/new", FEED)
    http_server.redirect("/old", http_server.url("/new"), status=301)
    result = await fetch(http_server.url("/old"))
    assert result.status == "ok" and result.permanent_url == http_server.url("/new")


async def test_temporary_redirect_keeps_url(http_server):
    http_server.add("/new", FEED)
    http_server.redirect("/perm", "/tmp", status=308)
    http_server.redirect("/tmp", "/new", status=302)
    result = await fetch(http_server.url("/perm"))
    assert result.status == "ok" and result.body == FEED
    # only the leading permanent hop counts: /perm moved to /tmp, which is temporary
    assert result.permanent_url == http_server.url("/tmp")
    plain = await fetch(http_server.url("/tmp"))
    assert plain.permanent_url is None


async def test_redirect_loop_and_long_chain_fail_cleanly(http_server):
    http_server.redirect("/a", "/b")
    http_server.redirect("/b", "/a")
    for i in range(7):
        http_server.redirect(f"/c{i}", f"/c{i + 1}")
    http_server.add("/c7", FEED)
    http_server.redirect("/c2-ok", "/c5")
    for path in ("/a", "/c0"):
        result = await fetch(http_server.url(path))
        assert result.status == "failed" and "redirects" in result.error
    assert (await fetch(http_server.url("/c2-ok"))).status == "ok"  # 2 hops is fine
    assert len(http_server.hits("/a")) == 3  # 6 requests in all: gave up after 5 redirects


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "javascript:alert(1)", "http://169.254.169.254/latest/"]
)
async def test_redirect_to_unsafe_target_is_refused(http_server, target):
    http_server.redirect("/r", target)
    result = await fetch(http_server.url("/r"))
    assert result.status == "failed" and "refused redirect" in result.error


async def test_gzip_and_deflate_bodies_are_decoded(http_server):
    http_server.add("/gz", gzip.compress(FEED), headers={"Content-Encoding": "gzip"})
    http_server.add("/zl", zlib.compress(FEED), headers={"Content-Encoding": "deflate"})
    raw = zlib.compressobj(wbits=-15)
    http_server.add(
        "/raw", raw.compress(FEED) + raw.flush(), headers={"Content-Encoding": "deflate"}
    )
    for path in ("/gz", "/zl", "/raw"):
        result = await fetch(http_server.url(path))
        assert result.body == FEED, path
    assert http_server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def _gib_of_zeros_gzip() -> bytes:
    """A valid multi-member gzip of 1 GiB of zeros, ~1 MB: 1,024 identical 1 MiB members."""
    member = gzip.compress(bytes(1 << 20), 9)
    return member * 1024


async def test_gzip_bomb_stops_at_the_decoded_cap(http_server):
    bomb = _gib_of_zeros_gzip()
    http_server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    result = await fetch(http_server.url("/bomb"), replace(SETTINGS, max_bytes=4_000_000))
    assert result.status == "failed" and "decoded response is larger" in result.error
    assert time.monotonic() - started < 5.0  # a hang guard, loose for loaded machines
    # memory stayed near the 4 MB cap (ru_maxrss is in kB): nowhere near 1 GiB
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 64_000


async def test_double_gzip_bomb_is_refused(http_server):
    double = gzip.compress(_gib_of_zeros_gzip(), 9)
    assert len(double) < 8192  # a few kB that would expand to 1 GiB
    http_server.add("/stacked", double, headers={"Content-Encoding": "gzip, gzip"})
    http_server.add("/single", double, headers={"Content-Encoding": "gzip"})
    stacked = await fetch(http_server.url("/stacked"))
    assert stacked.status == "failed" and "stacked" in stacked.error
    # declared once, only one layer is inflated: the ~1 MB inner gzip stays opaque bytes
    single = await fetch(http_server.url("/single"))
    assert single.status == "failed" and "larger" in single.error


async def test_download_cap_with_and_without_content_length(http_server):
    big = b"x" * 300_000
    http_server.add("/big", big)

    def chunked(h):
        h.send_response(200)
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for _ in range(40):
            h.wfile.write(b"2000\r\n" + b"y" * 0x2000 + b"\r\n")
        h.wfile.write(b"0\r\n\r\n")

    http_server.route("/endless")(chunked)
    for path in ("/big", "/endless"):
        result = await fetch(http_server.url(path))
        assert result.status == "failed" and "larger than" in result.error, path


async def test_slow_drip_body_ends_at_the_deadline(http_server):
    http_server.drip("/drip", interval=0.1)
    started = time.monotonic()
    result = await fetch(http_server.url("/drip"))
    elapsed = time.monotonic() - started
    assert result.status == "failed" and "deadline" in result.error
    assert 0.9 < elapsed < 5.0  # ended by the 1 s deadline, not by the server


async def test_http_errors_and_retry_after_are_clamped(http_server):
    http_server.add("/500", b"oops", status=500)
    http_server.add("/429", b"", status=429, headers={"Retry-After": "99999999999"})
    http_server.add("/503", b"", status=503, headers={"Retry-After": "120"})
    past = {"Retry-After": "Tue, 01 Jan 1980 00:00:00 GMT"}
    http_server.add("/404", b"", status=404, headers=past)
    r500 = await fetch(http_server.url("/500"))
    assert r500.error == "HTTP 500 Internal Server Error" and r500.retry_after is None
    assert (await fetch(http_server.url("/429"))).retry_after == MAX_RETRY_AFTER
    assert (await fetch(http_server.url("/503"))).retry_after == 120
    assert (await fetch(http_server.url("/404"))).retry_after == 0


async def test_connection_reset_lying_length_and_refused_port(http_server):
    http_server.reset("/reset")

    def lying(h):
        h.send_response(200)
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(b"<rss>short")
        h.close_connection = True

    http_server.route("/lying")(lying)
    for path in ("/reset", "/lying"):
        result = await fetch(http_server.url(path))
        assert result.status == "failed" and result.error, path
    closed = await fetch("http://127.0.0.1:9/feed")
    assert closed.status == "failed" and "connect" in closed.error


async def test_errors_quoting_server_text_are_sanitized(http_server):
    def evil(h):
        h.send_response(418, "I\x1b[2J am \x9b31m a teapot")
        h.send_header("Content-Length", "0")
        h.end_headers()

    http_server.route("/evil")(evil)
    result = await fetch(http_server.url("/evil"))
    assert result.status == "failed" and "\x1b" not in result.error and "\x9b" not in result.error


async def test_non_http_urls_are_not_fetched():
    for url in ("file:///etc/passwd", "ftp://example.org/f", "--help"):
        result = await fetch(url)
        assert result.status == "failed" and "http" in result.error


async def test_sample_urls_read_the_bundled_feed():
    settings = FetchSettings()
    async with Fetcher(settings, sample_reader=lambda name: f"<rss>{name}</rss>".encode()) as f:
        result = await f.fetch("sample:world-desk")
    assert (result.status, result.body, result.etag) == ("ok", b"<rss>world-desk</rss>", None)
    async with Fetcher(settings) as f:
        missing = await f.fetch("sample:../../etc/passwd")
    assert missing.status == "failed" and "sample" in missing.error


async def test_slow_headers_huge_headers_and_empty_body(http_server):
    def slow_headers(h):
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(50):
            if http_server.stopping.wait(0.1):
                return
            h.wfile.write(b"X-Slow: 1\r\n")
            h.wfile.flush()

    def huge_headers(h):
        h.send_response(200)
        for i in range(2000):
            h.send_header(f"X-Big-{i}", "x" * 200)
        h.send_header("Content-Length", "0")
        h.end_headers()

    http_server.route("/slow-headers")(slow_headers)
    http_server.route("/huge-headers")(huge_headers)
    http_server.add("/empty", b"")
    started = time.monotonic()
    slow = await fetch(http_server.url("/slow-headers"))
    assert slow.status == "failed" and "deadline" in slow.error
    assert time.monotonic() - started < 5.0
    huge = await fetch(http_server.url("/huge-headers"))
    assert huge.status == "failed" and huge.error
    empty = await fetch(http_server.url("/empty"))
    assert (empty.status, empty.body) == ("ok", b"")


async def test_deadline_starts_when_a_connection_slot_is_free(http_server):
    http_server.latency = 0.3
    http_server.add("/f", FEED)
    settings = replace(SETTINGS, concurrency=1, per_host=1, deadline=1.0)
    async with Fetcher(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(http_server.url("/f")) for _ in range(5)))
    # 5 x 0.3 s in one slot is longer than the 1 s deadline, yet none of them timed out
    assert [r.status for r in results] == ["ok"] * 5


@pytest.mark.parametrize(
    "target",
    [
        "http://[::ffff:169.254.169.254]/",
        "http://2852039166/",
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://0251.0376.0251.0376/",
        "http://169.254.43518/",
        "http://[fe80::1]/",
    ],
)
async def test_link_local_redirects_are_refused_in_any_spelling(http_server, target):
    http_server.redirect("/r", target)
    result = await fetch(http_server.url("/r"))
    # refused by our guard, or already by httpx for spellings it will not parse
    assert result.status == "failed"
    assert "link-local" in result.error or "Invalid URL in location" in result.error


async def test_credentials_in_the_subscription_are_sent_as_basic_auth(http_server):
    http_server.add("/private", FEED)
    url = http_server.url("/private").replace("http://", "http://me:s3cret@")
    result = await fetch(url)
    assert result.status == "ok"
    assert http_server.requests[-1].headers["authorization"].startswith("Basic ")


async def test_304s_redirects_and_errors_keep_the_connection_alive(http_server):
    """httpcore reuses a connection only after its response was read to the end: a warm
    refresh of many feeds on one host must not open one connection per feed."""
    http_server.add("/f", FEED, etag='"v1"')
    http_server.add("/new", FEED)
    http_server.redirect("/old", http_server.url("/new"), status=302)

    def busy(h):  # unlike send_error, which closes the connection itself
        h.send_response(503)
        h.send_header("Content-Length", "9")
        h.end_headers()
        h.wfile.write(b"try later")

    http_server.route("/busy")(busy)
    one_connection = replace(SETTINGS, per_host=1, concurrency=1)
    async with Fetcher(one_connection) as fetcher:
        for _ in range(4):
            result = await fetcher.fetch(http_server.url("/f"), etag='"v1"')
            assert result.status == "not_modified"
        assert (await fetcher.fetch(http_server.url("/old"))).status == "ok"
        assert (await fetcher.fetch(http_server.url("/busy"))).status == "failed"
        assert (await fetcher.fetch(http_server.url("/f"), etag='"v1"')).status == "not_modified"
    assert len(http_server.requests) == 8
    assert len({r.client for r in http_server.requests}) == 1


async def test_a_huge_error_body_is_abandoned_not_read(http_server):
    big = b"x" * 5_000_000

    def huge_error(h):
        h.send_response(500)
        h.send_header("Content-Length", str(len(big)))
        h.end_headers()
        h.wfile.write(big)

    http_server.route("/err")(huge_error)
    http_server.add("/f", FEED)
    async with Fetcher(replace(SETTINGS, per_host=1, concurrency=1)) as fetcher:
        failed = await fetcher.fetch(http_server.url("/err"))
        assert failed.status == "failed" and failed.error.startswith("HTTP 500")
        assert (await fetcher.fetch(http_server.url("/f"))).status == "ok"
