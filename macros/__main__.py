"""The handbook's command line, for contributors and CI.

    python -m macros                      check every page's front matter and headings (fast, no build)
    python -m macros new method "Title"   create docs/methods/<slug>.md from the copy-me template
    python -m macros schemas              regenerate the JSON Schemas in docs/assets/schemas/

`make check`, `make new-method TITLE="…"` (and new-tool, new-mindset) and `make schemas` call these.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import jsonschema
from .errors import ContentError
from .loader import TEMPLATES, load
from .schema import FOLDERS, KINDS

ROOT = Path(__file__).resolve().parent.parent


def check(root: Path) -> int:
    try:
        catalogue = load(root / "docs", root=root)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(catalogue.items(k))} {k}s" for k in KINDS)
    print(f"All content is valid: {counts}.")
    return 0


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


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
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.root, args.kind, args.title)
    if args.command == "schemas":
        for path in jsonschema.write():
            print(f"Wrote {path.relative_to(ROOT)}")
        return 0
    return check(args.root)


sys.exit(main())
