"""Names of organisations reduced to a form that compares equal when people mean the same organisation.

Shared by the import, the directory's search, "Join the coalition" and (later) statement endorsements,
so that every door into the directory finds the same duplicates.
"""

from urllib.parse import urlsplit

from stoptheharm.core.text import fold_text

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
