"""Numbered references: markers typed as [1] in the statement's text become links to its list of references.

The list is numbered in the editors' order. Each marker links down to its reference, and each
reference links back to every place that cites it, as footnotes do in print.
"""

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from stoptheharm.statements.models import StatementPage

MARKER = re.compile(r"\[(\d{1,3})\]")
TAG = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True)
class Reference:
    number: int
    citation: str
    url: str
    citations: list[str] = field(default_factory=list)  # the ids of the markers that cite it, in reading order


@dataclass(frozen=True)
class AnnotatedStatement:
    body: SafeString
    references: list[Reference]


def _source_texts(body: StreamValue) -> list[str]:
    return [block.value.source if isinstance(block.value, RichText) else str(block.value) for block in body]


def unknown_reference_markers(statement: StatementPage) -> list[int]:
    """The numbers cited in the text that no reference has, in order."""
    count = len(statement.references)
    cited = {int(number) for text in _source_texts(statement.body) for number in MARKER.findall(text)}
    return sorted(number for number in cited if not 1 <= number <= count)


def annotate(statement: StatementPage, *, links: bool = True) -> AnnotatedStatement:
    """The body as HTML with its markers as numbered superscripts (linked both ways if `links`), and the list."""
    count = len(statement.references)
    citations: dict[int, list[str]] = defaultdict(list)

    def marker(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= count:
            return match.group(0)  # left as typed: a translation may lag behind its references
        anchor = f"cite-{number}-{len(citations[number]) + 1}"
        citations[number].append(anchor)
        if not links:
            return f"<sup>{number}</sup>"
        label = _("Reference %(number)d") % {"number": number}
        return str(
            format_html(
                '<sup class="reference-marker"><a id="{}" href="#reference-{}" aria-label="{}">{}</a></sup>',
                anchor,
                number,
                label,
                number,
            )
        )

    html = _replace_in_text(str(statement.body.render_as_block()), marker)
    references = [
        Reference(
            number=number,
            citation=block.value["citation"],
            url=block.value["url"] or "",
            citations=citations.get(number, []),
        )
        for number, block in enumerate(statement.references, start=1)
    ]
    return AnnotatedStatement(body=mark_safe(html), references=references)  # noqa: S308  # Wagtail's rendering, escaped, plus markup built with format_html


def _replace_in_text(html: str, replace: Callable[[re.Match[str]], str]) -> str:
    """Replace markers in text only: never inside a tag's attributes, nor inside an existing link."""
    parts = []
    link_depth = 0
    for part in TAG.split(html):
        if part.startswith("<"):
            name = part[1:].lstrip("/").split(maxsplit=1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name == "a":
                link_depth += -1 if part.startswith("</") else 1
            parts.append(part)
        else:
            parts.append(part if link_depth else MARKER.sub(replace, part))
    return "".join(parts)
