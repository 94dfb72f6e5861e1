"""Text from uploads shown inside a line of interface text, kept from reordering that line.

A headline can carry a right-to-left override (U+202E) or right-to-left letters; placed as-is
beside "v2" or "Partial" it can flip or move them. `isolate` wraps such text in <bdi>, which
browsers lay out as an isolated run, so only the text itself is affected. Plain left-to-right
text is left unwrapped, keeping the markup small.
"""

import unicodedata

from django import template
from django.utils.html import format_html

register = template.Library()

# Bidi classes that can change the order of what surrounds them: right-to-left letters and
# digits, and the explicit embedding, override and isolate controls.
_DIRECTIONAL = {"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def needs_isolation(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _DIRECTIONAL for ch in text if ord(ch) >= 0x590)


@register.filter
def isolate(value) -> str:
    """The value escaped, in <bdi> when it holds right-to-left letters or direction controls."""
    text = "" if value is None else str(value)
    if needs_isolation(text):
        return format_html("<bdi>{}</bdi>", text)
    return format_html("{}", text)
