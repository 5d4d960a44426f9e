"""Serve a folder of feed files on 127.0.0.1 for the benchmark, in its own process.

    python bench/fetch/serve.py FOLDER [--latency SECONDS]    (prints the port, then serves)

HTTP/1.1 keep-alive, a thread per connection, an optional sleep per request, and conditional
GET: ETag (a hash of the file) and Last-Modified (its mtime), answered with 304.  Files are
re-read when they change, so the benchmark can rewrite them between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CACHE: dict[str, tuple[float, bytes, str, str]] = {}


def load(path: Path) -> tuple[bytes, str, str] | None:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    hit = CACHE.get(path.name)
    if hit is None or hit[0] != mtime:
        body = path.read_bytes()
        etag = '"' + hashlib.blake2s(body, digest_size=8).hexdigest() + '"'
        hit = (mtime, body, etag, formatdate(mtime, usegmt=True))
        CACHE[path.name] = hit
    return hit[1], hit[2], hit[3]


def make_handler(folder: Path, latency: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            if latency:
                time.sleep(latency)
            found = load(folder / Path(self.path.split("?")[0]).name)
            if found is None:
                self.send_error(404)
                return
            body, etag, modified = found
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if inm == etag or (inm is None and ims == modified):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--latency", type=float, default=0.0)
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.folder, args.latency))
    server.daemon_threads = True
    server.request_queue_size = 256
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
