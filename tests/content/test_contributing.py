"""What contributors rely on: the JSON Schemas match the models, templates scaffold valid pages."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema as jsonschema_validator
import pytest
import yaml

from helpers import ROOT, copy_project, run_build, soup
from macros import jsonschema
from macros.frontmatter import parse
from macros.schema import FOLDERS, KINDS
from macros.vocab import load_vocabularies


@pytest.mark.parametrize("kind", list(KINDS))
def test_published_json_schema_matches_the_models(kind):
    committed = (jsonschema.SCHEMA_DIR / f"{kind}.schema.json").read_text()
    assert committed == jsonschema.render(kind, load_vocabularies()), (
        f"docs/assets/schemas/{kind}.schema.json is out of date: run `make schemas`.")


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_item_satisfies_its_json_schema(kind):
    schema = json.loads((jsonschema.SCHEMA_DIR / f"{kind}.schema.json").read_text())
    for file in sorted((ROOT / "docs" / FOLDERS[kind]).glob("*.md")):
        if file.name == "index.md" or file.name.endswith(".cy.md"):  # translations hold only words
            continue
        source, _ = parse(file.read_text(), file.name)
        jsonschema_validator.validate(source.meta, schema)


def test_json_schema_rejects_what_the_build_rejects():
    schema = json.loads((jsonschema.SCHEMA_DIR / "method.schema.json").read_text())
    meta = yaml.safe_load((ROOT / "docs/contribute/templates/method.md").read_text().split("---")[1])
    meta["title"] = "A method"
    jsonschema_validator.validate(meta, schema)
    for bad in ({"phases": ["explor"]}, {"summmary": "x"}, {"difficulty": "easy"}, {"time": {"min": 1, "max": 2}}):
        with pytest.raises(jsonschema_validator.ValidationError):
            jsonschema_validator.validate({**meta, **bad}, schema)


@pytest.mark.parametrize("kind, title", [("method", "Card sorting"), ("tool", "Empathy map: quick version"),
                                         ("mindset", "Open-handed")])
def test_scaffolded_page_builds_and_shows_its_title(tmp_path, kind, title):
    project = copy_project(tmp_path / "project")
    templates = project / "docs/contribute/templates"
    templates.mkdir(parents=True)
    (templates / f"{kind}.md").write_text((ROOT / f"docs/contribute/templates/{kind}.md").read_text())
    # The method template names real related methods and mindsets: give the mini handbook those slugs.
    for slug in ("challenge-framing", "learning-review"):
        alpha = (project / "docs/methods/alpha.md").read_text()
        (project / f"docs/methods/{slug}.md").write_text(alpha.replace("title: Alpha method", f"title: {slug}"))
    made = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "new", kind, title],
                          cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    slug = {"Card sorting": "card-sorting", "Empathy map: quick version": "empathy-map-quick-version",
            "Open-handed": "open-handed"}[title]
    assert (project / f"docs/{FOLDERS[kind]}/{slug}.md").exists()
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    built = soup(tmp_path / f"site/{FOLDERS[kind]}/{slug}/index.html")
    assert built.find("h1").get_text().replace("¶", "") == title
    again = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "new", kind, title],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "already exists" in again.stderr
