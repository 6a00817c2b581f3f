"""A folder of sessions published as static files: the feed, the pages, chapters and pictures.

`render --site` writes what `serve` answers per request, for any web host or synced folder.
It sits above both `site` (the feed, chapters and pictures) and `page` (the phone pages).
"""

from __future__ import annotations

from pathlib import Path

from ..files import atomic, write_text
from .page import index, page_name, session_page
from .site import ART, FEED, PAGE, art, art_names, chapters_json, episodes, rss, site_base


def write_site(folder: Path, base: str) -> list[Path]:
    """Write the feed, the index, each session's page and chapters JSON and the pictures as
    static files in `folder` (the pictures in `folder/art/`)."""
    base = site_base(base)
    items = episodes(folder)
    written = []
    for episode in items:
        path = folder / f"{episode.slug}.chapters.json"
        write_text(path, chapters_json(episode, base))
        write_text(folder / page_name(episode), session_page(episode, served=False))
        written += [path, folder / page_name(episode)]
    (folder / ART).mkdir(exist_ok=True)
    for name in art_names(items):
        found = art(items, name)
        if found:
            with atomic(folder / ART / name) as tmp:
                tmp.write_bytes(found[0])
            written.append(folder / ART / name)
    write_text(folder / FEED, rss(items, base))
    write_text(folder / PAGE, index(items, base + FEED, served=False))
    return [*written, folder / FEED, folder / PAGE]
