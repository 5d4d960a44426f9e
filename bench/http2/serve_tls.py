"""TLS feed server for bench/http2_bench.py: HTTP/1.1 and HTTP/2 on one port (ALPN).

    python bench/http2/serve_tls.py ROOT --cert CHAIN.pem --key KEY.pem [--latency 0.05]

Prints the port, then serves every *.xml under ROOT at its relative path (/big/0.xml) from
memory, with an ETag (hash of the body) and Last-Modified, answering a matching If-None-Match
(or If-Modified-Since) with 304 like bench/fetch/serve.py.  Each request first sleeps
`--latency` seconds (a remote server's think time).  GET /__cpu returns this process's CPU
seconds, so the benchmark can report the server's share of the work.

Why hypercorn: it is a maintained ASGI server that negotiates h2 or http/1.1 by ALPN on the
same socket, so both protocols meet the same server code, latency and TLS stack.  It is a
Python server: its own CPU per request is reported, not hidden.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import socket
import time
from email.utils import formatdate
from pathlib import Path

from hypercorn.asyncio import serve
from hypercorn.config import Config


def load_files(root: Path) -> dict[str, tuple[bytes, bytes, bytes]]:
    """Path -> (body, etag, last-modified), all read once: the benchmark never rewrites them."""
    files = {}
    for path in sorted(root.rglob("*.xml")):
        body = path.read_bytes()
        etag = '"' + hashlib.blake2s(body, digest_size=8).hexdigest() + '"'
        modified = formatdate(path.stat().st_mtime, usegmt=True)
        files["/" + path.relative_to(root).as_posix()] = (body, etag.encode(), modified.encode())
    return files


def make_app(files: dict[str, tuple[bytes, bytes, bytes]], latency: float):
    async def respond(send, status: int, headers: list, body: bytes = b"") -> None:
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def lifespan(receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def app(scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["path"] == "/__cpu":
            await respond(send, 200, [], repr(time.process_time()).encode())
            return
        if latency:
            await asyncio.sleep(latency)
        found = files.get(scope["path"])
        if found is None:
            await respond(send, 404, [])
            return
        body, etag, modified = found
        asked = dict(scope["headers"])
        inm, ims = asked.get(b"if-none-match"), asked.get(b"if-modified-since")
        if inm == etag or (inm is None and ims == modified):
            await respond(send, 304, [(b"etag", etag)])
            return
        headers = [
            (b"content-type", b"application/xml"),
            (b"etag", etag),
            (b"last-modified", modified),
        ]
        await respond(send, 200, headers, body)

    return app


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--latency", type=float, default=0.05)
    args = ap.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.certfile, config.keyfile = args.cert, args.key  # ALPN: ["h2", "http/1.1"]
    config.keep_alive_timeout = 60  # a slow run must not see its idle connections closed
    config.backlog = 256
    config.accesslog = None
    config.loglevel = "WARNING"
    print(sock.getsockname()[1], flush=True)
    asyncio.run(serve(make_app(load_files(args.root), args.latency), config))


if __name__ == "__main__":
    main()
