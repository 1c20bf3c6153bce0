"""MkDocs hook: the handbook in every language, each page linked to its counterpart.

English is built from mkdocs.yml into the site's root. After it, this hook builds each other
language from mkdocs.<code>.yml (which inherits mkdocs.yml) into a folder of the site named after
the language (site/cy/). Each language is a build of its own, so each has its own search index
(a Welsh search returns Welsh pages), its own PDFs and its own sitemap.

Why not mkdocs-static-i18n: it builds one search index for every language, and the PDF step's
files for one language overwrote the other's (see the project's notes). A build per language
with a small hook avoids both and needs no second docs tree.

HANDBOOK_LANGUAGES (say `en`) limits a build to the languages listed, for a quicker preview;
by default every language is built.

In another language's build, this hook:
- gives MkDocs each page's source in that language (macros/translations.py merges a translation
  into its English original; an untranslated page keeps the English text, which the macros mark);
- names the navigation's sections and pages from `extra.nav_titles` in mkdocs.<code>.yml, and
  stops the build when a title has no translation there;
- points "Edit this page" at the translation's file.

In every build it gives each page its counterparts in the other languages: `hb_alternates` in
the page's context, which overrides/partials/alternate.html shows as a link in the header (a
relative address, so it works under `mkdocs serve` and in the offline copy), and `extra.hb_roots`,
from which overrides/sitemap.xml lists every page's hreflang alternates (absolute addresses).

Why the hreflang alternates are in the sitemap and not in each page's head: Material's script
fetches `sitemap.xml` beside every `<link rel="alternate">` it finds in a page (for its own
language switching), so per-page alternates in the head cost two failed requests on every page
view, to the public address even in a local copy. Search engines read hreflang from a sitemap
just as they do from the head. So `extra.alternate` is `true` (Material then includes the header
partial) but not a list (Material then writes no alternate links into the head).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.languages")
STATE: dict = {"command": "build", "configs": {}}


def _project(config):
    """The project's `macros` package, importable from here."""
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from macros import translations

    return translations


def on_startup(command: str, dirty: bool) -> None:
    STATE["command"] = command


def _rename(items: list, titles: dict, lang: str, missing: list) -> list:
    """The navigation with its titles in `lang`. Pages listed without a title keep the page's own."""
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if title not in titles and title not in titles.values():  # (a rebuild sees it translated)
                missing.append(title)
            new = titles.get(title, title)
            out.append({new: _rename(value, titles, lang, missing) if isinstance(value, list) else value})
        else:
            out.append(item)
    return out


def on_config(config):
    translations = _project(config)
    lang = config.theme["language"]
    config.extra["hb_roots"] = {code: absolute for code, (absolute, _) in _roots(config, translations).items()}
    if lang == translations.ORIGINAL:
        return config
    from macros.vocab import load_labels

    # The headings' link title (markdown_extensions is a list, which INHERIT would replace whole).
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = load_labels().get("permalink_title", lang)
    titles = (config.extra or {}).get("nav_titles") or {}
    missing: list[str] = []
    config.nav = _rename(config.nav or [], titles, lang, missing)
    if missing:
        name = Path(config.config_file_path).name
        raise PluginError(
            f"{name}: extra.nav_titles has no {translations.NAMES.get(lang, lang)} title for "
            + ", ".join(f'"{m}"' for m in missing)
            + f". Add a line for each under extra.nav_titles in {name}: \"English title\": \"translated title\"."
        )
    return config


def _catalogue(config):
    macros = config.plugins.get("macros")
    handbook = macros.variables.get("handbook") if macros is not None else None
    return handbook.cat if handbook is not None else None


def on_page_read_source(page, config):
    translations = _project(config)
    if config.theme["language"] == translations.ORIGINAL:
        return None
    cat = _catalogue(config)
    return cat.page_text(page.file.src_uri) if cat is not None else None


def on_page_markdown(markdown, page, config, files):
    translations = _project(config)
    lang = config.theme["language"]
    cat = _catalogue(config)
    if lang != translations.ORIGINAL and page.edit_url and cat is not None and cat.translation(page.file.src_uri):
        page.edit_url = page.edit_url.replace(page.file.src_uri, translations.translation_uri(page.file.src_uri, lang))
    return markdown


def _roots(config, translations) -> dict[str, tuple[str, str]]:
    """Each language's site root: (absolute address, path from this build's root)."""
    lang = config.theme["language"]
    site_url = config.site_url or ""
    original = site_url[: -len(f"{lang}/")] if lang != translations.ORIGINAL and site_url.endswith(f"{lang}/") else site_url
    here = "" if lang == translations.ORIGINAL else "../"
    return {code: (original + ("" if code == translations.ORIGINAL else f"{code}/"),
                   here + ("" if code == translations.ORIGINAL else f"{code}/"))
            for code in translations.LANGUAGES}


def _alternates(config, url: str) -> list[dict]:
    """The same page in every language, as links from the page at `url` (its address in its build)."""
    from mkdocs.utils import get_relative_url

    translations = _project(config)
    to_root = get_relative_url("./", url)
    to_root = "" if to_root == "./" else to_root
    return [{"name": translations.NAMES[code], "lang": code, "href": (to_root + relative + url) or "./"}
            for code, (_, relative) in _roots(config, translations).items()]


def on_page_context(context, page, config, nav):
    context["hb_alternates"] = _alternates(config, page.url)
    return context


# Before the PDFs (overrides/hooks/printing.py, -150), which wait until every language's site is
# built, and before the offline copy (-200) zips the site.
@event_priority(-100)
def on_post_build(config) -> None:
    translations = _project(config)
    if config.theme["language"] != translations.ORIGINAL:
        return
    from mkdocs.commands.build import build

    root = Path(config.config_file_path).resolve().parent
    wanted = [c.strip() for c in os.environ.get("HANDBOOK_LANGUAGES", ",".join(translations.LANGUAGES)).split(",")]
    unknown = [c for c in wanted if c not in translations.LANGUAGES]
    if unknown:
        raise PluginError(f"HANDBOOK_LANGUAGES names {', '.join(unknown)}: the languages are "
                          f"{', '.join(translations.LANGUAGES)}.")
    for code in translations.LANGUAGES[1:]:
        if code not in wanted:
            log.info(f"The {translations.NAMES[code]} site is not built (HANDBOOK_LANGUAGES).")
            continue
        file = root / f"mkdocs.{code}.yml"
        if not file.is_file():
            raise PluginError(f"mkdocs.{code}.yml is missing: it builds the {translations.NAMES[code]} site.")
        site_dir = str(Path(config.site_dir) / code)
        cached = STATE["configs"].get(code)
        if cached is None or cached.site_dir != site_dir:
            cached = load_config(config_file=str(file), site_dir=site_dir, strict=config.strict)
            # Tell its hooks what is running: under `mkdocs serve`, its PDFs are made once too.
            cached.plugins.on_startup(command=STATE["command"], dirty=False)
            if STATE["command"] == "serve":
                STATE["configs"][code] = cached  # reused for every rebuild of the session
        log.info(f"Building the {translations.NAMES[code]} site into {code}/")
        build(cached, dirty=False)
        if STATE["command"] != "serve":
            cached.plugins.on_shutdown()
