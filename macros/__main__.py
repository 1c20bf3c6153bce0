"""The handbook's command line, for contributors and CI.

    python -m macros                      check every page's front matter and headings (fast, no build)
    python -m macros new method "Title"   create docs/methods/<slug>.md from the copy-me template
    python -m macros schemas              regenerate the JSON Schemas in docs/assets/schemas/
    python -m macros stamp FILE...        record the English revision a translation (page.cy.md) follows
    python -m macros stamp --reviewed FILE...  the same, and mark it reviewed (fluent reviewers only)

`make check`, `make new-method TITLE="…"` (and new-tool, new-mindset) and `make schemas` call these.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import jsonschema
from .errors import ContentError, annotate
from .loader import TEMPLATES, load
from .schema import FOLDERS, KINDS
from .urls import slugify

ROOT = Path(__file__).resolve().parent.parent


def check(root: Path) -> int:
    try:
        catalogue = load(root / "docs", root=root)
    except ContentError as error:
        annotate(error.problems)
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(catalogue.items(k))} {k}s" for k in KINDS)
    done = ", ".join(f"{len(found)} {code} translations" for code, found in catalogue.translated.items())
    print(f"All content is valid: {counts}; {done}.")
    return 0


def stamp(root: Path, files: list[Path], reviewed: bool = False) -> int:
    """Write the English page's current revision into each translation's `translation.revision`.
    Run it after updating a translation to match the English. With `reviewed`, also mark it
    reviewed: only a fluent speaker of the language who has read the whole page against the
    English does that (docs/contribute/review.md); a page with no translated body cannot be."""
    from .frontmatter import parse
    from .translations import FILE_NAME, kind_of, revision

    root = root.resolve()
    docs, failed = root / "docs", 0
    for file in files:
        file = file.resolve()
        match = FILE_NAME.match(file.name)
        english = file.with_name(f"{match.group('stem')}.md") if match else None
        if english is None or not english.is_file():
            print(f"{file}: not a translation of an English page (page.cy.md beside page.md).", file=sys.stderr)
            failed += 1
            continue
        source, problems = parse(english.read_text(encoding="utf-8"), english.relative_to(root).as_posix())
        if source is None:  # the English page itself cannot be read: say why, and stamp nothing
            print(f"{file.relative_to(root)}: not stamped, because its English page has a problem. Fix it first:",
                  file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            failed += 1
            continue
        kind = kind_of(english.relative_to(docs).as_posix())
        text = file.read_text(encoding="utf-8")
        new, count = re.subn(r'(?m)^(\s+revision:\s*).*$', lambda m: f'{m.group(1)}"{revision(kind, source)}"', text, count=1)
        if not count:
            print(f"{file}: no `revision:` line in its translation block.", file=sys.stderr)
            failed += 1
            continue
        if reviewed:
            translation, _ = parse(new, file.relative_to(root).as_posix())
            if translation is None or not translation.body.strip():
                print(f"{file.relative_to(root)}: not marked reviewed: it has no translated body yet "
                      "(the page shows the English text).", file=sys.stderr)
                failed += 1
                continue
            new, count = re.subn(r'(?m)^(\s+status:\s*).*$', r'\1reviewed', new, count=1)
            if not count:
                print(f"{file}: no `status:` line in its translation block.", file=sys.stderr)
                failed += 1
                continue
        file.write_text(new, encoding="utf-8")
        print(f"{file.relative_to(root)}: revision {revision(kind, source)}" + (", reviewed" if reviewed else ""))
    return 1 if failed else 0


def new(root: Path, kind: str, title: str) -> int:
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        print('Give a title, for example: make new-method TITLE="Card sorting"', file=sys.stderr)
        return 2
    target = root / "docs" / FOLDERS[kind] / f"{slug}.md"
    if target.exists():
        print(f"{target.relative_to(root)} already exists: edit it, or choose another title.", file=sys.stderr)
        return 1
    template = (root / "docs" / TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")
    # json.dumps gives a double-quoted string that YAML reads back exactly, whatever the title holds.
    target.write_text(template.replace("title: TITLE", f"title: {json.dumps(title, ensure_ascii=False)}", 1),
                      encoding="utf-8")
    print(f"Created {target.relative_to(root)}. Fill in each field and section (the comments explain them),\n"
          f"then run `make check` and `make serve` to see your page.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("check", help="check every page's front matter and headings")
    new_parser = sub.add_parser("new", help="create a new item from its template")
    new_parser.add_argument("kind", choices=list(KINDS))
    new_parser.add_argument("title")
    sub.add_parser("schemas", help="regenerate the JSON Schemas")
    stamp_parser = sub.add_parser("stamp", help="record the English revision a translation follows")
    stamp_parser.add_argument("--reviewed", action="store_true",
                              help="also mark it reviewed (for a fluent reviewer who has read it all)")
    stamp_parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "stamp":
        return stamp(args.root, args.files, args.reviewed)
    if args.command == "new":
        return new(args.root, args.kind, args.title)
    if args.command == "schemas":
        for path in jsonschema.write():
            print(f"Wrote {path.relative_to(ROOT)}")
        return 0
    return check(args.root)


sys.exit(main())
