"""What the session planner's "What you need" list is made from: each method's materials, in
like items, so that a plan of three methods lists "Sticky notes" once, not three times.

How like items are found (per language, at build time; the planner in the browser only groups
by the keys made here):

1. A line that names a common supply (sticky notes, pens, an online whiteboard, a wall, large
   paper, a timer...) is split into its parts at commas and at "and" / "or" ("a", "ac", "neu" in
   Welsh), outside quotation marks. A part that only qualifies the one before ("one for each
   type of asset", "if anyone joins remotely") stays with it. Each part that is a common supply
   becomes that supply, under one name from macros/labels.yml (`material_*`), whatever its
   colours, thickness or size ("Sticky notes in three colours", "sticky notes and pens": both
   "Sticky notes"). The other parts stay as written.
2. A line that names no common supply is kept whole: splitting "Name badges, food and drink"
   would make nonsense of it.
3. Every item that is not a supply is compared by a key: lower case, without a leading article
   or "your", without the words that only say how it is made ("printed or shared", "printed",
   "in three colours", "thick"), without a closing "if ..." clause, and in English with each word's
   plural "s" dropped. So "A printed assumptions log" and "A printed or shared assumptions log"
   are one item, and so are "An information sheet..." and "Information sheets...". Welsh plurals
   are not regular enough to drop (taflen, taflenni): Welsh items combine when they are the
   same words once mutations at the start of a supply's name are allowed for (bwrdd, fwrdd).

Written here rather than taken from a library: the supplies and the qualifiers are this
handbook's own words, in two languages; a general stemmer would join unlike things.
"""

from __future__ import annotations

import re

# A common supply: its key (and labels.yml key `material_<key>`), and what a part starts with in
# each language, after the article is taken off. Welsh allows for the mutations these words take.
SUPPLIES: dict[str, dict[str, str]] = {
    "sticky_notes": {"en": r"sticky notes?\b", "cy": r"nodiad(?:au)? gludiog"},
    "sticky_dots": {"en": r"(?:sticky |red )?dots\b", "cy": r"dotiau\b"},
    "pens": {"en": r"(?:(?:thick|marker|felt-tip) )*pens?\b", "cy": r"(?:beiros?|b?ph?enn?au|ph?en)\b"},
    "online_whiteboard": {"en": r"online (?:map or )?whiteboard\b", "cy": r"(?:map neu )?[bf]wrdd gwyn ar-lein"},
    "whiteboard": {"en": r"whiteboard\b", "cy": r"[bf]wrdd gwyn\b(?! ar-lein)"},
    "wall": {"en": r"(?:(?:large|long|clear) )?wall\b", "cy": r"wal\b"},
    "large_paper": {"en": r"(?:large (?:sheet|paper)|(?:long )?roll of paper)\b",
                    "cy": r"(?:[dt]alen fawr|papur mawr|r?h?olyn (?:hir )?o bapur)"},
    "timer": {"en": r"timer\b", "cy": r"amserydd\b"},
    "notebook": {"en": r"notebook\b", "cy": r"llyfr nodiadau\b"},
}

SPLIT = {
    "en": re.compile(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+"),
    "cy": re.compile(r",\s*(?:a|ac|neu)\s+|,\s*|\s+(?:a|ac|neu)\s+"),
}
# A part that only qualifies the part before it.
QUALIFIER = {
    "en": re.compile(r"(?:one |two |three |four |five |if |with |such as |each |[\"“])"),
    "cy": re.compile(r"(?:un |dau |tri |pedwar |pump |os |gyda |fel |pob un |[\"“])"),
}
ARTICLE = {
    "en": re.compile(r"^(?:a|an|the|any|your|some)\s+"),
    "cy": re.compile(r"^(?:y|yr|eich|unrhyw)\s+"),
}
# Words that say how an item is made or sized, not what it is.
HOW = {
    "en": re.compile(r"\b(?:printed or shared|printed|shared|thick|in (?:two|three|five|six|several|\d+) colours?)\b"
                     r"|,?\s+if\b.*$"),
    "cy": re.compile(r"\s*(?:wedi'i (?:h?argraffu|rhannu)(?: neu (?:ei|wedi'i) rannu)?|trwchus"
                     r"|mewn (?:dau|tri|pum|chwe|sawl) (?:liw|lliw))\b|,?\s+os\b.*$"),
}
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def _bare(part: str, lang: str) -> str:
    """A part in lower case, without its article, its "how" words and its closing "if" clause."""
    text = ARTICLE[lang].sub("", part.strip().lower())
    text = HOW[lang].sub("", text)
    return re.sub(r"\s+", " ", text).strip(" ,.")


def supply(part: str, lang: str) -> str | None:
    bare = _bare(part, lang)
    for key, patterns in SUPPLIES.items():
        if re.match(patterns[lang], bare):
            return key
    return None


def key(text: str, lang: str) -> str:
    """The key under which like items (that are not supplies) are one item."""
    bare = re.sub(r"[^\w\s'’×-]", "", _bare(text, lang))
    if lang == "en":
        bare = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in bare.split())
    return bare


def parts(line: str, lang: str) -> list[str]:
    """A line's parts, split outside quotation marks; a qualifying part joins the one before."""
    quotes: list[str] = []
    hidden = QUOTED.sub(lambda m: quotes.append(m.group(0)) or f"\x00{len(quotes) - 1}\x00", line)
    out: list[str] = []
    for piece in SPLIT[lang].split(hidden):
        piece = re.sub(r"\x00(\d+)\x00", lambda m: quotes[int(m.group(1))], piece).strip()
        if not piece:
            continue
        if out and QUALIFIER[lang].match(piece):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return out


def items(materials: list[str], lang: str) -> list[tuple[str, str]]:
    """A method's materials as (key, text) pairs, each key once: a supply's key is `supply:<name>`
    and its text empty (the planner names it from labels.yml); any other item keeps its words."""
    out: list[tuple[str, str]] = []
    for line in materials:
        split = parts(line, lang)
        found = [supply(p, lang) for p in split]
        if not any(found):
            split, found = [line], [None]
        for part, name in zip(split, found):
            item = (f"supply:{name}", "") if name else (key(part, lang), part[:1].upper() + part[1:])
            if item[0] not in [k for k, _ in out]:
                out.append(item)
    return out
