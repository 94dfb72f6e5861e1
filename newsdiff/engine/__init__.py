"""The quote engine: plain Python over strings, no Django.

normalise → extract (quotes) → attribute (speakers) → align → classify (kinds, flags) → diff.
"""

# Stored alignments record the engine that computed them; bump this when results would differ,
# and the next upload (or `manage.py align_stories`) recomputes what is out of date.
ENGINE_VERSION = "2"

from newsdiff.engine.align import KINDS, Pair, align_versions, pair_quotes
from newsdiff.engine.compare import Comparison, compare_texts
from newsdiff.engine.diff import Segment
from newsdiff.engine.meaning import FLAGS
from newsdiff.engine.normalise import normalise, quote_key
from newsdiff.engine.quotes import Quote
from newsdiff.engine.version import ExtractedVersion, analyse_version, extract_quotes, unify_speakers

__all__ = [
    "ENGINE_VERSION", "FLAGS", "KINDS", "Comparison", "ExtractedVersion", "Pair", "Quote", "Segment",
    "align_versions", "analyse_version", "pair_quotes", "compare_texts", "extract_quotes", "normalise",
    "quote_key", "unify_speakers",
]
