"""Bad input and bad config through the real entry point: one line, the right exit status."""

import subprocess
import sys

import pytest

from briefing_tui.cli import main


def test_unknown_command_is_a_usage_error(briefing, error_line):
    proc = briefing("frobnicate")
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: briefing")
    error_line(proc.stderr, "invalid choice", "frobnicate")


@pytest.mark.parametrize(
    "url", ["ftp://example.org/feed", "example.org/rss", "https://", "javascript:alert(1)"]
)
def test_add_with_a_bad_url_is_a_usage_error(home, capsys, error_line, url):
    assert main(["add", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: briefing add")
    error_line(err, "not a feed URL")
    assert not (home / "briefing.db").exists(), "bad input must not create a store"


def test_import_of_a_missing_file_is_a_usage_error(tmp_path, capsys, error_line):
    assert main(["import", str(tmp_path / "nope.opml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: briefing import")
    error_line(err, "nope.opml", "no such file")


def test_import_of_a_directory_is_a_usage_error(tmp_path, capsys, error_line):
    assert main(["import", str(tmp_path)]) == 2
    error_line(capsys.readouterr().err, "directory")


@pytest.mark.parametrize(
    "content, needle",
    [
        ("<opml><body><outline text='x' xmlUrl='https://a.example/'>", "invalid XML at line 1"),
        ("<html><body>hi</body></html>", "not an OPML document"),
        ('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml/>', "DOCTYPE"),
        ("just some words\nand more\n", "no feed URLs found"),
    ],
)
def test_import_of_a_bad_file_is_a_usage_error(tmp_path, capsys, error_line, content, needle):
    path = tmp_path / "subs.opml"
    path.write_text(content)
    assert main(["import", str(path)]) == 2
    error_line(capsys.readouterr().err, "subs.opml", needle)


def test_bad_opml_via_the_real_entry_point(tmp_path, briefing, error_line):
    path = tmp_path / "broken.opml"
    path.write_text("<opml><body><outline")
    proc = briefing("import", str(path))
    assert proc.returncode == 2
    assert "usage: briefing import" in proc.stderr
    error_line(proc.stderr, "broken.opml", "invalid XML")


@pytest.mark.parametrize(
    "args",
    [
        ["articles", "--limit", "0"],
        ["articles", "--limit", "x"],
        ["articles", "--limit", "9" * 30],
        ["show", "abc"],
        ["show", "-3"],
        ["show", "9" * 30],
        ["show"],
    ],
)
def test_bad_arguments_exit_2(capsys, error_line, args):
    assert main(args) == 2
    error_line(capsys.readouterr().err)


def test_invalid_toml_names_file_and_line(home, briefing, error_line):
    (home / "config.toml").write_text('[general]\ntheme = "dark"\nthis is not toml\n')
    proc = briefing("feeds")
    assert proc.returncode == 1
    line = error_line(proc.stderr, str(home / "config.toml"), "line 3", "move the file aside")
    assert "usage:" not in proc.stderr, line


def test_unknown_config_key_is_named_with_a_hint(home, capsys, error_line):
    (home / "config.toml").write_text("[fetch]\nconcurrancy = 4\n")
    assert main(["export"]) == 1
    error_line(capsys.readouterr().err, "fetch.concurrancy", "concurrency", "fix or remove it")


def test_home_option_before_or_after_the_command_wins_over_the_environment(
    tmp_path, capsys, error_line
):
    bad = tmp_path / "elsewhere"
    bad.mkdir()
    (bad / "config.toml").write_text("[nope]\n")
    for args in (["--home", str(bad), "feeds"], ["feeds", "--home", str(bad)]):
        assert main(args) == 1
        error_line(capsys.readouterr().err, str(bad / "config.toml"), "[nope]")


def test_help_and_version_exit_0(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("add", "remove", "feeds", "fetch", "import", "export", "articles", "show"):
        assert command in out
    assert main(["--version"]) == 0
    assert "briefing 0.1.0" in capsys.readouterr().out


def test_cli_startup_does_not_import_heavy_modules():
    code = (
        "import sys\n"
        "from briefing_tui.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('textual', 'rich', 'httpx', 'feedparser', 'sqlite3')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unusable_home_or_database_is_one_line_exit_1(tmp_path, home, capsys, error_line):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["--home", str(blocker / "sub"), "feeds"]) == 1
    error_line(capsys.readouterr().err, str(blocker))
    (home / "briefing.db").mkdir()
    assert main(["articles"]) == 1
    error_line(capsys.readouterr().err, "briefing.db")


def test_data_folder_that_cannot_be_created_is_a_store_error(tmp_path):
    from pathlib import Path

    from briefing_tui.cli.context import Context
    from briefing_tui.errors import StoreError
    from briefing_tui.paths import Paths
    from briefing_tui.services.settings import Settings

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    ctx = Context(Paths(tmp_path, Path(blocker / "data")), Settings())
    with pytest.raises(StoreError, match="cannot create"):
        ctx.library()


def test_console_script_is_briefing_cli_main():
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="briefing")
    assert script.value == "briefing_tui.cli:main"
    assert script.load() is main
