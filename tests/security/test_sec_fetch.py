"""The fetcher's URL guards, on top of FEEDS' own transport tests (tests/feeds/test_fetch.py).

Redirect targets are checked with a real httpx.Response value and the fetcher's guard, so no
test ever connects to a link-local address; credentialed subscriptions go to a loopback server.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from httpserver import serve

from briefing_tui.feeds import fetch
from briefing_tui.services.settings import FetchSettings

LINK_LOCAL_SPELLINGS = [
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://0251.0376.0251.0376/",
    "http://169.254.43518/",
    "http://0xa9fea9fe/",
]


def _redirect(target: str) -> str:
    response = httpx.Response(302, headers={"location": target})
    return fetch._redirect_target("http://127.0.0.1:8/feed", response)


@pytest.mark.parametrize("target", ["http://169.254.169.254/", "http://[fe80::1]/", "file:///x"])
def test_plain_link_local_and_non_http_redirects_are_refused(target):
    with pytest.raises(fetch._Refused):
        _redirect(target)


@pytest.mark.parametrize("target", LINK_LOCAL_SPELLINGS)
def test_other_spellings_of_link_local_redirects_are_refused(target):
    # IPv4-mapped IPv6 and the shorthand IPv4 forms inet_aton accepts all reach 169.254.x
    with pytest.raises(fetch._Refused):
        _redirect(target)


def test_credentialed_subscription_is_fetched_with_basic_auth():
    # fetchable_url, not the browser policy openable_url: credentials go out as Basic auth
    body = b'<rss version="2.0"><channel><title>P</title></channel></rss>'
    with serve() as srv:
        srv.add("/private.xml", body, content_type="application/rss+xml")
        url = srv.url("/private.xml").replace("http://", "http://me:s3cret@")

        async def go():
            async with fetch.Fetcher(FetchSettings(deadline=5.0)) as fetcher:
                return await fetcher.fetch(url)

        result = asyncio.run(go())
        assert result.status == "ok", result.error
        assert srv.requests[-1].headers.get("authorization", "").startswith("Basic ")
