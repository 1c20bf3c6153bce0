"""PDF benchmark: the print step's time and peak memory beside the HTML build's.

Builds each handbook twice in a fresh process, once with HANDBOOK_PDF=false (the HTML build)
and once as the deploy does (HTML, then every PDF), and prints:

- the HTML build's time and peak memory, and the full build's time;
- the PDF step's wall time (every language's parts, side by side in worker processes when there are
  cores for them), its CPU time (the parts added up), and the largest peak memory of any
  process of the step;
- the ratio of the PDF step's time to the HTML build's (the goal: at most 3).

For the real handbook, and for a synthetic one: a copy of the real handbook with methods
added up to 200, each with full front matter (8 steps, several outputs) and about 450 words
in its seven sections.

    .venv/bin/python tests/benchmarks/pdf.py [--methods 200] [--only real|synthetic] [--workers N]

Not a test (pytest does not collect this folder's files without a test_ prefix).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ("people service team council residents idea test learn small risk together change data "
         "journey problem partner budget evidence story question workshop listen share trust time "
         "community health housing staff outcome value plan review notice choose try measure build").split()


def build(project: Path, site: Path, pdf: bool, workers: int | None) -> dict:
    """One `mkdocs build` in a fresh process: wall time, peak memory, and the PDF step's report."""
    report = site.parent / f"{site.name}-report.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "true" if pdf else "false",
           "HANDBOOK_PDF_REPORT": str(report)}
    if workers:
        env["HANDBOOK_PDF_WORKERS"] = str(workers)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                                "-d", str(site)], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"The build of {project} failed:\n{stderr.decode()[-3000:]}")
    result = {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024}
    if pdf:  # one report per language: English (the name given), then each other language's
        result["pdf"] = {"en": json.loads(report.read_text())}
        for other in sorted(report.parent.glob(f"{report.stem}.*{report.suffix}")):
            result["pdf"][other.stem.rsplit(".", 1)[-1]] = json.loads(other.read_text())
    return result


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def synthetic(dest: Path, total: int) -> Path:
    """A copy of the project whose methods are topped up to `total` with generated ones."""
    for folder in ("macros", "overrides", "docs"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy(ROOT / "mkdocs.cy.yml", dest / "mkdocs.cy.yml")  # the Welsh site (its new methods in English)
    from macros.loader import load
    from macros.vocab import load_labels, load_vocabularies

    catalogue = load(dest / "docs", root=dest)
    vocab, labels = load_vocabularies(), load_labels()
    existing = [e.slug for e in catalogue.items("method")]
    mindsets = [e.slug for e in catalogue.items("mindset")]
    tools = [e.slug for e in catalogue.items("tool")]
    headings = labels.required_headings("method", "en")
    rng = random.Random(200)
    count = max(0, total - len(existing))
    slugs = [f"synthetic-method-{i:03d}" for i in range(1, count + 1)]
    for i, slug in enumerate(slugs):
        meta = {
            "title": f"Synthetic method {i + 1:03d}",
            "summary": sentence(rng, 18),
            "why": sentence(rng, 30),
            "phases": rng.sample(vocab.keys("phases"), 2),
            "time": {"min": 1, "max": 3, "unit": "hours"},
            "people": {"min": 2, "max": 12},
            "difficulty": rng.choice(vocab.keys("difficulty")),
            "materials": [sentence(rng, 4)[:-1] for _ in range(3)],
            "outputs": [sentence(rng, 5)[:-1] for _ in range(3)],
            "steps": [sentence(rng, 14) for _ in range(8)],
            "mindsets": rng.sample(mindsets, 2),
            "tools": rng.sample(tools, 2) if tools else [],
            "related": rng.sample(existing + slugs[:i], 3) if len(existing) + i >= 3 else existing[:2],
            "good_for": [rng.choice(vocab.keys("situations"))],
        }
        body = "".join(f"## {h}\n\n{' '.join(sentence(rng, 16) for _ in range(4))}\n\n" for h in headings)
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body
        (dest / "docs" / "methods" / f"{slug}.md").write_text(text, encoding="utf-8")
    return dest


def measure(name: str, project: Path, workers: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        html = build(project, Path(tmp) / "html", pdf=False, workers=workers)
        full = build(project, Path(tmp) / "full", pdf=True, workers=workers)
        reports = full["pdf"]
        from pypdf import PdfReader

        from macros.printing import Files

        pages = {lang: len(PdfReader(Path(tmp) / "full" / ("" if lang == "en" else lang) / Files(lang).book).pages)
                 for lang in reports}
    # One step makes every language's PDFs: each report gives the same, shared wall time.
    return {"name": name, "html_s": html["seconds"], "html_mb": html["peak_mb"],
            "pdf_s": max(r["wall"] for r in reports.values()), "full_s": full["seconds"],
            "pdf_cpu_s": sum(sum(r["seconds"].values()) for r in reports.values()),
            "pdf_mb": max(max(r["peak_mb"].values()) for r in reports.values()),
            "parts": {f"{lang} {k}": v for lang, r in reports.items() for k, v in r["seconds"].items()},
            "workers": max(r["workers"] for r in reports.values()),
            "files": sum(len(r["files"]) for r in reports.values()),
            "mb": sum(sum(r["files"].values()) for r in reports.values()) / 1e6,
            "pages": ", ".join(f"{lang} {n}" for lang, n in pages.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--methods", type=int, default=200)
    parser.add_argument("--only", choices=("real", "synthetic"))
    parser.add_argument("--workers", type=int, help="worker processes for the PDF step (default: one per core)")
    args = parser.parse_args()
    rows = []
    if args.only in (None, "real"):
        rows.append(measure("real handbook", ROOT, args.workers))
    if args.only in (None, "synthetic"):
        with tempfile.TemporaryDirectory() as tmp:
            project = synthetic(Path(tmp) / "project", args.methods)
            rows.append(measure(f"synthetic, {args.methods} methods", project, args.workers))
    print(f"\n{'handbook':<26}{'HTML s':>8}{'HTML MB':>9}{'full s':>8}{'PDF s':>8}{'PDF CPU s':>11}{'PDF MB':>8}"
          f"{'PDF/HTML':>10}  PDFs")
    for r in rows:
        print(f"{r['name']:<26}{r['html_s']:>8.1f}{r['html_mb']:>9.0f}{r['full_s']:>8.1f}{r['pdf_s']:>8.1f}"
              f"{r['pdf_cpu_s']:>11.1f}"
              f"{r['pdf_mb']:>8.0f}{r['pdf_s'] / r['html_s']:>9.1f}x  {r['files']} files, {r['mb']:.1f} MB, "
              f"{r['workers']} worker(s), book pages: {r['pages']}")
        print(f"{'':<26}parts: " + ", ".join(f"{k} {v:.1f} s" for k, v in r["parts"].items()))
    print("\nBoth languages each time. HTML s: `mkdocs build` with HANDBOOK_PDF=false, whole process (both "
          "sites). full s: the same with the PDFs. PDF s: the PDF step's wall time in the full build (every "
          "language's PDFs, side by side); PDF CPU s: its parts added up. MB: peak resident memory of the "
          "largest process.")


if __name__ == "__main__":
    main()
