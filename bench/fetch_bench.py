"""Fetch benchmark: `briefing fetch` against newsboat on the same synthetic feeds, same run.

    .venv/bin/python bench/fetch_bench.py [--feeds 200 --items 50 --latency 0.05 --runs 3]

Generates N feeds x M items (bench/fetch/gen_feeds.py), serves them from a separate process on
127.0.0.1 (bench/fetch/serve.py: per-request latency, ETag/Last-Modified/304), then for each run
times, in a fresh home:
  cold    first fetch into an empty cache
  warm    nothing changed: every feed answers 304 (briefing: from its 2nd fetch on; newsboat
          stores validators on its 2nd reload only, so it gets one untimed priming reload)
  update  every feed has 10 % new items
and, for briefing only, the fact index pass that follows a fetch (`briefing index`: the fact
badges and the search index of what the fetch stored; the reader runs it itself when it needs
it).  The rows "cold+index" and "update+index" add it to the fetch and compare the sum with
newsboat's reload, which has no such step.
Each timed command runs in a subprocess; wall time, CPU (user+sys of the process tree) and the
peak RSS of its largest process (getrusage of children) are recorded.  Medians are printed
with ratios briefing/newsboat.  newsboat runs with `reload-threads 8` when it is installed.
Targets (200x50, 50 ms): cold <= newsboat, warm <= 0.5x newsboat, peak RSS < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVE = HERE / "fetch" / "serve.py"
sys.path.insert(0, str(HERE / "fetch"))
from gen_feeds import write_feeds  # noqa: E402

MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024,
                  "rc": proc.returncode, "out": proc.stdout.decode(errors="replace")[-400000:],
                  "err": proc.stderr.decode(errors="replace")[-2000:]}))
"""


def measure(cmd: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], env=env, capture_output=True, check=True
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"command failed ({result['rc']}): {' '.join(cmd)}\n{result['err']}")
    return result


class Server:
    def __init__(self, folder: Path, latency: float) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "fetch" / "serve.py"),
                str(folder),
                "--latency",
                str(latency),
            ],
            stdout=subprocess.PIPE,
        )
        self.port = int(self.proc.stdout.readline())

    def urls(self, feeds: int) -> list[str]:
        return [f"http://127.0.0.1:{self.port}/{i}.xml" for i in range(feeds)]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def briefing_case(home: Path, env: dict[str, str], expect: str) -> dict:
    cmd = [sys.executable, "-m", "briefing_tui", "--home", str(home), "fetch", "--json"]
    result = measure(cmd, env)
    outcomes = json.loads(result["out"])
    statuses = {o["status"] for o in outcomes}
    if statuses != {expect}:
        bad = [o for o in outcomes if o["status"] != expect][:3]
        print(f"  warning: briefing expected all {expect}, got {statuses}: {bad}", file=sys.stderr)
    result["new"] = sum(o.get("new", 0) for o in outcomes)
    return result


def run_briefing(work: Path, server: Server, args: argparse.Namespace, env: dict) -> dict:
    home = work / "briefing-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    (home / "config.toml").write_text(f"[fetch]\nper_host = {args.per_host}\n")
    urls = home / "urls"
    urls.write_text("\n".join(server.urls(args.feeds)) + "\n")
    base = [sys.executable, "-m", "briefing_tui", "--home", str(home)]
    subprocess.run([*base, "import", str(urls)], env=env, check=True, capture_output=True)
    cold = briefing_case(home, env, "updated")
    index = index_case(home, env)
    return {"cold": cold, "index": index, "warm": briefing_case(home, env, "not_modified")}


def index_case(home: Path, env: dict[str, str]) -> dict:
    cmd = [sys.executable, "-m", "briefing_tui", "--home", str(home), "index", "--json"]
    result = measure(cmd, env)
    result["indexed"] = {o["index"]: o["articles"] for o in json.loads(result["out"])}
    return result


def _plus(a: dict, b: dict) -> dict:
    """Two commands run one after the other: times add up, peak memory is the larger."""
    return {
        "wall": a["wall"] + b["wall"],
        "cpu": a["cpu"] + b["cpu"],
        "rss_mb": max(a["rss_mb"], b["rss_mb"]),
    }


def run_newsboat(work: Path, server: Server, args: argparse.Namespace, env: dict) -> dict:
    nb = work / "newsboat"
    shutil.rmtree(nb, ignore_errors=True)
    nb.mkdir()
    (nb / "config").write_text("reload-threads 8\n")
    (nb / "urls").write_text("\n".join(server.urls(args.feeds)) + "\n")
    cmd = [
        "newsboat",
        "-x",
        "reload",
        "-C",
        str(nb / "config"),
        "-c",
        str(nb / "cache.db"),
        "-u",
        str(nb / "urls"),
    ]
    nb_env = {**env, "HOME": str(nb)}
    cold = measure(cmd, nb_env)
    measure(cmd, nb_env)  # priming: newsboat saves validators on its 2nd reload
    return {"cold": cold, "warm": measure(cmd, nb_env), "cmd": cmd, "env": nb_env}


def one_run(work: Path, args: argparse.Namespace, newsboat: bool) -> dict:
    feeds_dir = work / "feeds"
    shutil.rmtree(feeds_dir, ignore_errors=True)
    size = write_feeds(feeds_dir, args.feeds, args.items)
    server = Server(feeds_dir, args.latency)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING")}
    try:
        ours = run_briefing(work, server, args, env)
        theirs = run_newsboat(work, server, args, env) if newsboat else None
        write_feeds(feeds_dir, args.feeds, args.items, update=True)
        home = work / "briefing-home"
        ours["update"] = briefing_case(home, env, "updated")
        ours["update_index"] = index_case(home, env)
        if theirs:
            theirs["update"] = measure(theirs["cmd"], theirs["env"])
            theirs["cold+index"], theirs["update+index"] = theirs["cold"], theirs["update"]
        ours["cold+index"] = _plus(ours["cold"], ours["index"])
        ours["update+index"] = _plus(ours["update"], ours["update_index"])
    finally:
        server.stop()
    return {"briefing": ours, "newsboat": theirs, "bytes": size}


def med(runs: list[dict], tool: str, case: str, key: str) -> float | None:
    values = [r[tool][case][key] for r in runs if r[tool]]
    return statistics.median(values) if values else None


def report(runs: list[dict], args: argparse.Namespace) -> None:
    mb = runs[0]["bytes"] / 1e6
    print(
        f"\nfetch benchmark: {args.feeds} feeds x {args.items} items ({mb:.1f} MB), "
        f"latency {args.latency * 1000:.0f} ms, per_host {args.per_host}, "
        f"medians of {len(runs)} runs, {os.cpu_count()} cores\n"
    )
    head = f"{'case':<14}{'briefing s':>12}{'newsboat s':>12}{'ratio':>8}"
    head += f"{'briefing cpu':>14}{'newsboat cpu':>14}{'briefing MB':>13}{'newsboat MB':>13}"
    print(head)
    print("-" * len(head))
    for case in ("cold", "cold+index", "warm", "update", "update+index"):
        ours, theirs = med(runs, "briefing", case, "wall"), med(runs, "newsboat", case, "wall")
        ratio = f"{ours / theirs:.2f}x" if theirs else "-"
        row = f"{case:<14}{ours:>12.2f}{_fmt(theirs, 12)}{ratio:>8}"
        row += _fmt(med(runs, "briefing", case, "cpu"), 14)
        row += _fmt(med(runs, "newsboat", case, "cpu"), 14)
        row += _fmt(med(runs, "briefing", case, "rss_mb"), 13, ".0f")
        row += _fmt(med(runs, "newsboat", case, "rss_mb"), 13, ".0f")
        print(row)
    new = [r["briefing"]["update"]["new"] for r in runs]
    expected = args.feeds * max(1, args.items // 10)
    print(f"\nupdate: briefing stored {new} new articles (expected {expected} per run)")
    for case in ("index", "update_index"):
        done = [r["briefing"][case]["indexed"] for r in runs]
        print(f"{case}: median {med(runs, 'briefing', case, 'wall'):.2f} s, indexed {done}")
    print("x+index: the fetch, then `briefing index` (fact badges + search index); newsboat: x")
    print("peak MB = largest single process of the command (getrusage RUSAGE_CHILDREN)")


def _fmt(value: float | None, width: int, spec: str = ".2f") -> str:
    return f"{value:>{width}{spec}}" if value is not None else f"{'-':>{width}}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--per-host", type=int, default=8, help="[fetch] per_host for briefing")
    ap.add_argument("--no-newsboat", action="store_true")
    args = ap.parse_args()
    newsboat = not args.no_newsboat and shutil.which("newsboat") is not None
    if not newsboat:
        print("newsboat not found (apt-get install newsboat): no baseline", file=sys.stderr)
    runs = []
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        for i in range(args.runs):
            print(f"run {i + 1}/{args.runs}...", file=sys.stderr)
            runs.append(one_run(Path(tmp), args, newsboat))
    report(runs, args)


if __name__ == "__main__":
    main()
