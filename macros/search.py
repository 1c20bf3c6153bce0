"""Other names ("aliases") in the search index, weighted like the title.

Material's search indexes each page's title and text, and page-level tags; it has no field for
"also called". Its search worker does build a lunr field for every name in the plugin's `fields`
setting (mkdocs.yml: `search.fields.aliases`), reading it from each document of the index. So we
add an `aliases` value to the page-level document of every method and tool that has other names,
in the index file the search plugin has just written. Sections of the page are left as they are,
so the page itself ranks first.

A language lunr.js has no support for (Welsh) gets its own lunr plugin: the index's config names
the language only when the site ships that plugin (overrides/assets/javascripts/lunr/min/), since
MkDocs' search settings accept only the languages lunr-languages has and fall back to English.

On a language's site other than the original's, the page-level document of a page not fully in
that language gets a first tag saying so ("Only the card is translated", "Not yet translated"):
Material shows a document's tags in its search results, so the result says it with no script of
ours. Pages in full get none, and the original language's site none at all.
"""

from __future__ import annotations

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
    add_states(index, states_by_location(catalogue, use_directory_urls, lang))
    if lang != "en" and (Path(site_dir) / LUNR / f"lunr.{lang}.min.js").is_file():
        settings = index.setdefault("config", {})
        settings["lang"] = [lang]
        if "stemmer" not in settings.get("pipeline", []):  # the plugin's mutation rules are its "stemmer"
            raise ValueError(f"mkdocs.{lang}.yml: plugins.search.pipeline must list `stemmer`, which for this "
                             f"language is the handbook's own lunr plugin ({LUNR / f'lunr.{lang}.min.js'}); "
                             f"{file} has {settings.get('pipeline')}.")
    file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
