"""A folder of sessions published as static files: the feed, the page, chapters and pictures.

`render --site` writes what `serve` answers per request, for any web host or synced folder.
It sits above both `site` (the feed, chapters and pictures) and `page` (the phone page).
"""

from __future__ import annotations

from pathlib import Path

from ..files import atomic, write_text
from .page import render
from .site import ART, FEED, PAGE, art, art_names, chapters_json, episodes, rss, site_base


def write_site(folder: Path, base: str) -> list[Path]:
    """Write the feed, the page, each session's chapters JSON and the pictures as static files
    in `folder` (the pictures in `folder/art/`)."""
    base = site_base(base)
    items = episodes(folder)
    written = []
    for episode in items:
        path = folder / f"{episode.slug}.chapters.json"
        write_text(path, chapters_json(episode, base))
        written.append(path)
    (folder / ART).mkdir(exist_ok=True)
    for name in art_names(items):
        found = art(items, name)
        if found:
            with atomic(folder / ART / name) as tmp:
                tmp.write_bytes(found[0])
            written.append(folder / ART / name)
    write_text(folder / FEED, rss(items, base))
    write_text(folder / PAGE, render(items, base + FEED, served=False))
    return [*written, folder / FEED, folder / PAGE]
