"""add / remove / feeds / import / export through `main()` and the real entry point."""

from briefing_tui.cli import main

FEED_KEYS = [
    "id", "title", "url", "site_url", "tags", "articles", "unread",
    "last_attempt", "last_success", "last_error", "failures", "retry_after",
]  # fmt: skip


def feeds_json(capsys, json_array):
    capsys.readouterr()
    assert main(["feeds", "--json"]) == 0
    return json_array(capsys.readouterr().out)


def test_add_then_feeds_json(home, capsys, json_array):
    assert main(["add", "https://news.example/rss", "--title", "News", "--tag", "world",
                 "--tag", "long tag"]) == 0  # fmt: skip
    assert "added News (id 1)" in capsys.readouterr().out
    (feed,) = feeds_json(capsys, json_array)
    assert list(feed) == FEED_KEYS
    assert feed["title"] == "News"
    assert feed["url"] == "https://news.example/rss"
    assert feed["tags"] == ["world", "long tag"]
    assert (feed["articles"], feed["unread"], feed["last_success"], feed["last_error"]) == (
        0, 0, None, None,
    )  # fmt: skip


def test_adding_twice_keeps_one_feed_and_merges_tags(home, capsys, json_array):
    assert main(["add", "https://a.example/feed", "--tag", "x"]) == 0
    assert main(["add", "https://a.example/feed", "--tag", "y"]) == 0
    assert "already subscribed" in capsys.readouterr().out
    (feed,) = feeds_json(capsys, json_array)
    assert feed["tags"] == ["x", "y"]


def test_remove_by_url_id_or_title(home, capsys, json_array):
    for url, title in [("https://a.example/", "Alpha"), ("https://b.example/", "Beta"),
                       ("https://c.example/", "Gamma")]:  # fmt: skip
        assert main(["add", url, "--title", title]) == 0
    assert main(["remove", "https://a.example/"]) == 0
    assert main(["remove", "beta"]) == 0  # titles match case-insensitively
    assert main(["remove", "3"]) == 0
    out = capsys.readouterr().out
    assert "removed Alpha" in out and "removed Beta" in out and "removed Gamma" in out
    assert feeds_json(capsys, json_array) == []


def test_remove_unknown_feed_is_a_usage_error(home, capsys, error_line):
    assert main(["remove", "https://nowhere.example/"]) == 2
    error_line(capsys.readouterr().err, "no feed matches")


def test_feeds_plain_output_is_tab_separated(home, capsys):
    main(["add", "https://a.example/", "--title", "A", "--tag", "t1", "--tag", "t2"])
    capsys.readouterr()
    assert main(["feeds"]) == 0
    assert capsys.readouterr().out == "1\tA\thttps://a.example/\tt1,t2\t0\t0\t\t\n"


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="World">
    <outline text="Wire" title="The Wire" xmlUrl="https://wire.example/rss"/>
    <outline text="Desk" xmlUrl="https://desk.example/atom" category="breaking,night shift"/>
  </outline>
  <outline text="bad" xmlUrl="javascript:alert(1)"/>
</body></opml>
"""


def test_import_opml_then_export_round_trip(home, tmp_path, capsys, json_array):
    src = tmp_path / "in.opml"
    src.write_text(OPML)
    assert main(["import", str(src)]) == 0
    captured = capsys.readouterr()
    assert "imported 2 feeds from OPML file" in captured.out
    assert "javascript" in captured.err and "skipped" in captured.err
    feeds = {f["url"]: (f["title"], f["tags"]) for f in feeds_json(capsys, json_array)}
    assert feeds == {
        "https://wire.example/rss": ("The Wire", ["World"]),
        "https://desk.example/atom": ("Desk", ["World", "breaking", "night shift"]),
    }
    assert main(["export"]) == 0
    exported = capsys.readouterr().out
    assert exported.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')

    # A second home imports the export and ends up with the same titles, URLs and tags.
    other = tmp_path / "other"
    (tmp_path / "out.opml").write_text(exported)
    assert main(["--home", str(other), "import", str(tmp_path / "out.opml")]) == 0
    capsys.readouterr()
    assert main(["--home", str(other), "feeds", "--json"]) == 0
    again = {f["url"]: (f["title"], f["tags"]) for f in json_array(capsys.readouterr().out)}
    assert again == feeds


def test_import_newsboat_urls_file_via_entry_point(home, tmp_path, briefing, capsys, json_array):
    marker = tmp_path / "executed"
    urls = tmp_path / "urls"
    urls.write_text(
        "# newsboat urls\n"
        'https://one.example/rss news "long tag" "~First Feed"\n'
        f"exec:touch {marker}\n"
        f'"filter:touch {marker}:https://two.example/"\n'
        '"query:Unread:unread = \\"yes\\""\n'
        "https://three.example/feed\n"
    )
    proc = briefing("import", str(urls))
    assert proc.returncode == 0, proc.stderr
    assert "imported 2 feeds from newsboat urls file" in proc.stdout
    assert proc.stderr.count("briefing: warning:") == 3
    assert "never executed" in proc.stderr
    assert not marker.exists()
    feeds = sorted((f["url"], f["title"], f["tags"]) for f in feeds_json(capsys, json_array))
    assert feeds == [
        ("https://one.example/rss", "First Feed", ["news", "long tag"]),
        ("https://three.example/feed", "", []),
    ]

    exported = briefing("export").stdout
    (tmp_path / "out.opml").write_text(exported)
    other = str(tmp_path / "other")
    assert main(["--home", other, "import", str(tmp_path / "out.opml")]) == 0
    capsys.readouterr()
    assert main(["--home", other, "feeds", "--json"]) == 0
    again = json_array(capsys.readouterr().out)
    assert sorted((f["url"], f["title"], f["tags"]) for f in again) == feeds


def test_import_twice_adds_nothing_new(home, tmp_path, capsys):
    src = tmp_path / "in.opml"
    src.write_text(OPML)
    main(["import", str(src)])
    capsys.readouterr()
    assert main(["import", str(src)]) == 0
    assert "imported 0 feeds from OPML file (2 already subscribed)" in capsys.readouterr().out


def test_import_from_stdin(home, briefing):
    proc = briefing("import", "-", stdin="https://stdin.example/rss tag\n")
    assert proc.returncode == 0, proc.stderr
    assert "imported 1 feed from newsboat urls file" in proc.stdout


def test_export_of_an_empty_home_is_valid_opml(home, capsys):
    assert main(["export"]) == 0
    out = capsys.readouterr().out
    assert "<body />" in out or "<body></body>" in out


def test_import_lists_at_most_20_skipped_lines(home, tmp_path, capsys):
    src = tmp_path / "urls"
    src.write_text("https://ok.example/rss\n" + "".join(f"bad{i}\n" for i in range(50)))
    assert main(["import", str(src)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 21
    assert err[-1].endswith("... and 30 more lines skipped")
