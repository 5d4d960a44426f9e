"""The `briefing` command: parse arguments, load settings, run one subcommand, map errors to exits.

Exit statuses: 0 success; 1 an error the user can act on (bad config, unusable store, unknown
article); 2 bad command-line input (unknown command, bad URL, missing or unreadable file, bad
OPML); 130 interrupted.  Expected errors print one line, `briefing: error: ...`, never a
traceback.  Only argparse and the error types are imported here, so `briefing --help` and
scripted calls start fast; each command imports what it needs (rich, textual, httpx) itself.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing_tui import __version__
from briefing_tui.errors import BriefingError, UsageError

PROG = "briefing"


class _Parser(argparse.ArgumentParser):
    """argparse with our one-line error format; exits 2 on bad input like argparse does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{PROG}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from briefing_tui.cli import articles_cmd, feeds_cmd, fetch_cmd

    # --home before or after the subcommand: the subcommand copy must not reset the main one.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=_HOME_HELP)
    parser = _Parser(
        prog=PROG,
        description="A terminal news reader with a fact sidebar. "
        "Without a command, opens the reader (or lists headlines when not on a terminal).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--home", metavar="DIR", default=None, help=_HOME_HELP)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (feeds_cmd, fetch_cmd, articles_cmd):
        module.add_parsers(subs, [common])
    _add_facts_parser(subs, common)
    return parser


_EPILOG = """\
Every --json output is a JSON array of objects.  `briefing COMMAND --help` for details.

exit status: 0 done (also when some feeds failed to refresh), 1 error (config, store,
unknown article), 2 bad command-line input, 130 interrupted.
environment: BRIEFING_HOME=DIR works like --home DIR."""

_HOME_HELP = "keep config and data under DIR (default: $BRIEFING_HOME, else the user dirs)"


def _add_facts_parser(subs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`briefing facts ...` lives in facts_cmd.py (written by the facts side); optional."""
    try:
        from briefing_tui.cli import facts_cmd
    except ModuleNotFoundError as exc:
        if exc.name != "briefing_tui.cli.facts_cmd":
            raise
        return
    before = set(subs.choices)
    facts_cmd.add_parser(subs)
    for name in set(subs.choices) - before:
        sub = subs.choices[name]
        if "--home" not in sub._option_string_actions:
            sub.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=_HOME_HELP)
        sub.set_defaults(handler=_run_facts, parser=sub)


def _run_facts(ctx: object, args: argparse.Namespace) -> int:
    from briefing_tui.cli import facts_cmd

    return facts_cmd.run(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _dispatch(args)
    except UsageError as exc:
        getattr(args, "parser", parser).print_usage(sys.stderr)
        return _fail(exc)
    except BriefingError as exc:
        return _fail(exc)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `briefing articles | head`: the reader left, nothing to report
        _silence_stdout()
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    from briefing_tui.cli.context import Context

    ctx = Context.create(args.home)
    try:
        if getattr(args, "handler", None) is None:
            from briefing_tui.cli.articles_cmd import run_default

            return run_default(ctx, args)
        return args.handler(ctx, args)
    finally:
        ctx.close()


def _fail(exc: BriefingError) -> int:
    message = " ".join(str(exc).split()) or type(exc).__name__
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return exc.exit_code


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
