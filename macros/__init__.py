"""mkdocs-macros entry point: only wiring. Loading, checks and rendering live in their own modules."""

from __future__ import annotations

from pathlib import Path

from .checks import JINJA
from .edition import edition as language_edition  # (not `edition`: that is the module's name)
from .loader import MACROS, Catalogue
from .pages import Pages
from .printing.settings import truthy


def define_env(env) -> None:
    """Runs once per build, before any page: load and validate everything, then register macros."""
    docs_dir = Path(env.conf["docs_dir"])
    root = Path(env.conf["config_file_path"]).parent
    lang = env.conf["theme"]["language"]
    # Read and checked once for every build of the process (macros/edition.py); the MkDocs hook
    # (overrides/hooks/handbook.py) has already stopped the build if anything in it is wrong.
    catalogue: Catalogue = language_edition(docs_dir, root, lang).catalogue
    pdf = truthy((env.conf.get("extra") or {}).get("pdf", True))  # links to the PDFs (macros/pipeline.py makes them)
    pages = Pages(catalogue, lang, use_directory_urls=env.conf["use_directory_urls"], pdf=pdf, root=root,
                  site_name=env.conf["site_name"], site_url=env.conf.get("site_url") or "")
    pages.expand_nav(env.conf["nav"])
    env.variables["handbook"] = pages
    for name in MACROS:
        env.macro(getattr(pages, name), name)


def on_pre_page_macros(env) -> None:
    """Tell the macros which page they are on, so their links are relative to it; give item
    pages the metadata their front matter implies (the tags plugin reads it later)."""
    if not JINJA.search(env.markdown):
        # No template code in the page (checks.py stops the build on stray braces): skip Jinja.
        # Compiling every page as a template was a fifth of the build's time.
        env.page.meta["render_macros"] = False
    env.variables["handbook"].start_page(env.page)
    env.variables["handbook"].page_meta(env.page)


def on_post_page_macros(env) -> None:
    """Add what every item page carries without its author typing it: card, reverse lists, worksheet."""
    pages: Pages = env.variables["handbook"]
    env.markdown = pages.decorate(env.page, env.markdown)

