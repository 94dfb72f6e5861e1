"""Fidelity reports: how faithfully each outlet reproduced the quotes of a story's reference
version (its original, see collation.provenance), for one story and across all stories.

Every reference quote (headline fragments left out) counts once per version as verbatim,
minor, partial, reworded or dropped, with meaning-changed and misattributed (speaker changed)
counted beside (newsdiff.engine.fidelity). Pairs an editor rejected do not count as matches;
pairs an editor linked do. An outlet is measured by the latest version of each of its
articles; the reference's own article is the yardstick, not measured.

Public: `story_report(story) -> StoryReport`, `fidelity_report(stories=None) ->
FidelityReport`; both have `.to_dict()`. A fixed number of queries, however many stories.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdiff.collation.links import story_links
from newsdiff.collation.provenance import provenances
from newsdiff.engine.fidelity import CATEGORIES, OVERLAYS, Tally, tally_version
from newsdiff.quotes.models import Quote
from newsdiff.stories.models import Story, Version

LABELS = {
    "verbatim": "Verbatim",
    "minor": "Minor edit",
    "partial": "Partial",
    "reworded": "Reworded",
    "dropped": "Dropped",
    "meaning_changed": "Meaning changed",
    "misattributed": "Misattributed",
}


def tally_dict(t: Tally) -> dict:
    return {
        "total": t.total,
        **{name: getattr(t, name) for name in CATEGORIES + OVERLAYS},
        "shares": {name: round(share, 4) for name, share in t.shares.items()},
    }


@dataclass
class Line:
    """A row of a report table and a bar of its chart: `label` (an outlet, or a version)."""

    label: str
    tally: Tally
    versions: list[Version] = field(default_factory=list)

    def cells(self) -> list[tuple[str, str, int, float]]:
        """(name, label, count, share) for each column of the table."""
        return [(n, LABELS[n], getattr(self.tally, n), self.tally.share(n))
                for n in CATEGORIES + OVERLAYS]

    def to_dict(self) -> dict:
        return {"label": self.label, "versions": [v.pk for v in self.versions],
                **tally_dict(self.tally)}


@dataclass
class StoryReport:
    """`outlets` one line per outlet (reference's article left out), `versions` one per
    version other than the reference."""

    story: Story
    reference: Version | None
    reference_quotes: int
    outlets: list[Line]
    versions: list[Line]

    @property
    def chart(self) -> "Chart":
        return Chart(self.outlets)

    def to_dict(self) -> dict:
        ref = self.reference
        return {
            "story": self.story.slug,
            "reference": {"version": ref.pk, "outlet": ref.article.outlet.name,
                          "number": ref.number} if ref else None,
            "reference_quotes": self.reference_quotes,
            "outlets": [line.to_dict() for line in self.outlets],
            "versions": [line.to_dict() for line in self.versions],
        }


@dataclass
class FidelityReport:
    """Every story's report and the outlets' tallies summed across them."""

    stories: list[StoryReport]
    outlets: list[Line]

    @property
    def chart(self) -> "Chart":
        return Chart(self.outlets)

    def to_dict(self) -> dict:
        return {"outlets": [line.to_dict() for line in self.outlets],
                "stories": [r.to_dict() for r in self.stories]}


def story_report(story: Story) -> StoryReport:
    return story_reports([story])[0]


def fidelity_report(stories: Iterable[Story] | None = None) -> FidelityReport:
    reports = story_reports(Story.objects.order_by("title") if stories is None else stories)
    totals: dict[str, Line] = {}
    for report in reports:
        for line in report.outlets:
            found = totals.setdefault(line.label, Line(line.label, Tally()))
            found.tally += line.tally
            found.versions += line.versions
    return FidelityReport(reports, sorted(totals.values(), key=_order))


def story_reports(stories: Iterable[Story]) -> list[StoryReport]:
    stories = list(stories)
    found = provenances(stories)
    references = {s.pk: found[s.pk].reference for s in stories}
    counted: dict[int, list[int]] = {v.pk: [] for v in references.values() if v is not None}
    for version_id, index in (
        Quote.objects.filter(version__in=list(counted), fragment=False)
        .order_by("version_id", "index")
        .values_list("version_id", "index")
    ):
        counted[version_id].append(index)
    links = story_links([s.pk for s in stories])
    reports = []
    for story in stories:
        ref = references[story.pk]
        if ref is None:
            reports.append(StoryReport(story, None, 0, [], []))
            continue
        with_ref = links[story.pk].with_version(ref.pk)
        versions = [v for v in found[story.pk].versions if v.pk != ref.pk]
        lines = [
            Line(f"{v.article.outlet.name} v{v.number}",
                 tally_version(counted[ref.pk], with_ref.get(v.pk, [])), [v])
            for v in versions
        ]
        latest: dict[int, Line] = {}
        for line in lines:  # publication order: the last one seen is the latest
            if line.versions[0].article_id != ref.article_id:
                latest[line.versions[0].article_id] = line
        outlets: dict[str, Line] = {}
        for line in latest.values():
            name = line.versions[0].article.outlet.name
            total = outlets.setdefault(name, Line(name, Tally()))
            total.tally += line.tally
            total.versions += line.versions
        reports.append(StoryReport(story, ref, len(counted[ref.pk]),
                                   sorted(outlets.values(), key=_order), lines))
    return reports


def _order(line: Line) -> tuple:
    """Most faithful first: share verbatim, then fewest meaning changes."""
    return (-line.tally.share("verbatim"), line.tally.share("meaning_changed"), line.label)


BAR_X, BAR_W, ROW_H, BAR_H, LABEL_W = 190, 400, 34, 18, 180


@dataclass(frozen=True)
class Segment:
    name: str
    label: str
    x: float
    width: float
    count: int
    share: float


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    segments: list[Segment]
    note: str
    total: int

    @property
    def text_y(self) -> int:
        return self.y + BAR_H - 4


@dataclass
class Chart:
    """Stacked horizontal bars, one per line: the five categories as shares of the quotes
    counted, drawn by the template as SVG rects (classes carry the colours)."""

    lines: list[Line]

    @property
    def bars(self) -> list[Bar]:
        bars = []
        for n, line in enumerate(self.lines):
            t, x, segments = line.tally, float(BAR_X), []
            for name in CATEGORIES:
                width = round(BAR_W * t.share(name), 2)
                if width:
                    segments.append(Segment(name, LABELS[name], round(x, 2), width,
                                            getattr(t, name), t.share(name)))
                    x += width
            notes = [f"{t.meaning_changed} meaning" if t.meaning_changed else "",
                     f"{t.misattributed} speaker" if t.misattributed else ""]
            bars.append(Bar(line.label, 30 + n * ROW_H, segments,
                            " · ".join(x for x in notes if x), t.total))
        return bars

    @property
    def height(self) -> int:
        return 30 + len(self.lines) * ROW_H + 6

    width = BAR_X + BAR_W + 170
    bar_x = BAR_X
    bar_w = BAR_W
    bar_h = BAR_H
    label_w = LABEL_W

    @property
    def ticks(self) -> list[tuple[float, str]]:
        return [(BAR_X + BAR_W * k / 4, f"{25 * k}%") for k in range(5)]

    @property
    def note_x(self) -> int:
        return BAR_X + BAR_W + 8
