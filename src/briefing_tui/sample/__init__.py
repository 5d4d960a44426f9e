"""The bundled sample briefing: feeds readable offline, loaded on a new home."""
