"""Services: what the UI and the CLI ask for (refresh, settings, OPML, the article library)."""
