"""Check the handbook's content without building the site: `python -m macros`.

Prints every problem (file, line, field, what is allowed) and exits 1, or says all is well.
"""

import sys
from pathlib import Path

from .errors import ContentError
from .loader import load

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        catalogue = load(ROOT / "docs", root=ROOT)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(catalogue.items(k))} {k}s" for k in ("mindset", "method", "tool"))
    print(f"All content is valid: {counts}.")
    return 0


sys.exit(main())
