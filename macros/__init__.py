"""mkdocs-macros entry point: only wiring. Loading, checks and rendering live in their own modules."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .checks import JINJA
from .errors import ContentError, annotate
from .loader import MACROS, Catalogue, load
from .pages import Pages
from .printing.settings import truthy
from .search import write_aliases


def define_env(env) -> None:
    """Runs once per build, before any page: load and validate everything, then register macros."""
    docs_dir = Path(env.conf["docs_dir"])
    root = Path(env.conf["config_file_path"]).parent
    lang = env.conf["theme"]["language"]
    try:
        catalogue: Catalogue = load(docs_dir, root=root, lang=lang)
    except ContentError as error:
        annotate(error.problems)  # on the pull request's lines, under GitHub Actions
        # PluginError makes MkDocs print the message and stop, without a traceback.
        raise PluginError(error.report()) from None
    pdf = truthy((env.conf.get("extra") or {}).get("pdf", True))  # the PDF step (overrides/hooks/printing.py)
    pages = Pages(catalogue, lang, use_directory_urls=env.conf["use_directory_urls"], pdf=pdf, root=root)
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
    env.variables["handbook"].page_url = env.page.url
    env.variables["handbook"].page_src = env.page.file.src_uri
    env.variables["handbook"].page_meta(env.page)


def on_post_page_macros(env) -> None:
    """Add what every item page carries without its author typing it: card, reverse lists, worksheet."""
    pages: Pages = env.variables["handbook"]
    env.markdown = pages.decorate(env.page, env.markdown)


def on_post_build(env) -> None:
    """After Material's search plugin has written the index (and before the offline plugin inlines
    it): add each method's and tool's other names, weighted like the title (macros/search.py)."""
    pages: Pages = env.variables["handbook"]
    try:
        write_aliases(Path(env.conf["site_dir"]), pages.cat, env.conf["use_directory_urls"])
    except ValueError as error:
        raise PluginError(str(error)) from None
