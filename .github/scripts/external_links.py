"""List every external link in a built site, check each once, and print a markdown report.

Exit status 1 when any link is broken. Run weekly by .github/workflows/links.yml, which
files the report as one issue. Uses only the standard library, so it runs anywhere.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

SKIP = ("https://github.com/innovation-handbook-wales/handbook/edit/",
        "https://github.com/innovation-handbook-wales/handbook/raw/")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith(("http://", "https://")) and not href.startswith(SKIP):
            self.found.append(href.split("#")[0])


def status(url: str) -> str | None:
    """None when the link works, otherwise a short reason."""
    headers = {"User-Agent": "innovation-handbook-link-check"}
    for method in ("HEAD", "GET"):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers), timeout=20):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 429, 501):
                continue  # some servers refuse HEAD: try GET
            return f"HTTP {error.code}"
        except Exception as error:  # noqa: BLE001 - any network failure is a finding, not a crash
            return type(error).__name__
    return "no answer"


def main(site: Path) -> int:
    pages: dict[str, set[str]] = defaultdict(set)
    for html in site.rglob("*.html"):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for url in parser.found:
            pages[url].add("/" + html.relative_to(site).parent.as_posix().strip("."))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(pages, pool.map(status, pages)))
    broken = {url: reason for url, reason in results.items() if reason}
    print(f"Checked {len(results)} external links; {len(broken)} broken.\n")
    for url, reason in sorted(broken.items()):
        print(f"- {url} ({reason}), on: {', '.join(sorted(pages[url]))}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
