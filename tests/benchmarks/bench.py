"""`make bench`: the build's speed against its targets, in one run, written to the benchmarks page.

- HTML build: English only, no PDFs, in a fresh process, against bare Material building the
  same pages (the same mkdocs.yml without our hook, macros, theme overrides or git dates), run
  in turns (ours, bare, ours, bare…) so that both see the same machine; the median of each.
  For this handbook, and for a copy with 200 more (generated) methods; then this handbook again
  as a first build, with nothing kept from an earlier one (macros/caches.py).
- `make serve`: from saving a file until the page being read shows the change (polling the
  server), for an English method's body, its Welsh translation's body, and its card.
- The PDF step, cold (empty cache) and after one method's text changes (warm cache).

    .venv/bin/python tests/benchmarks/bench.py [--runs 3] [--no-write]

Not a test: the figures vary from machine to machine and run to run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/: the helpers
sys.path.insert(0, str(ROOT))

from helpers import serving  # noqa: E402
from pdf import synthetic  # noqa: E402
from report import record  # noqa: E402

# Python as a reader's machine runs it: writing compiled modules (__pycache__) on the first run and
# reading them after. An environment that turns that off (PYTHONDONTWRITEBYTECODE, as some CI and
# sandboxes do) would make every run of ours compile the handbook's code again, while the bare
# build's code (Material, in site-packages) was compiled when it was installed.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_GIT_DATES": "false"}
METHOD = "journey-mapping"  # has a Welsh translation with its own body


def copy(dest: Path) -> Path:
    for folder in ("macros", "overrides", "docs"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "mkdocs.cy.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest


def bare_config(project: Path) -> Path:
    """mkdocs.yml as bare Material would have it: no hook, no macros, no overrides, no git dates."""
    text = (project / "mkdocs.yml").read_text()
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    for plugin in ("macros", "git-revision-date-localized", "offline"):
        text = re.sub(rf"  {plugin}:\n(    .*\n)+", "", text)
    text = re.sub(r"\nextra_(css|javascript):\n(  - .*\n)+", "\n", text)
    text = text.replace("  custom_dir: overrides\n", "").replace("strict: true", "strict: false")
    text = text.replace("  alternate: true\n", "")  # our language links need our hook; Material's want a list
    # The same navigation as ours: every mindset, method and tool in its section, as the macros
    # add them (otherwise bare Material would render a far smaller menu on every page).
    import yaml

    from macros.loader import load
    from macros.pages import Pages

    head, _, nav = text.partition("\nnav:\n")
    nav = yaml.safe_load("nav:\n" + nav)["nav"]
    Pages(load(project / "docs", root=project), "en", use_directory_urls=True, pdf=False).expand_nav(nav)
    (project / "bare.yml").write_text(head + "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True))
    return project / "bare.yml"


def timed(args: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def html_ratio(project: Path, runs: int, caches: bool = True) -> tuple[float, float, float]:
    """Ours against bare Material, in turns. `caches`: ours keeps what one build makes for the next
    (macros/caches.py), as every build after a project's first does; without, every run of ours is
    a first build (a fresh clone's)."""
    bare = bare_config(project)
    ours_env = {**ENV, "HANDBOOK_PDF": "false", "HANDBOOK_LANGUAGES": "en", "HANDBOOK_CACHE": str(caches).lower()}
    ours, plain = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            ours.append(timed([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                               "-d", f"{tmp}/ours"], project, ours_env))
            plain.append(timed([sys.executable, "-m", "mkdocs", "build", "-f", str(bare), "-d", f"{tmp}/bare"],
                               project, ENV))
    o, b = statistics.median(ours), statistics.median(plain)
    return o, b, o / b


def reloads(project: Path) -> dict[str, float]:
    """Seconds from saving each kind of edit until the served page shows it."""
    log = project / "serve.log"
    with serving(project, log, HANDBOOK_PDF="true") as (server, base):
        def wait(condition, seconds: float = 180) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if condition():
                    return
                if server.poll() is not None:
                    sys.exit(f"mkdocs serve stopped:\n{log.read_text()[-3000:]}")
                time.sleep(0.05)
            sys.exit(f"timed out:\n{log.read_text()[-3000:]}")

        def shows(url: str, text: str) -> bool:
            try:
                return text in urllib.request.urlopen(base + url, timeout=5).read().decode()
            except OSError:
                return False

        def edit(path: Path, old: str, new: str, url: str, marker: str) -> float:
            """Seconds from saving the edit until the page at `url` contains `marker`."""
            content = path.read_text()
            assert old in content, (path, old)
            start = time.perf_counter()
            path.write_text(content.replace(old, new, 1))
            wait(lambda: shows(url, marker))
            return time.perf_counter() - start

        wait(lambda: "PDFs ready" in log.read_text())  # the background PDFs, first: they take the cores
        time.sleep(1)
        docs = project / "docs" / "methods"
        return {
            "an English method's text, until its page shows it": edit(
                docs / f"{METHOD}.md", "## When to use it\n", "## When to use it\n\nBenchmark edit one.\n",
                f"methods/{METHOD}/", "Benchmark edit one."),
            "its Welsh translation's text, until its page shows it": edit(
                docs / f"{METHOD}.cy.md", "\n## ", "\nGolygiad meincnod.\n\n## ", f"cy/methods/{METHOD}/",
                "Golygiad meincnod."),
            "its card, until the English page shows it": edit(
                docs / f"{METHOD}.md", "people: {min: 3, max: 12}", "people: {min: 3, max: 13}",
                f"methods/{METHOD}/", "3 to 13 people"),
            "its card again, until the Welsh page shows it too": edit(
                docs / f"{METHOD}.md", "people: {min: 3, max: 13}", "people: {min: 3, max: 14}",
                f"cy/methods/{METHOD}/", "3 i 14 o bobl"),
        }


def pdf_steps(project: Path) -> dict:
    """The PDF step's wall time with an empty cache, then after one method's text changes."""
    with tempfile.TemporaryDirectory() as tmp:
        cache, out = Path(tmp) / "cache", {}
        for name in ("cold", "one method changed"):
            report = Path(tmp) / f"{name}.json"
            env = {**ENV, "HANDBOOK_PDF": "true", "HANDBOOK_OFFLINE_ZIP": "false", "HANDBOOK_PDF_CACHE": str(cache),
                   "HANDBOOK_PDF_REPORT": str(report)}
            timed([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", f"{tmp}/site"],
                  project, env)
            reports = [json.loads(p.read_text()) for p in sorted(Path(tmp).glob(f"{name}*.json"))]
            out[name] = {"seconds": max(r["wall"] for r in reports),
                         "made": sum(len(r["files"]) - len(r["cached"]) for r in reports),
                         "total": sum(len(r["files"]) for r in reports)}
            page = project / "docs" / "methods" / f"{METHOD}.md"
            page.write_text(page.read_text().replace("## When to use it\n", "## When to use it\n\nChanged.\n", 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        real = copy(Path(tmp) / "real")
        big = synthetic(Path(tmp) / "big", 200 + 35)
        for name, project in (("this handbook", real), ("with 200 more methods", big)):
            o, b, ratio = html_ratio(project, args.runs)
            rows.append((f"HTML build, English, no PDFs, against bare Material ({name})",
                         f"{ratio:.2f}× ({o:.1f} s against {b:.1f} s)", "≤ 1.3×"))
        o, b, ratio = html_ratio(real, args.runs, caches=False)
        rows.append(("The same, a first build: nothing kept from an earlier one (this handbook)",
                     f"{ratio:.2f}× ({o:.1f} s against {b:.1f} s)", "—"))
        for what, seconds in reloads(copy(Path(tmp) / "serve")).items():
            target = "—" if "Welsh page shows it too" in what else "≤ 2 s"  # the target is for the language edited
            rows.append((f"`make serve`: saving {what}", f"{seconds:.1f} s", target))
        steps = pdf_steps(copy(Path(tmp) / "pdf"))
        for name, step in steps.items():
            rows.append((f"PDF step, both languages, {name}",
                         f"{step['seconds']:.1f} s ({step['made']} of {step['total']} PDFs made)",
                         "only the PDFs that contain it" if name != "cold" else "—"))
    table = "| Measure | Now | Target |\n| --- | --- | --- |\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    print(table)
    if not args.no_write:
        record("build", table)


if __name__ == "__main__":
    main()
