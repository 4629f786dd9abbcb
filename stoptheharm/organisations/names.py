"""Names of organisations reduced to a form that compares equal when people mean the same organisation.

Shared by the import, the directory's search, "Join the coalition" and (later) statement endorsements,
so that every door into the directory finds the same duplicates.
"""

import unicodedata
from urllib.parse import urlsplit

# Legal forms only, compared after folding (so "e.V." is "ev", "Inc." is "inc"), and only at the end of a
# name. Words that say what an organisation is ("Foundation", "Network", "NGO", "Association") are
# left alone: "Drug Policy Foundation" and "Drug Policy Network" are different organisations.
LEGAL_FORM_SUFFIXES = frozenset(
    {
        "ev",  # eingetragener Verein (DE)
        "gev",  # gemeinnütziger eingetragener Verein (DE)
        "gmbh",
        "ggmbh",  # gemeinnützige GmbH (DE)
        "ltd",
        "limited",
        "pty",  # "Pty Ltd" (AU, ZA)
        "plc",
        "llc",
        "inc",
        "incorporated",
        "cic",  # community interest company (UK)
        "ac",  # asociación civil (MX, AR)
        "asbl",  # association sans but lucratif (BE, LU)
        "vzw",  # vereniging zonder winstoogmerk (BE)
    }
)
# Dropped without a trace, so that "R.O.S.É.S." is "roses" and "St. Mary's" is "st marys"; every
# other punctuation mark or symbol separates words ("HIV/AIDS" is "hiv aids").
JOINING_PUNCTUATION = frozenset(".'\u2019\u2018`\u00b4\u02bc")  # full stop and the apostrophes


def fold_text(text: str) -> str:
    """Compatibility-normalised (NFKC), case-folded, without accents or punctuation, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    characters = []
    for character in decomposed:
        category = unicodedata.category(character)
        if category == "Mn" or character in JOINING_PUNCTUATION:
            continue
        characters.append(" " if category[0] in "PSZC" else character)
    return " ".join(unicodedata.normalize("NFC", "".join(characters)).split())


def normalise_organisation_name(name: str) -> str:
    """The folded name without trailing legal-form suffixes; equal for names that mean the same organisation.

    A name that is nothing but a legal form ("Inc") keeps it, so that no name normalises to nothing.
    """
    words = fold_text(name).split()
    while len(words) > 1 and words[-1] in LEGAL_FORM_SUFFIXES:
        words.pop()
    return " ".join(words)


def website_domain(url: str) -> str:
    """The website's host, lower-cased and without "www.": "https://WWW.Hri.global/en" is "hri.global"."""
    url = url.strip()
    if not url:
        return ""
    if "//" not in url:
        url = f"//{url}"
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unbalanced "[" in the host
        return ""
    host = host.rstrip(".").lower()
    return host.removeprefix("www.")
