"""HTTP/2 against HTTP/1.1 keep-alive for a refresh (issue 2's open question), over real TLS.

    .venv/bin/python bench/http2_bench.py [--sizes 200x50,50x20 --per-host 8,4 --runs 5
                                           --latency 0.05]

Needs the `bench` extra (hypercorn, trustme, h2): `.venv/bin/pip install -e '.[test,bench]'`.

Generates the fetch benchmark's feeds (bench/fetch/gen_feeds.py), makes a throwaway CA and a
certificate for 127.0.0.1 with trustme, and serves the feeds from a separate process with
hypercorn (bench/http2/serve_tls.py: ALPN h2 + http/1.1 on one port, a sleep per request,
ETag/304).  Verification stays on: clients trust the throwaway CA through an SSLContext.
Every run then fetches all feeds with a fresh client, as one refresh does, limited as
feeds/fetch.py limits them (concurrency 16, one per-host semaphore):
  fetcher h1   briefing_tui's Fetcher (HTTP/1.1 only), the baseline that plain httpx must match
  fetcher h1 drain304   the same with a 304's empty body read, so the connection is kept
  httpx h1     httpx.AsyncClient, stream + aiter_raw, HTTP/1.1
  httpx h2     the same client with http2=True (h2 package), negotiated by ALPN
cold = no validators (all 200), warm = If-None-Match from the cold pass (all 304).  The order
of the clients rotates each round.  Printed: medians of the runs for wall time, the
client's CPU (time.process_time of this process), the server's CPU, body and wire bytes
(TCP_INFO of each connection as it closes) and the number of connections opened, with CPU
and wall ratios against `httpx h1` in the same run.  The load average is printed because the
machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRAS = ("hypercorn", "trustme", "h2")
KINDS = ("fetcher h1", "fetcher h1 drain304", "httpx h1", "httpx h2")


def require_extras() -> None:
    missing = [name for name in EXTRAS if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"http2_bench: missing {', '.join(missing)} (the `bench` extra); install with "
            ".venv/bin/pip install -e '.[test,bench]'",
            file=sys.stderr,
        )
        sys.exit(2)


class Server:
    """serve_tls.py in its own process, so its CPU never counts as the client's."""

    def __init__(self, root: Path, chain: Path, key: Path, latency: float) -> None:
        cmd = [sys.executable, str(HERE / "http2" / "serve_tls.py"), str(root)]
        cmd += ["--cert", str(chain), "--key", str(key), "--latency", str(latency)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.isdigit():
            self.stop()
            raise SystemExit("http2_bench: the TLS server did not start")
        self.base = f"https://127.0.0.1:{line}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def make_tls(folder: Path) -> tuple[Path, Path, Path]:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_pem, chain, key = folder / "ca.pem", folder / "chain.pem", folder / "key.pem"
    ca.cert_pem.write_to_path(str(ca_pem))
    cert.private_key_pem.write_to_path(str(key))
    chain.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    return ca_pem, chain, key


async def one_pass(kind: str, urls, etags, cafile: str, per_host: int):
    from http2.clients import fetcher_pass, plain_pass

    if kind.startswith("fetcher"):
        drain = kind.endswith("drain304")
        return await fetcher_pass(urls, etags, cafile, per_host=per_host, drain_304=drain)
    return await plain_pass(urls, etags, cafile, http2=kind.endswith("h2"), per_host=per_host)


async def server_cpu(control, base: str) -> float:
    return float((await control.get(base + "/__cpu")).text)


async def measure(args, server: Server, cafile: str, sizes) -> dict:
    import ssl

    import httpx
    from http2.clients import install_wire_counter

    install_wire_counter()
    results: dict[tuple, list] = {}
    control = httpx.AsyncClient(verify=ssl.create_default_context(cafile=cafile), trust_env=False)
    try:
        for rnd in range(args.runs):
            kinds = KINDS[rnd % len(KINDS) :] + KINDS[: rnd % len(KINDS)]
            for feeds, items in sizes:
                urls = [f"{server.base}/{feeds}x{items}/{n}.xml" for n in range(feeds)]
                for per_host in args.per_host:
                    for kind in kinds:
                        etags: dict[str, str] = {}
                        for state, want in (("cold", 200), ("warm", 304)):
                            before = await server_cpu(control, server.base)
                            run = await one_pass(kind, urls, etags, cafile, per_host)
                            run.server_cpu = await server_cpu(control, server.base) - before
                            if run.statuses != {want: feeds}:
                                raise SystemExit(f"{kind} {state}: statuses {run.statuses}")
                            etags = run.etags
                            key = (f"{feeds}x{items}", per_host, state, kind)
                            results.setdefault(key, []).append(run)
            print(f"  round {rnd + 1}/{args.runs} done, load {load()}", file=sys.stderr)
    finally:
        await control.aclose()
    return results


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def med(runs, attr: str) -> float:
    return statistics.median(getattr(run, attr) for run in runs)


def table(results: dict) -> str:
    head = (
        "| feeds x items | per_host | state | client | protocol | wall s | CPU s | CPU vs h1 "
        "| wall vs h1 | server CPU s | body kB | wire in kB | wire out kB | conns |"
    )
    lines = [head, "|" + "---|" * 4 + "---|" + "---:|" * 9]
    for (size, per_host, state, kind), runs in results.items():
        base = results[(size, per_host, state, "httpx h1")]
        protos = " ".join(sorted(set().union(*(run.protos for run in runs))))
        cells = [size, str(per_host), state, kind, protos]
        cells += [f"{med(runs, 'wall'):.3f}", f"{med(runs, 'cpu'):.3f}"]
        cells += [f"{med(runs, 'cpu') / med(base, 'cpu'):.2f}x"]
        cells += [f"{med(runs, 'wall') / med(base, 'wall'):.2f}x"]
        cells += [f"{med(runs, 'server_cpu'):.3f}", f"{med(runs, 'body') / 1000:.0f}"]
        cells += [f"{med(runs, 'wire_in') / 1000:.0f}", f"{med(runs, 'wire_out') / 1000:.1f}"]
        cells += [f"{med(runs, 'conns'):.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200x50,50x20", help="feeds x items, comma-separated")
    ap.add_argument("--per-host", default="8,4", help="per_host values (4 = the default)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--latency", type=float, default=0.05, help="server seconds per request")
    args = ap.parse_args()
    args.per_host = [int(x) for x in args.per_host.split(",")]
    return args


def main() -> None:
    require_extras()
    args = parse_args()
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE / "fetch"))
    from gen_feeds import write_feeds

    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="http2-bench-") as tmp:
        root = Path(tmp) / "feeds"
        for feeds, items in sizes:
            write_feeds(root / f"{feeds}x{items}", feeds, items)
        cafile, chain, key = make_tls(Path(tmp))
        server = Server(root, chain, key, args.latency)
        start = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        head = f"{start}, load before {load()}; {args.runs} runs, latency {args.latency} s"
        print(head, flush=True)
        try:
            results = asyncio.run(measure(args, server, str(cafile), sizes))
        finally:
            server.stop()
    print(f"medians of {args.runs} runs, concurrency 16; load after {load()}\n")
    print(table(results))


if __name__ == "__main__":
    main()
