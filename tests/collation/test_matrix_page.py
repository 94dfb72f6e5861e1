"""The quote matrix page: a row per statement, a column per version, word diffs against the
reference, dropped cells, sorting, the reference and links into the compare view."""

import html
import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdiff.quotes import reviews
from newsdiff.quotes.models import QuotePair
from newsdiff.stories.models import Story
from tests.collation.pages import matrix_rows, row_cells, row_drift, row_number
from tests.collation.stories import three_versions
from tests.quotes.ferry import many_quotes, upload


def matrix(client, story, query=""):
    response = client.get(f"/stories/{story.slug}/matrix/{query}")
    assert response.status_code == 200
    return response.content.decode()


def by_position(content):
    return {row_number(r): r for r in matrix_rows(content)}


def test_matrix_has_a_row_per_statement_and_a_column_per_version(viewer_client, story):
    three_versions(story)
    content = matrix(viewer_client, story)
    rows = matrix_rows(content)
    # The Gazette's four statements and the one only Coastline has.
    assert len(rows) == 5
    for outlet in ("Harbour Gazette", "Coastline Daily", "Northern Ledger"):
        assert f">{outlet} <span class=\"nowrap\">v1</span>" in content
    assert all(len(row_cells(r)) == 3 for r in rows)


def test_a_statement_a_version_left_out_is_an_empty_dropped_cell(viewer_client, story):
    three_versions(story)
    rows = by_position(matrix(viewer_client, story, "?sort=original"))
    moss = rows[4]  # Ian Moss's words: only the Gazette quotes them
    assert "The Kittiwake will probably be out of service" in row_cells(moss)[0]
    assert [("Dropped" in c) for c in row_cells(moss)] == [False, True, True]
    only_coastline = rows[5]
    assert [("Dropped" in c) for c in row_cells(only_coastline)] == [True, False, True]


def test_each_cell_shows_its_word_diff_against_the_reference_wording(viewer_client, story):
    three_versions(story)
    rows = by_position(matrix(viewer_client, story, "?sort=original"))
    knots = row_cells(rows[1])[1]
    assert "<del>fourteen</del>" in knots and "<ins>forty</ins>" in knots
    berth = row_cells(rows[2])[1]
    assert "<del>not</del>" in berth
    assert "Negation changed" in berth
    ledger_berth = row_cells(rows[2])[2]
    assert "<del>" not in ledger_berth and "<ins>" not in ledger_berth
    assert "Exact" in ledger_berth


def test_rows_are_sorted_by_drift_unless_the_original_order_is_asked_for(viewer_client, story):
    three_versions(story)
    by_drift = matrix_rows(matrix(viewer_client, story))
    drifts = [row_drift(r) for r in by_drift]
    assert drifts == sorted(drifts, reverse=True)
    assert drifts[0] > 0
    assert row_number(by_drift[0]) == 1  # the number changed drifted furthest
    in_order = matrix_rows(matrix(viewer_client, story, "?sort=original"))
    assert [row_number(r) for r in in_order] == [1, 2, 3, 4, 5]


def test_a_cell_links_to_its_pair_in_the_compare_view(viewer_client, story):
    gazette, coastline, _ = three_versions(story)
    rows = by_position(matrix(viewer_client, story, "?sort=original"))
    pair = QuotePair.objects.get(
        alignment__version_a=gazette, alignment__version_b=coastline, quote_a__index=1
    )
    href = html.unescape(row_cells(rows[2])[1].split('href="')[1].split('"')[0])
    assert href == f"/stories/{story.slug}/compare/?a={gazette.pk}&b={coastline.pk}#pair-{pair.pk}"
    compare = viewer_client.get(href.split("#")[0]).content.decode()
    assert f'id="pair-{pair.pk}"' in compare


def test_the_reference_can_be_switched_for_one_look(viewer_client, story):
    gazette, coastline, _ = three_versions(story)
    content = matrix(viewer_client, story, f"?reference={coastline.pk}&sort=original")
    assert "Reference: <strong>Coastline Daily v1</strong>" in content
    first = by_position(content)[1]
    knots = row_cells(first)[0]
    assert "<del>forty</del>" in knots and "<ins>fourteen</ins>" in knots
    # Nothing was stored: the page on its own still compares with the Gazette.
    assert "Reference: <strong>Harbour Gazette v1</strong>" in matrix(viewer_client, story)


def test_a_link_the_form_cannot_use_shows_the_defaults_and_says_so(viewer_client, story):
    three_versions(story)
    content = matrix(viewer_client, story, "?sort=sideways&reference=nine")
    assert "could not be used" in content
    assert "Reference: <strong>Harbour Gazette v1</strong>" in content
    assert len(matrix_rows(content)) == 5


def test_a_rejected_pair_no_longer_joins_its_quotes_in_a_row(viewer_client, story, editor):
    gazette, coastline, _ = three_versions(story)
    pair = QuotePair.objects.select_related("alignment", "quote_a", "quote_b").get(
        alignment__version_a=gazette, alignment__version_b=coastline, quote_a__index=1
    )
    reviews.reject(pair, editor)
    content = matrix(viewer_client, story, "?sort=original")
    assert f"#pair-{pair.pk}" not in content
    assert len(matrix_rows(content)) == 6  # Coastline's reworded berth quote stands alone


def test_the_demo_story_shows_every_version_and_what_each_dropped(viewer_client, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    story = Story.objects.get(slug="gull-point-ferry")
    content = matrix(viewer_client, story)
    assert content.count('<th scope="col" id="col-') == 4
    rows = matrix_rows(content)
    assert len(rows) >= 9
    grinding = next(r for r in rows if "horrible grinding noise" in r)
    assert [("Dropped" in c) for c in row_cells(grinding)] == [False, False, True, False]


def test_matrix_queries_do_not_grow_with_the_number_of_quotes(viewer_client, db):
    counts = []
    for n in (2, 12):
        story = Story.objects.create(title=f"Piers {n}", slug=f"piers-{n}")
        upload(story, many_quotes(n), "Gazette")
        upload(story, many_quotes(n).replace("repairs", "work"), "Courier")
        viewer_client.get(f"/stories/{story.slug}/matrix/")  # provenance traced already
        with CaptureQueriesContext(connection) as queries:
            content = matrix(viewer_client, story)
        assert len(matrix_rows(content)) == n
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_story_page_links_to_the_matrix_and_the_report(viewer_client, story):
    three_versions(story)
    content = viewer_client.get(f"/stories/{story.slug}/").content.decode()
    assert f'href="/stories/{story.slug}/matrix/"' in content
    assert f'href="/stories/{story.slug}/report/"' in content
    assert 'href="/reports/fidelity/"' in content  # the nav's Reports
