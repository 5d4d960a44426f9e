"""Feeds: fetch over HTTP (httpx) and parse bytes (feedparser) into models."""
