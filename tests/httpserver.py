"""A real HTTP server on 127.0.0.1 for tests: no mocks between our fetcher and a socket.

Reusable by any test directory (tests/ is on sys.path because tests/conftest.py has no
package): `from httpserver import LoopbackServer, serve` and use the `serve()` context manager,
or the `http_server` fixture defined in tests/feeds/conftest.py.

    with serve() as srv:
        srv.add("/feed.xml", body, etag='"v1"', content_type="application/rss+xml")
        srv.redirect("/old", "/feed.xml", status=301)
        srv.route("/custom")(lambda h: h.send_error(500))
        url = srv.url("/feed.xml"); srv.hits("/feed.xml"); srv.requests[-1].headers

Threaded (one thread per connection, daemon), so a slow-drip handler cannot block others.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    client: tuple[str, int] = ("", 0)
    """The client's address: one (host, port) per TCP connection."""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets and aborted slow-drips are the point of many tests


@dataclass
class LoopbackServer:
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    latency: float = 0.0
    _httpd: ThreadingHTTPServer | None = None

    # -- lifecycle
    def start(self) -> LoopbackServer:
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                path = self.path.split("?", 1)[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.requests.append(Request(path, headers, tuple(self.client_address)))
                if server.latency:
                    time.sleep(server.latency)
                handler = server.routes.get(path)
                if handler is None:
                    self.send_error(404)
                    return
                try:
                    handler(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = _QuietServer(("127.0.0.1", 0), _H)
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    # -- routes
    def route(self, path: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self.routes[path] = fn
            return fn

        return register

    def add(
        self,
        path: str,
        body: bytes,
        *,
        status: int = 200,
        content_type: str = "application/xml",
        etag: str | None = None,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """A static document with optional validators; conditional requests get a 304."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            inm, ims = h.headers.get("If-None-Match"), h.headers.get("If-Modified-Since")
            if (etag and inm == etag) or (last_modified and not inm and ims == last_modified):
                h.send_response(304)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            h.send_response(status)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(body)))
            if etag:
                h.send_header("ETag", etag)
            if last_modified:
                h.send_header("Last-Modified", last_modified)
            for key, value in (headers or {}).items():
                h.send_header(key, value)
            h.end_headers()
            h.wfile.write(body)

        self.routes[path] = handler

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        def handler(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = handler

    def drip(self, path: str, interval: float = 0.2, prefix: bytes = b"<rss>") -> None:
        """Headers at once, then one byte every `interval` seconds, forever (slowloris body)."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            h.wfile.write(b"%x\r\n%s\r\n" % (len(prefix), prefix))
            while not self.stopping.wait(interval):
                h.wfile.write(b"1\r\n \r\n")
                h.wfile.flush()

        self.routes[path] = handler

    def reset(self, path: str) -> None:
        """Accept the request, then drop the connection with an RST and no response."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            h.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            h.connection.close()
            h.close_connection = True

        self.routes[path] = handler


@contextlib.contextmanager
def serve() -> Iterator[LoopbackServer]:
    server = LoopbackServer().start()
    try:
        yield server
    finally:
        server.stop()
