"""Page weight benchmark: what a first visit to three key pages costs.

Builds nothing: run `make build` first. Serves site/ on 127.0.0.1 with gzip, loads each page
in a fresh Chromium profile (empty cache) and prints compressed bytes by type, the number of
requests and the load time, plus the search index size. Budgets (from the accessibility and
speed issue): a method page at most 100 KB compressed and 12 requests, search index excluded;
the search index at most 1 MB raw.

    .venv/bin/python tests/benchmarks/page_weight.py [site] [method-slug]
"""

from __future__ import annotations

import os
import shutil
import sys
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from serve import start  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def kind(url: str, resource: str) -> str:
    if url.endswith("search_index.json"):
        return "search index"
    return {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}.get(
        resource, "other")


def main() -> None:
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    method = sys.argv[2] if len(sys.argv) > 2 else "journey-mapping"
    server, base = start(site)
    pages = {"home": "", "method page": f"methods/{method}/", "methods index": "methods/",
             "cy home": "cy/", "cy method page": f"cy/methods/{method}/"}
    print(f"{'page':<15}{'HTML':>8}{'CSS':>8}{'JS':>8}{'fonts':>8}{'images':>8}{'other':>8}"
          f"{'total':>9}{'requests':>10}{'load ms':>9}   (KB compressed, search index excluded)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in pages.items():
            context = browser.new_context()
            page = context.new_page()
            sizes: dict[str, int] = defaultdict(int)
            counts = {"requests": 0}

            def on_response(response, sizes=sizes, counts=counts):
                if kind(response.url, response.request.resource_type) == "search index":
                    return
                counts["requests"] += 1
                sizes[kind(response.url, response.request.resource_type)] += int(
                    response.headers.get("content-length") or len(response.body()))

            page.on("response", on_response)
            page.goto(base + path, wait_until="networkidle")
            load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            total = sum(sizes.values())
            row = "".join(f"{sizes[k] / 1024:>8.1f}" for k in ("HTML", "CSS", "JS", "fonts", "images", "other"))
            print(f"{name:<15}{row}{total / 1024:>9.1f}{counts['requests']:>10}{load:>9.0f}")
            context.close()
        browser.close()
    for lang, folder in (("English", ""), ("Welsh", "cy/")):
        index = Path(site) / folder / "search" / "search_index.json"
        if index.is_file():  # fetched on first use of search only (overrides/main.html)
            print(f"{lang} search index: {index.stat().st_size / 1024:.0f} KB raw")
    server.shutdown()


if __name__ == "__main__":
    main()
