"""Untrusted text in, text that is safe to store and draw in a terminal out.

Every string that came from a feed or a server (titles, authors, bodies, links, error
messages quoting server text) passes through here after its last decoding step, because
feedparser, Rich and Textual all let ESC and C1 bytes reach the terminal (see SECURITY.md).

clean_text guarantees (tests/security/ proves it with hypothesis): no C0 but newline and tab,
no DEL or C1 (no 7- or 8-bit escape sequence can start), no format character (bidi controls,
zero-width, BOM, soft hyphen, tags), no noncharacter, lone surrogates -> U+FFFD, U+2028/2029 ->
newline, at most MAX_COMBINING marks per character (anti-Zalgo), bounded, idempotent, no raise.

It runs on every stored string: text with nothing to change (the usual case) is spotted by one
C-level scan; the marks table is written out, not scanned from unicodedata at import (~150 ms),
and tests/security/test_sec_sanitize_tables.py checks it against unicodedata.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
from urllib.parse import urlsplit

MAX_TITLE = 1_000
MAX_BODY = 200_000
MAX_URL = 4_096
MAX_COMBINING = 4
"""Marks kept after one base character: enough for Hebrew points, Indic and Tibetan stacks."""

# Unicode 14 general categories Mn, Mc, Me (combining marks), as hex code point ranges.
MARK_RANGES = (
    "300-36F 483-489 591-5BD 5BF 5C1-5C2 5C4-5C5 5C7 610-61A 64B-65F 670 6D6-6DC 6DF-6E4 6E7-6E8 "
    "6EA-6ED 711 730-74A 7A6-7B0 7EB-7F3 7FD 816-819 81B-823 825-827 829-82D 859-85B 898-89F "
    "8CA-8E1 8E3-903 93A-93C 93E-94F 951-957 962-963 981-983 9BC 9BE-9C4 9C7-9C8 9CB-9CD 9D7 "
    "9E2-9E3 9FE A01-A03 A3C A3E-A42 A47-A48 A4B-A4D A51 A70-A71 A75 A81-A83 ABC ABE-AC5 AC7-AC9 "
    "ACB-ACD AE2-AE3 AFA-AFF B01-B03 B3C B3E-B44 B47-B48 B4B-B4D B55-B57 B62-B63 B82 BBE-BC2 "
    "BC6-BC8 BCA-BCD BD7 C00-C04 C3C C3E-C44 C46-C48 C4A-C4D C55-C56 C62-C63 C81-C83 CBC CBE-CC4 "
    "CC6-CC8 CCA-CCD CD5-CD6 CE2-CE3 D00-D03 D3B-D3C D3E-D44 D46-D48 D4A-D4D D57 D62-D63 D81-D83 "
    "DCA DCF-DD4 DD6 DD8-DDF DF2-DF3 E31 E34-E3A E47-E4E EB1 EB4-EBC EC8-ECD F18-F19 F35 F37 F39 "
    "F3E-F3F F71-F84 F86-F87 F8D-F97 F99-FBC FC6 102B-103E 1056-1059 105E-1060 1062-1064 1067-106D "
    "1071-1074 1082-108D 108F 109A-109D 135D-135F 1712-1715 1732-1734 1752-1753 1772-1773 "
    "17B4-17D3 17DD 180B-180D 180F 1885-1886 18A9 1920-192B 1930-193B 1A17-1A1B 1A55-1A5E "
    "1A60-1A7C 1A7F 1AB0-1ACE 1B00-1B04 1B34-1B44 1B6B-1B73 1B80-1B82 1BA1-1BAD 1BE6-1BF3 "
    "1C24-1C37 1CD0-1CD2 1CD4-1CE8 1CED 1CF4 1CF7-1CF9 1DC0-1DFF 20D0-20F0 2CEF-2CF1 2D7F "
    "2DE0-2DFF 302A-302F 3099-309A A66F-A672 A674-A67D A69E-A69F A6F0-A6F1 A802 A806 A80B "
    "A823-A827 A82C A880-A881 A8B4-A8C5 A8E0-A8F1 A8FF A926-A92D A947-A953 A980-A983 A9B3-A9C0 "
    "A9E5 AA29-AA36 AA43 AA4C-AA4D AA7B-AA7D AAB0 AAB2-AAB4 AAB7-AAB8 AABE-AABF AAC1 AAEB-AAEF "
    "AAF5-AAF6 ABE3-ABEA ABEC-ABED FB1E FE00-FE0F FE20-FE2F 101FD 102E0 10376-1037A 10A01-10A03 "
    "10A05-10A06 10A0C-10A0F 10A38-10A3A 10A3F 10AE5-10AE6 10D24-10D27 10EAB-10EAC 10F46-10F50 "
    "10F82-10F85 11000-11002 11038-11046 11070 11073-11074 1107F-11082 110B0-110BA 110C2 "
    "11100-11102 11127-11134 11145-11146 11173 11180-11182 111B3-111C0 111C9-111CC 111CE-111CF "
    "1122C-11237 1123E 112DF-112EA 11300-11303 1133B-1133C 1133E-11344 11347-11348 1134B-1134D "
    "11357 11362-11363 11366-1136C 11370-11374 11435-11446 1145E 114B0-114C3 115AF-115B5 "
    "115B8-115C0 115DC-115DD 11630-11640 116AB-116B7 1171D-1172B 1182C-1183A 11930-11935 "
    "11937-11938 1193B-1193E 11940 11942-11943 119D1-119D7 119DA-119E0 119E4 11A01-11A0A "
    "11A33-11A39 11A3B-11A3E 11A47 11A51-11A5B 11A8A-11A99 11C2F-11C36 11C38-11C3F 11C92-11CA7 "
    "11CA9-11CB6 11D31-11D36 11D3A 11D3C-11D3D 11D3F-11D45 11D47 11D8A-11D8E 11D90-11D91 "
    "11D93-11D97 11EF3-11EF6 16AF0-16AF4 16B30-16B36 16F4F 16F51-16F87 16F8F-16F92 16FE4 "
    "16FF0-16FF1 1BC9D-1BC9E 1CF00-1CF2D 1CF30-1CF46 1D165-1D169 1D16D-1D172 1D17B-1D182 "
    "1D185-1D18B 1D1AA-1D1AD 1D242-1D244 1DA00-1DA36 1DA3B-1DA6C 1DA75 1DA84 1DA9B-1DA9F "
    "1DAA1-1DAAF 1E000-1E006 1E008-1E018 1E01B-1E021 1E023-1E024 1E026-1E02A 1E130-1E136 1E2AE "
    "1E2EC-1E2EF 1E8D0-1E8D6 1E944-1E94A E0100-E01EF "
)


def _span(item: str) -> range:
    lo, _, hi = item.partition("-")
    return range(int(lo, 16), int(hi or lo, 16) + 1)


def _ranges(spec: str, astral: bool | None = None) -> str:
    """'300-36F 483' -> a regex character-class body (only BMP or only astral ranges if asked)."""
    spans = [_span(item) for item in spec.split()]
    keep = [r for r in spans if astral is None or (r.start > 0xFFFF) == astral]
    return "".join(f"\\U{r.start:08x}-\\U{r.stop - 1:08x}" for r in keep)


# Unicode format characters (category Cf, every one of them: bidi controls, zero-width
# characters, BOM, soft hyphen, interlinear annotation, tag characters) and noncharacters.
FORMAT_RANGES = (
    "AD 600-605 61C 6DD 70F 890-891 8E2 180E 200B-200F 202A-202E 2060-2064 2066-206F FEFF "
    "FFF9-FFFB 110BD 110CD 13430-1343F 1BCA0-1BCA3 1D173-1D17A E0000-E007F"
)
NONCHAR_RANGES = "FDD0-FDEF " + " ".join(f"{p:X}FFFE-{p:X}FFFF" for p in range(17))
_FILLERS = "\u115f\u1160\u3164\uffa0"  # Hangul fillers: letters that draw nothing

# sre checks astral ranges one by one (only the BMP gets a bitmap): whole-text patterns hold BMP
# ranges plus a few wide astral ones covering every astral format char, noncharacter and mark
# (no emoji, no CJK); exact astral classes run only inside those rare matches, in a callback.
_ASTRAL_SUSPECT = "\U000110bd-\U0001d17a\U0001fffe\U0001ffff\U0002fffe-\U0010ffff"
_ASTRAL_DROP = re.compile(f"[{_ranges(FORMAT_RANGES, True)}{_ranges(NONCHAR_RANGES, True)}]+")
_ASTRAL_MARKS = "\U000101fd-\U0001e94a\U000e0100-\U000e01ef"

# One pass does all per-character fixes (rare in real text): a callback str.translate()s each run.
_NEWLINES = "\r\x0b\x0c\x85\u2028\u2029"
_FIX = {c: None for c in [*range(0x20), *range(0x7F, 0xA0)] if c not in (9, 10)}
_FIX |= {ord(c): "\n" for c in _NEWLINES} | {ord(c): " " for c in _FILLERS}
_FIX |= {c: "\ufffd" for c in range(0xD800, 0xE000)}
_FIX |= {c: None for c in range(0xFDD0, 0xFDF0)} | {0xFFFE: None, 0xFFFF: None}
_FIX |= {c: None for spec in FORMAT_RANGES.split() for c in _span(spec) if c <= 0xFFFF}
_SPECIAL_BMP = (
    f"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_FILLERS}"
    f"{_ranges(FORMAT_RANGES, False)}{_ranges(NONCHAR_RANGES, False)}"
)
_SPECIAL = re.compile(f"[{_SPECIAL_BMP}{_ASTRAL_SUSPECT}]+")
_SPECIAL_ASCII = bytes([*range(9), *range(11, 32), 127])  # what _FIX changes in ASCII text
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_SPACES = re.compile("[ \t\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def _fix(match: re.Match[str]) -> str:
    run = match.group().translate(_FIX)
    return _ASTRAL_DROP.sub("", run) if not run.isascii() else run


@functools.cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Exact and cheap too-many-marks patterns; any BMP char either pass changes (lazy, 10 ms)."""
    mark, bmp = _ranges(MARK_RANGES), _ranges(MARK_RANGES, False)
    exact = re.compile(f"([{mark}]{{{MAX_COMBINING}}})[{mark}]+")
    suspect = re.compile(f"[{bmp}{_ASTRAL_MARKS}]{{{MAX_COMBINING + 1},}}")
    return exact, suspect, re.compile(f"[{_SPECIAL_BMP}{bmp}]")


def _cap_marks(match: re.Match[str]) -> str:
    return _marks()[0].sub(r"\1", match.group())


def clean_text(text: str | None, max_len: int = MAX_BODY) -> str:
    """Multi-line text: control and invisible characters removed, blank runs collapsed."""
    if not text or max_len <= 0:
        return ""
    text = text[: max_len * 2]
    text = text.replace("\r\n", "\n") if "\r" in text else text  # `in` is memchr-fast
    if text.isascii():
        if len(text.encode().translate(None, _SPECIAL_ASCII)) < len(text):  # C-fast check
            text = text.translate(_FIX)
    elif len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text) or _marks()[2].search(text):
        text = _marks()[1].sub(_cap_marks, _SPECIAL.sub(_fix, text))
    text = _BLANK_LINES.sub("\n\n", text)
    return text[:max_len].strip()


def clean_line(text: str | None, max_len: int = MAX_TITLE) -> str:
    """One-line text (titles, authors, feed names): whitespace of any kind becomes one space."""
    return _SPACES.sub(" ", clean_text(text, max_len * 2))[:max_len].strip()


# Never in a stored URL: controls, any space, format chars, noncharacters, surrogates, fillers.
_URL_BAD_ASCII = re.compile("[\x00-\x20\x7f]")
_URL_BAD = re.compile(
    f"[\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    f"\ud800-\udfff{_FILLERS}{_ranges(FORMAT_RANGES)}{_ranges(NONCHAR_RANGES)}]"
)
# Not valid unescaped in a URL, and the characters parsers disagree on (WHATWG reads '\' as '/').
_URL_REFUSED = re.compile(r'["<>`\\]')
_HOST_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST = re.compile(rf"(?:{_HOST_LABEL}\.)*{_HOST_LABEL}\.?")
_PORT = re.compile(r":[0-9]*")


def clean_url(url: str | None) -> str:
    """A link as stored: trimmed, capped; '' with whitespace, controls, invisibles or Zalgo."""
    if not url:
        return ""
    url = url.strip()
    if len(url) > MAX_URL:
        return ""
    if url.isascii():
        return "" if _URL_BAD_ASCII.search(url) else url
    return "" if _URL_BAD.search(url) or _marks()[0].search(url) else url


def openable_url(url: str | None) -> str | None:
    """The URL if it may be opened in a browser or made a hyperlink: http(s) only.

    Refused: other schemes, no host, a leading '-' (option injection), whitespace and control
    characters, userinfo ('https://bank.example@evil.invalid/' shows one host and opens
    another), backslashes and quotes, invalid ports, and hosts that are not valid DNS names,
    IPv6 literals or internationalised names (IDNA 2008).
    """
    return _checked(url, userinfo=False)


def fetchable_url(url: str | None) -> str | None:
    """As openable_url, but credentials ('https://me:token@host/feed') are allowed: for the
    fetcher (httpx sends them as Basic auth), never to decide what to open or link."""
    return _checked(url, userinfo=True)


def _checked(url: str | None, userinfo: bool) -> str | None:
    url = clean_url(url)
    if not url or url.startswith("-") or _URL_REFUSED.search(url):
        return None
    return url if _split(url, userinfo) is not None else None


@functools.lru_cache(maxsize=64)  # ascii_url, display_url: same (url, False) openable_url split
def _split(url: str, userinfo: bool = False) -> tuple[str, str, str, str] | None:
    """(scheme, ascii_host, port_part, rest) for an acceptable http(s) URL, else None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return None
    scheme, netloc = parts.scheme.lower(), parts.netloc
    if scheme not in ("http", "https") or not url[len(scheme) + 1 :].startswith("//"):
        return None
    rest = url[len(scheme) + 3 + len(netloc) :]
    if not userinfo and "@" in netloc:
        return None
    if not (netloc := netloc.rpartition("@")[2]):
        return None
    host = netloc[: netloc.find("]") + 1] if netloc[:1] == "[" else netloc.partition(":")[0]
    after = netloc[len(host) :]
    if after and not _PORT.fullmatch(after):
        return None
    port = after[1:]
    ascii_host = _ascii_host(host)
    if ascii_host is None:
        return None
    return scheme, ascii_host, f":{port}" if port else "", rest


def _ascii_host(host: str) -> str | None:
    if host.startswith("["):
        try:
            return f"[{ipaddress.IPv6Address(host[1:-1])}]"
        except ValueError:
            return None
    if not host.isascii() or "xn--" in host.lower():
        import idna

        try:
            host = idna.encode(host, uts46=True).decode("ascii")
            idna.decode(host)  # a punycode label must decode to a valid name
        except (UnicodeError, ValueError):  # idna.IDNAError is a UnicodeError
            return None
    host = host.lower()
    return host if len(host) <= 253 and _HOST.fullmatch(host) else None


def _unicode_host(ascii_host: str) -> str:
    """The host as a person reads it (punycode labels decoded), or the ASCII form if unsafe."""
    if "xn--" not in ascii_host or ascii_host.startswith("["):
        return ascii_host
    try:
        import idna

        shown = idna.decode(ascii_host)
    except (UnicodeError, ValueError):
        return ascii_host
    return shown if clean_line(shown) == shown and not _URL_BAD.search(shown) else ascii_host


_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\.?")


def _dotted_ipv4(host: str) -> str | None:
    """'0xa9.0xfe.0xa9.0xfe', '2852039166' -> '169.254.169.254', as browsers and resolvers do."""
    if not _NUMERIC_HOST.fullmatch(host):
        return None
    try:
        return socket.inet_ntoa(socket.inet_aton(host.rstrip(".")))
    except OSError:
        return None


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode("utf-8", "surrogatepass"))


_NOT_VISIBLE_ASCII = re.compile(r"[^\x21-\x7e]+")


def display_url(url: str | None) -> str:
    """The URL as it must be shown before opening it: one line, nothing hidden.

    Openable: real scheme, host, port (a punycode host decoded plus its ASCII form in
    parentheses, so look-alike letters cannot pass for Latin; a numeric shorthand host plus its
    dotted IPv4 form), path/query with non-ASCII percent-encoded as the browser sends it.
    Anything else: every invisible or non-ASCII character percent-encoded.
    """
    if not url:
        return ""
    split = _split(ok, False) if (ok := openable_url(url)) else None
    if split is None:
        shown = _NOT_VISIBLE_ASCII.sub(_percent, url[: MAX_URL + 1])
        return shown if len(shown) <= MAX_URL else shown[:MAX_URL] + "…"
    scheme, ascii_host, port, rest = split
    host = _unicode_host(ascii_host)
    real = ascii_host if host != ascii_host else _dotted_ipv4(ascii_host)
    suffix = f" ({real})" if real and real != host else ""
    return f"{scheme}://{host}{port}{_NOT_VISIBLE_ASCII.sub(_percent, rest)}{suffix}"


def ascii_url(url: str | None) -> str | None:
    """An openable URL exactly as the browser requests it (IDNA host, non-ASCII %-encoded)."""
    if (split := _split(ok, False) if (ok := openable_url(url)) else None) is None:
        return None
    scheme, host, port, rest = split
    return f"{scheme}://{host}{port}{_NOT_VISIBLE_ASCII.sub(_percent, rest)}"
