"""`briefing facts`: the public JSON shape, the table, HTML input, stdin, and exit 2 on a
missing file; both through run() and through the real entry point in a subprocess."""

import argparse
import io
import json
import os
import subprocess
import sys

from briefing_tui.cli.facts_cmd import JSON_FIELDS, add_parser, run

TEXT = "Police arrested 37 demonstrators. At least 18 people were killed, including 4 children.\n"


def test_json_fields_are_exact(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(argparse.Namespace(path=str(path), json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert [tuple(d) for d in data] == [JSON_FIELDS] * 3
    assert set(JSON_FIELDS) == {
        "category", "value", "approx", "raw", "who", "sentence",
        "sentence_start", "sentence_end", "start", "end",
    }  # fmt: skip
    assert [(d["category"], d["value"], d["approx"], d["who"]) for d in data] == [
        ("arrests", 37, "exact", "demonstrators"),
        ("deaths", 18, "at_least", "people"),
        ("deaths", 4, "exact", "children"),
    ]
    for d in data:
        assert TEXT[d["start"] : d["end"]] == d["raw"]
        assert TEXT[d["sentence_start"] : d["sentence_end"]] == d["sentence"]


def test_table_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT))
    assert run(argparse.Namespace(path="-", json=False)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["category", "figure", "who", "sentence"]
    assert out[1].split()[:3] == ["arrests", "37", "demonstrators"]
    assert "At least 18" in out[2] and "people" in out[2]


def test_html_input_is_converted(tmp_path, capsys):
    path = tmp_path / "a.html"
    path.write_text("<html><body><p>Police <b>arrested</b> 37 demonstrators.</p></body></html>")
    assert run(argparse.Namespace(path=str(path), json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["category"], d["value"]) for d in data] == [("arrests", 37)]
    assert "<" not in data[0]["sentence"]


def test_no_facts_json_is_empty_array(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Nothing happened on March 3, 2024.")
    assert run(argparse.Namespace(path=str(path), json=True)) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_file_is_one_line_exit_2(tmp_path, capsys):
    assert run(argparse.Namespace(path=str(tmp_path / "nope.txt"), json=False)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err


def test_add_parser_registers_facts():
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["facts", "--json", "x.txt"])
    assert (args.path, args.json, args.func) == ("x.txt", True, run)
    assert parser.parse_args(["facts"]).path == "-"


def _briefing(*argv, stdin=""):
    """The real entry point: `python -m briefing_tui` runs the same main() as `briefing`."""
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )


def test_entry_point_json_from_stdin():
    proc = _briefing("facts", "--json", "-", stdin=TEXT)
    assert proc.returncode == 0, proc.stderr
    assert [d["value"] for d in json.loads(proc.stdout)] == [37, 18, 4]


def test_entry_point_missing_file(tmp_path):
    proc = _briefing("facts", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "missing.txt" in proc.stderr
