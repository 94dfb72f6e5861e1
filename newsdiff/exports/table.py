"""The CSV export: one row per pair of quotes, both wordings side by side, for a spreadsheet."""

import csv
import io

from newsdiff.exports.story import StoryData

COLUMNS = [
    "pair",
    "version_a",
    "outlet_a",
    "number_a",
    "version_b",
    "outlet_b",
    "number_b",
    "text_a",
    "text_b",
    "speaker_a",
    "speaker_b",
    "kind",
    "score",
    "flags",
    "origin",
    "review",
    "note",
    "reviewed_by",
    "reviewed_at",
]
# A cell starting with one of these is a formula to a spreadsheet: a quote like "=1+1" or
# "-you know" must stay text, so it gets a leading apostrophe (OWASP's CSV injection advice).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def pairs_csv(data: StoryData) -> str:
    versions = {v.pk: v for v in data.versions}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for p in data.pair_dicts():
        va, vb = versions[p["version_a"]], versions[p["version_b"]]
        review = p["review"] or {}
        row = [
            p["id"],
            va.pk,
            va.article.outlet.name,
            va.number,
            vb.pk,
            vb.article.outlet.name,
            vb.number,
            p["text_a"],
            p["text_b"],
            p["speaker_a"],
            p["speaker_b"],
            p["kind"],
            f"{p['score']:g}",
            ";".join(p["flags"]),
            p["origin"],
            review.get("decision", ""),
            review.get("note", ""),
            review.get("reviewed_by", ""),
            review.get("reviewed_at", ""),
        ]
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
