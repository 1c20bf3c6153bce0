"""Other names ("aliases") in the search index, weighted like the title.

Material's search indexes each page's title and text, and page-level tags; it has no field for
"also called". Its search worker does build a lunr field for every name in the plugin's `fields`
setting (mkdocs.yml: `search.fields.aliases`), reading it from each document of the index. So we
add an `aliases` value to the page-level document of every method and tool that has other names,
in the index file the search plugin has just written. Sections of the page are left as they are,
so the page itself ranks first.

Each method's card is written into its page-level document's text from the card's own view
model (Renderer.card_text), not read from the page: the search plugin does not read the card
(macros/held.py), which made the build faster and the text better (a space between each name and
its words, and none of the card's button labels).

A language lunr.js has no support for (Welsh) gets its own lunr plugin: the index's config names
the language only when the site ships that plugin (overrides/assets/javascripts/lunr/min/), since
MkDocs' search settings accept only the languages lunr-languages has and fall back to English.

On a language's site other than the original's, the page-level document of a page not fully in
that language gets a first tag saying so ("Only the card is translated", "Not yet translated"):
Material shows a document's tags in its search results, so the result says it with no script of
ours. Pages in full get none, and the original language's site none at all.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .loader import Catalogue
from .urls import item_url, page_url

INDEX = Path("search") / "search_index.json"
LUNR = Path("assets") / "javascripts" / "lunr" / "min"  # where Material's search worker loads languages from


def aliases_by_location(catalogue: Catalogue, use_directory_urls: bool) -> dict[str, str]:
    """Each method's and tool's other names, in this build's language, by page address."""
    found = {}
    for kind in ("method", "tool"):
        for entry in catalogue.items(kind):
            if entry.data.aliases:
                found[item_url(kind, entry.slug, use_directory_urls)] = ", ".join(entry.data.aliases)
    return found


def add_aliases(index: dict, aliases: dict[str, str]) -> int:
    """Give each page-level document its aliases; returns how many documents were given some."""
    count = 0
    for doc in index.get("docs", []):
        names = aliases.get(doc.get("location"))
        if names:
            doc["aliases"] = names
            count += 1
    return count


def cards_by_location(catalogue: Catalogue, use_directory_urls: bool, lang: str) -> dict[str, str]:
    """Each method card's words, as text (Renderer.card_text), by the address of its page."""
    from .render import Renderer

    render = Renderer.of(catalogue, lang)
    return {item_url("method", e.slug, use_directory_urls): html.escape(render.card_text(e), quote=False)
            for e in catalogue.items("method")}


def add_cards(index: dict, cards: dict[str, str]) -> int:
    """Put each method's card first in its page-level document's text, where the search plugin
    put it when it read the card; returns how many documents got one. A method page without a
    page-level document would lose its card's words from search, so that stops the build."""
    count = 0
    for doc in index.get("docs", []):
        card = cards.get(doc.get("location"))
        if card:
            doc["text"] = f"{card} {doc['text']}".strip() if doc.get("text") else card
            count += 1
    if count != len(cards):
        found = {doc.get("location") for doc in index.get("docs", [])}
        raise ValueError(f"the search index has no page-level document for {', '.join(sorted(set(cards) - found))}: "
                         "their cards' words would not be found.")
    return count


def states_by_location(catalogue: Catalogue, use_directory_urls: bool, lang: str) -> dict[str, str]:
    """The words for each page this language's site has only in part, by page address."""
    from .render import Renderer

    render = Renderer.of(catalogue, lang)
    found = {}
    for src_uri in catalogue.originals:
        label = render.state_label(src_uri)
        if label:
            found[page_url(src_uri, use_directory_urls)] = label
    return found


def add_states(index: dict, states: dict[str, str]) -> int:
    """Put each page-level document's translation state first among its tags; returns how many."""
    count = 0
    for doc in index.get("docs", []):
        label = states.get(doc.get("location"))
        if label:
            doc["tags"] = [label] + [tag for tag in doc.get("tags", []) if tag != label]
            count += 1
    return count


def finish_index(site_dir: Path, catalogue: Catalogue, use_directory_urls: bool, lang: str) -> None:
    """Rewrite the built search index with the aliases and, where the site ships a lunr plugin of
    its own for the language, that language. A build with aliases but no field for them in the
    search settings would index them for nothing, so that stops the build."""
    file = Path(site_dir) / INDEX
    if not file.is_file():  # search turned off: nothing to do
        return
    index = json.loads(file.read_text(encoding="utf-8"))
    aliases = aliases_by_location(catalogue, use_directory_urls)
    if aliases and "aliases" not in index.get("config", {}).get("fields", {}):
        raise ValueError("mkdocs.yml: plugins.search.fields must list `aliases` (with a boost) for other names "
                         "to be searchable.")
    add_aliases(index, aliases)
    add_cards(index, cards_by_location(catalogue, use_directory_urls, lang))
    add_states(index, states_by_location(catalogue, use_directory_urls, lang))
    if lang != "en" and (Path(site_dir) / LUNR / f"lunr.{lang}.min.js").is_file():
        settings = index.setdefault("config", {})
        settings["lang"] = [lang]
        if "stemmer" not in settings.get("pipeline", []):  # the plugin's mutation rules are its "stemmer"
            raise ValueError(f"mkdocs.{lang}.yml: plugins.search.pipeline must list `stemmer`, which for this "
                             f"language is the handbook's own lunr plugin ({LUNR / f'lunr.{lang}.min.js'}); "
                             f"{file} has {settings.get('pipeline')}.")
    file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
