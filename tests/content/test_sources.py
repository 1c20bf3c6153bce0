"""Links to the law name the law: every link to legislation.gov.uk points to one Act, Measure or
set of regulations (its type, year and number), and to the section the text cites; no link
points to the retired 18F Methods site."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "contribute/templates" not in p.as_posix())
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)(?P<after>[^.;\n\[]{0,40})")
# legislation.gov.uk/<type>/<year>/<number>[/section/<n> | /regulation/<n> | /part/<n> | /schedule/<n> | /contents]
# [/enacted | /made | /welsh]. Types: ukpga (UK Act), anaw and asc (Senedd Acts), mwa (Assembly
# Measure), uksi and wsi (UK and Welsh statutory instruments), and the other types the site uses.
LEGISLATION = re.compile(
    r"^https://www\.legislation\.gov\.uk/(?P<type>ukpga|anaw|asc|mwa|nawm|uksi|wsi|ssi|asp|nisi|nia|ukla|eur|eudr|eudn)/"
    r"(?P<year>\d{4})/(?P<number>\d+)"
    r"(?:/(?P<part>section|regulation|part|schedule|article)/(?P<where>[0-9A-Za-z]+)(?:/[0-9A-Za-z]+)*|/contents)?"
    r"(?:/(?:enacted|made|welsh|data\.pdf))*/?(?:#[\w-]+)?$")  # e.g. /contents/made/welsh
# A section (or regulation) the text cites, in English or Welsh: "section 149", "s.16", "s 6",
# "regulation 4", "adran 6", "rheoliad 4".
CITED = re.compile(r"(?:\b(?:sections?|adran|regulation|rheoliad)\s+|\bs\.\s*)(\d+[A-Z]?)\b", re.I)


def links(path):
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in LINK.finditer(line):
            yield number, match.group("text"), match.group("url"), match.group("after")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_links_to_legislation_name_the_act_and_the_section_cited(path):
    problems = []
    for line, text, url, after in links(path):
        if "legislation.gov.uk" not in url:
            continue
        match = LEGISLATION.match(url)
        if not match:
            problems.append(f"line {line}: {url} does not name one Act or set of regulations "
                            "(https://www.legislation.gov.uk/<type>/<year>/<number>/…)")
            continue
        # The section the link's own words cite, or the words right after it ("…](…), section 149").
        cited = CITED.search(text) or CITED.match(after.lstrip(" ,("))
        if cited and match.group("where") != cited.group(1):
            problems.append(f"line {line}: [{text}] cites {cited.group(0)!r} but links {url}: "
                            f"link that section (…/section/{cited.group(1)})")
    assert not problems, "\n".join(problems)


def test_the_rule_itself():
    """The patterns above, on links that must pass and links that must fail."""
    good = ["https://www.legislation.gov.uk/anaw/2015/2/section/6",
            "https://www.legislation.gov.uk/ukpga/2010/15/section/149",
            "https://www.legislation.gov.uk/ukpga/2023/54/contents",
            "https://www.legislation.gov.uk/wsi/2024/1323/contents/made",
            "https://www.legislation.gov.uk/anaw/2015/2/section/6/welsh"]
    bad = ["https://www.legislation.gov.uk/", "https://www.legislation.gov.uk/ukpga/2010",
           "https://www.legislation.gov.uk/search?title=equality", "http://www.legislation.gov.uk/ukpga/2010/15"]
    assert all(LEGISLATION.match(u) for u in good), [u for u in good if not LEGISLATION.match(u)]
    assert not any(LEGISLATION.match(u) for u in bad), [u for u in bad if LEGISLATION.match(u)]
    assert CITED.search("Equality Act 2010, section 149").group(1) == "149"
    assert CITED.search("Deddf 2015, adran 6").group(1) == "6"
    assert CITED.search("the Act, s.16").group(1) == "16"
    assert CITED.search("Wales's 7 goals") is None


def test_no_link_to_the_retired_18f_methods_site():
    """methods.18f.gov was shut down in 2025: link the method's source file in 18F/methods instead."""
    found = [f"{p.relative_to(ROOT)}:{n}" for p in PAGES
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if "methods.18f.gov" in line]
    assert not found, "links to the retired 18F Methods site: " + ", ".join(found)
