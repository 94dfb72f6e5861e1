"""Fidelity reports: hand-checked numbers on an invented story, editors' reviews respected,
the SVG chart, the report across stories, and a fixed number of queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdiff.collation.report import fidelity_report, story_report
from newsdiff.quotes import reviews
from newsdiff.quotes.models import Quote, QuotePair
from newsdiff.stories.models import Story
from tests.collation.pages import SVG, svgs
from tests.collation.stories import three_versions


def counts(report, label):
    line = next(line for line in report.outlets if line.label == label)
    t = line.tally
    return (t.total, t.verbatim, t.minor, t.partial, t.reworded, t.dropped, t.meaning_changed,
            t.misattributed)


def test_story_report_counts_each_outlets_quotes_against_the_original(story):
    three_versions(story)
    report = story_report(story)
    assert report.reference_quotes == 4
    # Coastline: knots trimmed with a number changed (partial), "not" dropped (minor),
    # Hale and Moss dropped.
    assert counts(report, "Coastline Daily") == (4, 0, 1, 1, 0, 2, 2, 0)
    # Ledger: two verbatim, Hale's words verbatim but given to Kerr, Moss dropped.
    assert counts(report, "Northern Ledger") == (4, 3, 0, 0, 0, 1, 0, 1)
    assert [line.label for line in report.outlets] == ["Northern Ledger", "Coastline Daily"]
    assert "Harbour Gazette" not in [line.label for line in report.outlets]


def test_report_page_shows_the_table_and_a_chart_in_valid_svg(viewer_client, story):
    three_versions(story)
    response = viewer_client.get(f"/stories/{story.slug}/report/")
    assert response.status_code == 200
    content = response.content.decode()
    (chart,) = svgs(content)
    assert chart.get("role") == "img"
    bars = [r for r in chart.iter(f"{SVG}rect")]
    ledger = [r for r in bars if r.find(f"{SVG}title").text.startswith("Northern Ledger")]
    assert [(r.get("class"), float(r.get("width"))) for r in ledger] == [
        ("seg seg-verbatim", 300.0), ("seg seg-dropped", 100.0)
    ]
    assert "style=" not in content
    table = content[content.index("By outlet") :]
    row = re.search(r"<th scope=\"row\">Coastline Daily</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">(\d+) <span", row) == ["0", "1", "1", "0", "2", "2", "0"]


def test_a_rejected_pair_counts_as_dropped_and_a_relinked_one_as_found(story, editor):
    gazette, coastline, _ = three_versions(story)
    berth = QuotePair.objects.select_related("alignment", "quote_a", "quote_b").get(
        alignment__version_a=gazette, alignment__version_b=coastline, quote_a__index=1
    )
    reviews.reject(berth, editor)
    assert counts(story_report(story), "Coastline Daily") == (4, 0, 0, 1, 0, 3, 1, 0)
    # An editor says Coastline's Moss quote is the Gazette's Moss quote after all.
    reviews.relink(
        Quote.objects.get(version=gazette, index=3),
        Quote.objects.get(version=coastline, index=2),
        editor,
    )
    total, verbatim, minor, partial, reworded, dropped, *_ = counts(
        story_report(story), "Coastline Daily"
    )
    assert dropped == 2 and minor + partial + reworded == 2


def test_report_across_stories_sums_each_outlet(viewer_client, db):
    for title in ("Pier one", "Pier two"):
        three_versions(Story.objects.create(title=title, slug=title.lower().replace(" ", "-")))
    report = fidelity_report()
    assert counts(report, "Coastline Daily") == (8, 0, 2, 2, 0, 4, 4, 0)
    assert counts(report, "Northern Ledger") == (8, 6, 0, 0, 0, 2, 0, 2)
    content = viewer_client.get("/reports/fidelity/").content.decode()
    (chart,) = svgs(content)
    assert len([t for t in chart.iter(f"{SVG}text") if t.get("class") == "chart-label"]) == 2
    assert 'href="/stories/pier-one/report/"' in content
    assert 'aria-current="page">Reports</a>' in content


def test_report_data_for_the_api_has_every_category(story):
    gazette, coastline, _ = three_versions(story)
    data = story_report(story).to_dict()
    assert data["reference"] == {"version": gazette.pk, "outlet": "Harbour Gazette", "number": 1}
    coastline_line = next(v for v in data["versions"] if v["versions"] == [coastline.pk])
    assert coastline_line["dropped"] == 2 and coastline_line["shares"]["dropped"] == 0.5
    assert set(coastline_line["shares"]) == {
        "verbatim", "minor", "partial", "reworded", "dropped", "meaning_changed", "misattributed"
    }


def test_report_queries_do_not_grow_with_stories_or_quotes(viewer_client, db):
    counts_seen = []
    for n in range(1, 4):
        three_versions(Story.objects.create(title=f"Story {n}", slug=f"story-{n}"))
        viewer_client.get("/reports/fidelity/")
        with CaptureQueriesContext(connection) as queries:
            assert viewer_client.get("/reports/fidelity/").status_code == 200
        counts_seen.append(len(queries))
    assert counts_seen[0] == counts_seen[1] == counts_seen[2]


def test_a_story_without_versions_has_an_empty_report(viewer_client, story):
    content = viewer_client.get(f"/stories/{story.slug}/report/").content.decode()
    assert "no versions yet" in content
    assert viewer_client.get(f"/stories/{story.slug}/matrix/").status_code == 200
    assert viewer_client.get("/reports/fidelity/").status_code == 200
