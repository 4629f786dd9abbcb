"""Reading the numbered lists of signatory organisations that joint statements are published with.

Such a list is copied out of a PDF or a word processor: "1. International Drug Policy Consortium",
one entry per number, with long names wrapped onto the next lines (sometimes after a blank line) and
stray spaces before the numbers and after the names.
"""

import re
from dataclasses import dataclass

from stoptheharm.organisations.names import normalise_organisation_name

NUMBERED_LINE = re.compile(r"^\s*(\d{1,5})\.\s+(\S.*?)\s*$")


@dataclass(frozen=True)
class Signatory:
    number: int
    name: str


@dataclass(frozen=True)
class DuplicateSignatory:
    """An organisation listed more than once: the numbers it appears under, and its name as first listed."""

    numbers: tuple[int, ...]
    name: str


def parse_signatory_list(text: str) -> list[Signatory]:
    """The list's entries in order, each wrapped name joined back into one line.

    An entry starts at a line "N. name" whose N is one more than the previous entry's, so a wrapped
    line that happens to look numbered ("5. Sustainable ..." in the middle of entry 1) continues the
    name. Lines before entry 1 (the list's heading) are ignored. A line that ends with a hyphen right
    after a letter ("l'Abitibi-") is joined to the next without a space: the name was hyphenated, not
    wrapped between words. Names are kept exactly as written, in any script.
    """
    entries: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        match = NUMBERED_LINE.match(line)
        expected = entries[-1][0] + 1 if entries else 1
        if match and int(match.group(1)) == expected:
            entries.append((expected, [match.group(2)]))
        elif entries and line.strip():
            entries[-1][1].append(line.strip())
    return [Signatory(number=number, name=_join_wrapped(parts)) for number, parts in entries]


def find_duplicate_signatories(signatories: list[Signatory]) -> list[DuplicateSignatory]:
    """Organisations listed more than once, compared by their normalised names, in the order of first listing."""
    numbers_by_name: dict[str, list[Signatory]] = {}
    for signatory in signatories:
        numbers_by_name.setdefault(normalise_organisation_name(signatory.name), []).append(signatory)
    return [
        DuplicateSignatory(numbers=tuple(entry.number for entry in listed), name=listed[0].name)
        for listed in numbers_by_name.values()
        if len(listed) > 1
    ]


def distinct_signatories(signatories: list[Signatory]) -> list[Signatory]:
    """Each organisation once, at its first listing."""
    seen: set[str] = set()
    distinct = []
    for signatory in signatories:
        key = normalise_organisation_name(signatory.name)
        if key not in seen:
            seen.add(key)
            distinct.append(signatory)
    return distinct


def _join_wrapped(parts: list[str]) -> str:
    name = parts[0]
    for part in parts[1:]:
        hyphenated = len(name) > 1 and name.endswith("-") and name[-2].isalpha()
        name = f"{name}{part}" if hyphenated else f"{name} {part}"
    return name
