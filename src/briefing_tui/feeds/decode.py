"""Reading a response body with hard limits, whatever the server claims.

httpx would inflate `Content-Encoding: gzip, gzip, gzip` with no layer limit, in chunks of up
to 100 MiB (SECURITY.md finding 8).  So the fetcher reads `aiter_raw()` and this module
inflates it: ONE coding at most (gzip or deflate; stacked codings are refused), and every
`decompress` call is bounded by `max_length` = what is left under the cap plus one byte.
Memory is therefore bounded by the cap, even for a 2 kB double-gzip that would expand to 1 GiB:
declared twice it is refused; declared once, only the outer layer is inflated and the inner
gzip stays opaque bytes (which the cap and then the parser reject).
"""

from __future__ import annotations

import zlib

import httpx

from briefing_tui.sanitize import clean_line


class Refused(Exception):
    """A response we will not read further; the message is the user-facing reason."""


async def read_body(resp: httpx.Response, cap: int) -> bytes:
    """Read and decode the body with running caps on wire and decoded bytes."""
    length = resp.headers.get("content-length", "")
    if length.isdigit() and int(length) > cap:
        raise Refused(f"response is larger than the {cap // 1024} kB limit")
    decoder = _Decoder(resp.headers.get("content-encoding", ""), cap)
    wire = 0
    async for chunk in resp.aiter_raw():
        wire += len(chunk)
        if wire > cap:
            raise Refused(f"response is larger than the {cap // 1024} kB limit")
        decoder.feed(chunk)
    return decoder.finish()


DRAIN_LIMIT = 64 * 1024
"""Bytes of a 304, redirect or error body read only so the connection can be reused."""


async def drain(resp: httpx.Response) -> None:
    """Read a body we do not use to its end, so httpcore keeps the connection alive.

    httpcore reuses a connection only once its response was read to the end: returning
    without reading even an empty 304 body closed it, and a warm refresh opened one
    connection per feed instead of per_host.  A body over DRAIN_LIMIT is abandoned (the
    connection closes, as before); the fetch's deadline still bounds a slow one."""
    read = 0
    async for chunk in resp.aiter_raw():
        read += len(chunk)
        if read > DRAIN_LIMIT:
            return


class _Decoder:
    """At most one content coding, inflated with a bounded output per step."""

    def __init__(self, header: str, cap: int) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise Refused("refused stacked Content-Encoding: " + clean_line(header, 60))
        self.coding = codings[0] if codings else ""
        if self.coding not in ("", "gzip", "x-gzip", "deflate"):
            raise Refused("unsupported Content-Encoding: " + clean_line(self.coding, 40))
        self.cap = cap
        self.out = bytearray()
        self.raw_deflate = False
        self.z = self._new()

    def _new(self):  # noqa: ANN202 - zlib's Decompress type is not importable
        if self.coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self.coding == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if self.raw_deflate else zlib.MAX_WBITS)
        return None

    def feed(self, data: bytes) -> None:
        if self.z is None:
            self.out += data
        else:
            self._inflate(data)
        if len(self.out) > self.cap:
            raise Refused(f"decoded response is larger than the {self.cap // 1024} kB limit")

    def _inflate(self, data: bytes) -> None:
        while data:
            try:
                piece = self.z.decompress(data, self.cap - len(self.out) + 1)
            except zlib.error:
                if self.coding == "deflate" and not self.raw_deflate and not self.out:
                    self.raw_deflate = True  # some servers send deflate without zlib header
                    self.z = self._new()
                    piece = self.z.decompress(data, self.cap - len(self.out) + 1)
                else:
                    raise
            self.out += piece
            if len(self.out) > self.cap:
                return
            data = self.z.unconsumed_tail
            if self.z.eof:
                data = self.z.unused_data  # concatenated gzip members
                if data.strip(b"\0"):
                    self.z = self._new()
                else:
                    return

    def finish(self) -> bytes:
        if self.z is not None and not self.z.eof and self.out:
            self.out += self.z.flush()[: self.cap - len(self.out) + 1]
        if len(self.out) > self.cap:
            raise Refused(f"decoded response is larger than the {self.cap // 1024} kB limit")
        return bytes(self.out)
