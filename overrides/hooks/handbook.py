"""The handbook's one MkDocs hook: the only file that talks to MkDocs.

The build order is in macros/pipeline.py, and reads top to bottom there. This file turns MkDocs'
events into calls to it, and builds one language's site when the pipeline asks (`MkDocsSites`):

- on_config: reads and checks the content (macros/edition.py, once for every build of the
  process) and stops the build with every problem, naming file, line and field; names another
  language's navigation from `extra.nav_titles`; points the offline copy at the vendored shim;
- on_files: adds the files the content makes (each tool's whiteboard background);
- on_page_read_source: gives MkDocs each page's source in the build's language;
- on_page_markdown, on_page_context: the edit link to the translation, the language links;
- on_env: words from macros/labels.yml for the Material templates we override (`hb_t`), and
  the templates' compiled code kept between builds (macros/caches.py);
- on_page_content, on_page_context: the finished HTML the macros held out of Markdown's way, put
  back before and after search reads the page (macros/held.py); the pages' contents lists
  (macros/contents.py), where a method page's skip link lands;
- on_post_build: the other names (aliases) and the method cards' words into the search index
  (macros/search.py), and, after the original
  language's site, the rest of the build (pipeline.after_first_site);
- on_serve: rebuilds, on each change, only the languages it can affect.

Each page links to its counterparts in the other languages: `hb_alternates` in the page's
context (overrides/partials/alternate.html shows them in the header, as relative addresses that
work under `serve` and in the offline copy), and `extra.hb_roots` (overrides/sitemap.xml lists
every page's hreflang alternates). Why the alternates are in the sitemap and not in each page's
head: Material's script fetches `sitemap.xml` beside every `<link rel="alternate">` in a page,
which would cost two failed requests on every page view. So `extra.alternate` is `true` (Material
includes the header partial) but not a list (Material writes no alternate links into the head).

Why one build per language rather than mkdocs-static-i18n: that plugin builds one search index
for every language, and every PDF plugin tried with it wrote each language's files to the same
place (see the project's notes). Why our own orchestration rather than Material's projects
plugin: that plugin is deprecated and unmaintained.

The state below is the build in progress: `RUN` (what to make, set when the command's own build
starts) and `_BUILDS` (the site being built now, innermost last: the pipeline builds the other
languages and the offline copy from inside the first build's last event).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from markupsafe import escape
from mkdocs.plugins import CombinedEvent, event_priority

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # the project's `macros` package, importable from this hook
    sys.path.insert(0, str(ROOT))

from macros.edition import edition as load_edition  # noqa: E402
from macros import pipeline  # noqa: E402
from macros import contents  # noqa: E402
from macros.errors import ContentError, annotate  # noqa: E402
from macros.held import HeldError  # noqa: E402
from macros.caches import templates  # noqa: E402
from macros.permalinks import PermalinksOutOfNames  # noqa: E402
from macros.printing.settings import Settings  # noqa: E402  (not the package: it would load WeasyPrint)
from macros.printing.settings import truthy  # noqa: E402
from macros.search import finish_index  # noqa: E402
from macros.translations import LANGUAGES, NAMES, ORIGINAL, translation_uri  # noqa: E402
from macros.urls import relative  # noqa: E402

log = logging.getLogger("mkdocs.handbook")
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@dataclass(eq=False)  # each build is itself: never equal to another with the same fields
class Build:
    """One site being built: the command's own, a language the pipeline asked for, or a copy."""
    lang: str
    top: bool = False  # the command's own build (mkdocs build, or serve's first and each rebuild)
    nav: object = None
    meta: dict = field(default_factory=dict)  # each page's front matter, from read to markdown
    edition: object = None  # this build's language edition, looked up once, in on_config
    config_site: Path | None = None  # its site folder
    skip_to_contents: set = field(default_factory=set)  # pages whose skip link goes to their contents list


RUN: pipeline.Run | None = None
_BUILDS: list[Build] = []
_COMMAND = {"name": "build", "starting": False}


def _languages() -> list[str]:
    wanted = [c.strip() for c in os.environ.get("HANDBOOK_LANGUAGES", ",".join(LANGUAGES)).split(",") if c.strip()]
    unknown = [c for c in wanted if c not in LANGUAGES]
    if unknown or ORIGINAL not in wanted:
        raise PluginError(f"HANDBOOK_LANGUAGES is {','.join(wanted)}: it lists languages from "
                          f"{', '.join(LANGUAGES)}, {ORIGINAL} first.")
    return [c for c in LANGUAGES if c in wanted]


def _edition(config, lang: str | None = None):
    try:
        return load_edition(Path(config.docs_dir), _project(config), lang or config.theme["language"])
    except ContentError as error:
        annotate(error.problems)  # on the pull request's lines, under GitHub Actions
        raise PluginError(error.report()) from None  # MkDocs prints it and stops, no traceback


def _project(config) -> Path:
    """The project a config belongs to (a test may build a copy of it)."""
    return Path(config.config_file_path).resolve().parent


def _settings(config) -> Settings:
    plain = {"site_name": config.site_name, "site_description": config.site_description,
             "site_url": config.site_url, "use_directory_urls": config.use_directory_urls,
             "language": config.theme["language"], "extra": config.extra}
    return Settings.from_config(plain, _project(config))


def _offline_plugin(config):
    return config.plugins.get("material/offline") or config.plugins.get("offline")


class MkDocsSites:
    """Builds one language's site with MkDocs, for the pipeline (macros/pipeline.py)."""

    def __init__(self, root: Path, strict: bool):
        self.root, self.strict = root, strict

    def site(self, lang: str, site_dir: Path, offline: bool = False) -> pipeline.Site:
        name = "mkdocs.yml" if lang == ORIGINAL else f"mkdocs.{lang}.yml"
        if not (self.root / name).is_file():
            raise PluginError(f"{name} is missing: it builds the {NAMES[lang]} site.")
        # Loaded afresh for every build, under serve too. MkDocs keeps one instance of each plugin
        # that has an on_startup event (Material's search, among others) for the whole process,
        # shared by every config it loads, and sets that instance's options when a config is
        # loaded. A config kept from an earlier round would build with the options of whichever
        # config was loaded last: under serve, the Welsh search index got the English settings.
        config = load_config(config_file=str(self.root / name), site_dir=str(site_dir), strict=self.strict)
        if offline:  # plain .html links and an inlined search index, for reading from disk
            _offline_plugin(config).config.enabled = True
        _COMMAND["starting"] = True  # this startup is the pipeline's, not a command's (on_startup)
        try:
            config.plugins.on_startup(command="build", dirty=False)
        finally:
            _COMMAND["starting"] = False
        current = Build(lang)
        _BUILDS.append(current)
        try:
            build(config, dirty=False)
        finally:
            if current in _BUILDS:  # (a failed build has cleared them: on_build_error)
                _BUILDS.remove(current)
            if _COMMAND["name"] != "serve":
                config.plugins.on_shutdown()
        return _site(config, current)


def _site(config, current: Build) -> pipeline.Site:
    settings = _settings(config)
    nav = current.nav

    def chapters() -> list:
        """Every page of the navigation, in order, for the book (their HTML is built by now)."""
        from macros.printing import Chapter  # WeasyPrint is loaded only when the PDFs are made

        found = []

        def walk(items, section: str, depth: int) -> None:
            opened = False
            for item in items:
                if item.is_page:
                    if settings.leaves_out(item.file.src_uri):
                        continue
                    level = 1 if depth == 0 or not opened else 2
                    opened = True
                    found.append(Chapter(url=item.url, title=item.title or "", html=item.content or "",
                                         level=level, section=section, src=f"docs/{item.file.src_uri}"))
                elif item.is_section:
                    walk(item.children, item.title or "", depth + 1)

        walk(nav.items, "", 0)
        return found

    return pipeline.Site(current.lang, Path(config.site_dir), current.edition, settings, chapters)


# Events ------------------------------------------------------------------------------------

def on_startup(command: str, dirty: bool) -> None:
    # The command's own. A site the pipeline builds says "build" too, and under serve it may be
    # the only one of a round (a Welsh edit rebuilds Welsh alone, outside any English build): taken
    # for the command, it turned the next round into a whole `mkdocs build` (PDFs, offline copy).
    if not _BUILDS and not _COMMAND["starting"]:
        _COMMAND["name"] = command


@event_priority(100)  # first: before the macros plugin reads the content, and before the offline plugin
def on_config(config):
    global RUN
    lang = config.theme["language"]
    if not _BUILDS:  # the command's own build: the original language's site, and the whole run
        if lang != ORIGINAL:
            raise PluginError(f"Build the handbook from mkdocs.yml: it builds every language ({config.config_file_path} "
                              "is one language's part).")
        previous = RUN
        RUN = pipeline.Run(
            command=_COMMAND["name"], languages=_languages(),
            pdf=truthy((config.extra or {}).get("pdf", True)),
            offline=truthy(os.environ.get("HANDBOOK_OFFLINE_ZIP", "true")) and truthy((config.extra or {}).get("pdf", True)),
            builder=previous.builder if previous else MkDocsSites(_project(config), bool(config.strict)),
            serve=previous.serve if previous else None,
            next_languages=previous.next_languages if previous else None)
        if RUN.command == "serve" and RUN.serve is None:
            RUN.serve = pipeline.ServePdfs()
        _BUILDS.append(Build(ORIGINAL, top=True))
    # The content, read and checked once for every build of the run (and looked up once per build:
    # the page events below use this build's edition, not the files' times again).
    edition = _BUILDS[-1].edition = _edition(config)
    _BUILDS[-1].config_site = Path(config.site_dir)
    # The headings' "¶" links out of the headings' names (macros/permalinks.py).
    if not any(isinstance(ext, PermalinksOutOfNames) for ext in config.markdown_extensions):
        config.markdown_extensions.append(PermalinksOutOfNames())
    roots = _roots(config)
    config.extra["hb_roots"] = {code: absolute for code, (absolute, _) in roots.items()}
    offline = _offline_plugin(config)
    if offline is not None and offline.config.enabled:
        # The offline plugin would load its search shim from unpkg.com; give it the vendored copy.
        config.extra["polyfills"] = [SHIM]
        config.extra["pdf"] = True  # the copy's download pages link the PDFs copied into it
    if lang != ORIGINAL:
        labels = edition.catalogue.labels
        # The headings' link title (markdown_extensions is a list, which INHERIT would replace whole).
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels.get("permalink_title", lang)
        titles = (config.extra or {}).get("nav_titles") or {}
        missing: list[str] = []
        config.nav = _rename(config.nav or [], titles, missing)
        if missing:
            name = Path(config.config_file_path).name
            raise PluginError(f"{name}: extra.nav_titles has no {NAMES.get(lang, lang)} title for "
                              + ", ".join(f'"{m}"' for m in missing)
                              + f". Add a line for each under extra.nav_titles in {name}: "
                              '"English title": "translated title".')
    return config


def _rename(items: list, titles: dict, missing: list) -> list:
    """The navigation with its titles in the build's language. Pages listed without a title keep their own."""
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if title not in titles and title not in titles.values():  # (a rebuild sees it translated)
                missing.append(title)
            new = titles.get(title, title)
            out.append({new: _rename(value, titles, missing) if isinstance(value, list) else value})
        else:
            out.append(item)
    return out


def _kept(site: Path) -> list[tuple[Path, Path]]:
    """Under serve, the other languages' sites that this rebuild of the original's leaves as they
    are: (their folder, where they wait while MkDocs empties the site folder before building).
    MkDocs leaves hidden entries alone when it empties the site folder."""
    if RUN is None or RUN.next_languages is None:
        return []
    return [(site / lang, site / f".kept-{lang}") for lang in RUN.languages[1:] if lang not in RUN.next_languages]


def on_pre_build(config) -> None:
    if _BUILDS and _BUILDS[-1].top:
        for folder, aside in _kept(Path(config.site_dir)):
            if folder.is_dir():
                folder.rename(aside)


def _put_back(site: Path) -> None:
    for folder, aside in _kept(site):
        if aside.is_dir() and not folder.exists():
            aside.rename(folder)


def on_files(files, config):
    """Files the content makes: every tool's whiteboard background (SVG and PNG, drawn from its
    worksheet by macros/pictures.py; the tool's page links them with their sizes)."""
    from mkdocs.structure.files import File

    from macros.drawing import FontMissing
    from macros.pictures import picture_cache, whiteboards

    catalogue = _BUILDS[-1].edition.catalogue
    try:
        made = whiteboards(catalogue, config.theme["language"], config.site_name, picture_cache(_project(config)))
    except FontMissing as error:  # what to install, without a traceback
        raise PluginError(str(error)) from None
    for path, data in made.items():
        files.append(File.generated(config, path, content=data))
    return files


def on_nav(nav, config, files):
    _BUILDS[-1].nav = nav  # the pages in order: the book follows it
    return nav


def on_page_read_source(page, config):
    """The page's body in the build's language. Its front matter, already read and checked by the
    loader, is given to MkDocs in on_page_markdown: MkDocs does not parse it a second time."""
    found = _BUILDS[-1].edition.page_source(page.file.src_uri)
    if found is None:
        return None
    _BUILDS[-1].meta[page.file.src_uri] = found[0]
    return found[1]


@event_priority(100)  # before the macros plugin and Material read the page's meta
def on_page_markdown(markdown, page, config, files):
    meta = _BUILDS[-1].meta.pop(page.file.src_uri, None)
    if meta is not None:
        page.meta = meta
    lang = config.theme["language"]
    if lang != ORIGINAL and page.edit_url and _BUILDS[-1].edition.catalogue.translation(page.file.src_uri):
        page.edit_url = page.edit_url.replace(page.file.src_uri, translation_uri(page.file.src_uri, lang))
    return markdown


def _roots(config) -> dict[str, tuple[str, str]]:
    """Each language's site root: (absolute address, path from this build's root)."""
    lang = config.theme["language"]
    site_url = config.site_url or ""
    original = site_url[: -len(f"{lang}/")] if lang != ORIGINAL and site_url.endswith(f"{lang}/") else site_url
    here = "" if lang == ORIGINAL else "../"
    return {code: (original + ("" if code == ORIGINAL else f"{code}/"), here + ("" if code == ORIGINAL else f"{code}/"))
            for code in LANGUAGES}


def on_env(env, config, files):
    """`hb_t(key, **values)`: a word from macros/labels.yml in this build's language, escaped for
    HTML, for the Material templates we override (the landmarks' names, for one)."""
    labels, lang = _BUILDS[-1].edition.catalogue.labels, config.theme["language"]
    env.bytecode_cache = templates(_project(config))  # the theme's templates, compiled once (macros/caches.py)
    env.globals["hb_t"] = lambda key, **values: escape(labels.get(key, lang, **values))
    return env


def on_page_content(html, page, config, files):
    """The finished HTML the macros held out of Markdown's way, back in the page where search
    reads it (macros/held.py; the rest goes back in `_held_late`), with its ids known to MkDocs'
    check of links to anchors. Then the page's contents lists, now that its headings have their
    ids (macros/contents.py): on a page whose body is still in English, they name the standard
    sections in the page's language; a method page gets its own list after the card, where the
    skip link lands."""
    lang, catalogue = config.theme["language"], _BUILDS[-1].edition.catalogue
    src = page.file.src_uri
    held = getattr(page, "handbook_held", None)
    if held is not None:
        try:
            html, ids = held.fill(html)
        except HeldError as error:
            raise PluginError(str(error)) from None
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
    if lang != ORIGINAL and src in catalogue.originals:
        done = catalogue.translation(src)
        if done is None or (done.kind != "chapter" and not done.has_body):  # the body is the English
            kind = catalogue.originals[src][0]
            if kind != "chapter":
                labels = catalogue.labels
                contents.translate_toc(page.toc, labels.required_headings(kind, ORIGINAL),
                                       labels.required_headings(kind, lang), ORIGINAL)
            else:
                contents.translate_toc(page.toc, [], [], ORIGINAL)
    if contents.PLACE in html:
        title = catalogue.labels.get("contents_title", lang)
        listed = contents.contents_html(page.toc, title)  # (search leaves it out: it is after_search)
        html = html.replace(contents.PLACE, held.after_search(listed) if held is not None else listed, 1)
        _BUILDS[-1].skip_to_contents.add(src)
    return html


def _alternates(context, page, config, nav):
    context["hb_alternates"] = [{"name": NAMES[code], "lang": code, "href": relative(path + page.url, page.url) if path
                                 else (relative(page.url or "./", page.url) if page.url else "./")}
                                for code, (_, path) in _roots(config).items()]
    return context


@event_priority(-100)  # last: after the search plugin has read the page's sections from its toc
def _skip_link(context, page, config, nav):
    """On a method page, Material's skip link ("Skip to content"), which goes to the page's first
    heading, the title above the card, goes to the page's own contents list below it instead
    (macros/contents.py): from there "Step by step" is a few Tabs away. Material writes the
    skip link from the first entry of page.toc, and its contents lists show only that entry's
    children (the title's own link is never shown), so renaming that entry's target moves only
    the skip link. Material's base.html has no block around it to extend."""
    if page.file.src_uri in _BUILDS[-1].skip_to_contents and page.toc and page.toc.items[0].level == 1:
        page.toc.items[0].id = contents.ID
    return context


@event_priority(-100)  # after the search plugin has read the page: what it should not index (macros/held.py)
def _held_late(context, page, config, nav):
    held = getattr(page, "handbook_held", None)
    if held is not None:
        page.content = held.fill_late(page.content)
    return context


on_page_context = CombinedEvent(_alternates, _skip_link, _held_late)


@event_priority(-50)  # after the search plugin writes its index, before the offline plugin inlines it
def on_post_build(config) -> None:
    edition = _BUILDS[-1].edition
    finish_index(Path(config.site_dir), edition.catalogue, config.use_directory_urls, edition.lang)
    if not _BUILDS[-1].top or RUN is None:
        return  # a site the pipeline asked for: it carries on from there
    _put_back(Path(config.site_dir))  # the other languages' sites this rebuild left as they were
    try:
        first = _site(config, _BUILDS[0])
        others, RUN.next_languages = RUN.next_languages, None
        pipeline.after_first_site(RUN, first, others)
    except Exception as error:
        from macros.printing.weasy import PrintError  # (loaded only if the PDFs were made)

        if isinstance(error, PrintError):  # the PDFs cannot be made: what to fix, without a traceback
            raise PluginError(str(error)) from None
        raise
    finally:
        _BUILDS.clear()


def on_build_error(error) -> None:
    if _BUILDS and _BUILDS[0].top and _BUILDS[0].config_site:
        _put_back(_BUILDS[0].config_site)
    _BUILDS.clear()


def on_serve(server, config, builder):
    """Rebuild only the languages a change can affect (pipeline.languages_to_rebuild), the edited
    language first: when an English edit also changes the Welsh pages, the English pages reload
    as soon as they are built, and the Welsh site is built in the server's next round, which a
    file written to a folder the server watches asks for (the server has no other way to ask)."""
    root = _project(config)
    watched = [root / "docs", root / "macros", root / "overrides", root / "mkdocs.yml", *sorted(root.glob("mkdocs.*.yml"))]
    nudge = Path(tempfile.mkdtemp(prefix="handbook-serve-"))
    server.watch(str(nudge))
    state = {"seen": _snapshot(watched), "edition": _edition(config, ORIGINAL), "pending": []}

    def rebuild():
        seen = _snapshot(watched)
        changed = [Path(p) for p in set(seen) | set(state["seen"]) if seen.get(p) != state["seen"].get(p)]
        state["seen"] = seen
        wanted = pipeline.languages_to_rebuild(changed, root, state["edition"]) if changed else []
        wanted = [lang for lang in LANGUAGES if lang in RUN.languages and (lang in wanted or lang in state["pending"])]
        state["pending"] = []
        if not wanted:
            return
        start = time.perf_counter()
        if ORIGINAL in wanted:
            RUN.next_languages = []
            builder()  # MkDocs' own: the original language's site (its pages reload next)
            state["pending"] = [lang for lang in wanted if lang != ORIGINAL]
            if state["pending"]:
                (nudge / "next").write_text(str(time.time()))  # another round, for the other languages
            wanted = [ORIGINAL]
        else:
            for lang in wanted:
                log.info(f"Building the {NAMES[lang]} site into {lang}/")
                RUN.builder.site(lang, Path(config.site_dir) / lang)
        state["edition"] = _edition(config, ORIGINAL)
        log.info(f"Rebuilt {', '.join(NAMES[lang] for lang in wanted)} in {time.perf_counter() - start:.1f} s")

    server.builder = rebuild
    return server


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    found = {}
    for base in paths:
        for path in [base] if base.is_file() else base.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def on_shutdown() -> None:
    if not _BUILDS and RUN is not None and RUN.serve is not None and _COMMAND["name"] == "serve":
        RUN.serve.close()
