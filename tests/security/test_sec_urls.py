"""Links: only http(s) with a real host may be opened, and the user sees the real target."""

from __future__ import annotations

import pytest
from secutil import assert_terminal_safe

from briefing_tui.sanitize import MAX_URL, clean_url, display_url, openable_url

REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "javascript&#x3a;alert(1)",
    "&#x09;javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "file://etc/passwd",
    "smb://evil.invalid/share",
    "ssh://evil.invalid",
    "x-man-page://ls",
    "mailto:victim@example.com",
    "//evil.invalid/path",
    "/relative/path",
    "--help",
    "-oProxyCommand=id",
    "-oProxyCommand=id https://example.com/",
    "https://user:pass@evil@example.com/",
    "https://bank.example@evil.invalid/",
    "https://evil.invalid\\@bank.example/",
    "https://evil.invalid\\.bank.example/",
    "https://example.com/\r\nSet-Cookie: x=1",
    "https://example.com/a b",
    "https://example.com/\x1b]8;;https://evil.invalid\x1b\\",
    "https://example.com/\u202egnp.exe",
    "https://exa\u200bmple.com/",
    "https://example.com/\u0085x",
    'https://example.com/"onmouseover="x',
    "https://example.com/<script>",
    "https://example.com/`id`",
    "https:example.com",
    "https:/example.com",
    "https:///example.com",
    "https://",
    "http://:80/",
    "https://example.com:99999/",
    "https://example.com:http/",
    "https://[::1/",
    "https://[not-ipv6]/",
    "https://%65vil.invalid/",
    "https://exa_mple.com:1:2/",
    "https://-leading-hyphen.example/",
    "https://xn--ls8h.la/",  # emoji domain: not valid IDNA 2008, not opened
    "https://" + "a" * 64 + ".example/",
    "https://example.com/" + "a" * MAX_URL,
    "",
    None,
]


@pytest.mark.parametrize("url", REFUSED)
def test_refused(url):
    assert openable_url(url) is None
    shown = display_url(url)
    assert_terminal_safe(shown, one_line=True)


OPENABLE = [
    ("https://example.com/", "https://example.com/"),
    ("  https://example.com/a?b=c#d  ", "https://example.com/a?b=c#d"),
    ("HTTP://EXAMPLE.COM/Path", "http://example.com/Path"),
    ("http://127.0.0.1:8080/feed.xml", "http://127.0.0.1:8080/feed.xml"),
    ("https://[2001:db8::1]:8443/x", "https://[2001:db8::1]:8443/x"),
    ("https://sub_domain.example.com./x", "https://sub_domain.example.com./x"),
    # shell metacharacters are legal URL characters: they are harmless because no URL is ever
    # handed to a shell, and they are shown exactly as they are
    ("https://example.com/$(id)", "https://example.com/$(id)"),
    ("https://example.com/?a=1&b=2|id;x", "https://example.com/?a=1&b=2|id;x"),
    ("https://example.com/${IFS}'q'", "https://example.com/${IFS}'q'"),
    # encoded CR/LF stays encoded: visible and inert
    ("https://example.com/a%0d%0aSet-Cookie", "https://example.com/a%0d%0aSet-Cookie"),
]


@pytest.mark.parametrize(("url", "shown"), OPENABLE)
def test_openable_and_shown_as_is(url, shown):
    assert openable_url(url) == url.strip()
    assert display_url(url) == shown


def test_punycode_host_is_decoded_and_its_ascii_form_kept_visible():
    # Cyrillic letters that look like 'apple': the decoded form alone would fool a reader, the
    # ASCII form alone hides what a browser would show; both are displayed.
    shown = display_url("https://xn--80ak6aa92e.com/login")
    assert shown == "https://\u0430\u0440\u0440\u04cf\u0435.com/login (xn--80ak6aa92e.com)"


def test_unicode_host_shows_its_punycode():
    url = "https://\u0440\u0430\u0443\u0440\u0430l.com/"  # Cyrillic 'paypal' look-alike
    assert openable_url(url) == url
    assert display_url(url).endswith("(xn--l-7sbab1bcf.com)") or "xn--" in display_url(url)


def test_deviation_characters_follow_idna_2008_like_browsers():
    # IDNA 2003 (Python's codec) maps 'faß.de' to the different domain 'fass.de'
    assert display_url("https://faß.de/") == "https://faß.de/ (xn--fa-hia.de)"


def test_fullwidth_dot_host_is_shown_as_the_host_it_resolves_to():
    assert display_url("https://evil\u3002example/") == "https://evil.example/"


def test_non_ascii_path_is_shown_percent_encoded():
    assert display_url("https://example.com/ü?q=ä") == "https://example.com/%C3%BC?q=%C3%A4"


def test_refused_urls_are_shown_with_hidden_characters_made_visible():
    assert display_url("https://example.com/\u202egnp.exe") == (
        "https://example.com/%E2%80%AEgnp.exe"
    )
    assert display_url("javascript:alert(1)") == "javascript:alert(1)"
    assert display_url("java\tscript:x") == "java%09script:x"
    assert display_url("\x1b]8;;x\x1b\\") == "%1B]8;;x%1B\\"
    long = display_url("https://example.com/" + "a" * 70_000)
    assert len(long) == MAX_URL + 1 and long.endswith("…")


def test_clean_url_keeps_links_but_drops_invisible_ones():
    assert clean_url("  https://example.com/x \n") == "https://example.com/x"
    assert clean_url("mailto:a@example.com") == "mailto:a@example.com"  # stored, not opened
    assert clean_url("https://example.com/a\nb") == ""
    assert clean_url("https://example.com/a\u00a0b") == ""
    assert clean_url("https://example.com/\U000e0041") == ""
    assert clean_url("https://example.com/e" + "\u0301" * 9) == ""
    assert clean_url("https://example.com/" + "a" * MAX_URL) == ""


def test_fetchable_url_allows_credentials_that_openable_url_refuses():
    from briefing_tui.sanitize import fetchable_url

    url = "https://me:s3cret@feeds.example/private.xml"
    assert fetchable_url(url) == url and openable_url(url) is None
    for bad in ("javascript://me@x/", "-https://x/", "https://me:x@/", "https://x/\x1b"):
        assert fetchable_url(bad) is None
    assert fetchable_url("https://feeds.example/rss") == "https://feeds.example/rss"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://2852039166/x", "http://2852039166/x (169.254.169.254)"),
        ("http://0xa9.0xfe.0xa9.0xfe/", "http://0xa9.0xfe.0xa9.0xfe/ (169.254.169.254)"),
        ("http://0251.0376.0251.0376/", "http://0251.0376.0251.0376/ (169.254.169.254)"),
        ("http://127.1/", "http://127.1/ (127.0.0.1)"),
        ("http://127.0.0.1/", "http://127.0.0.1/"),
        ("http://[0:0::1]/", "http://[::1]/"),
    ],
)
def test_numeric_host_shorthands_show_the_address_they_reach(url, shown):
    assert display_url(url) == shown


@pytest.mark.parametrize(
    ("url", "exact"),
    [
        ("https://\u0430\u0440\u0440\u04cf\u0435.com/login", "https://xn--80ak6aa92e.com/login"),
        ("https://bücher.example/ü?q=ä", "https://xn--bcher-kva.example/%C3%BC?q=%C3%A4"),
        ("HTTP://Example.COM:8080/A", "http://example.com:8080/A"),
        ("https://example.com/a%20b", "https://example.com/a%20b"),
        ("javascript:alert(1)", None),
        ("https://bank.example@evil.invalid/", None),
    ],
)
def test_ascii_url_is_what_the_browser_requests(url, exact):
    from briefing_tui.sanitize import ascii_url

    assert ascii_url(url) == exact
