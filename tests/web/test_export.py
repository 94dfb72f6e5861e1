"""A story's export as JSON (valid against the checked-in JSON Schema), CSV (one row per pair)
and a printable page, through Django's test client."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdiff.quotes import reviews
from newsdiff.quotes.models import QuotePair
from newsdiff.stories.models import Story
from tests.quotes.ferry import ferry, many_quotes, upload

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "docs/schemas/story-export.schema.json").read_text()
)


def exported(client, story) -> dict:
    response = client.get(f"/stories/{story.slug}/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def reviewed_ferry(story, editor):
    gazette, coastline = ferry(story)
    pair = QuotePair.objects.filter(kind="partial").get()
    reviews.confirm(pair, editor)
    reviews.save_note(pair, editor, "Checked with the harbour office: forty is right.")
    return gazette, coastline, pair


def test_json_export_validates_against_the_schema(viewer_client, story, editor):
    reviewed_ferry(story, editor)
    data = exported(viewer_client, story)
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["schema"] == "newsdiff-story-export"


def test_schema_refuses_an_export_missing_its_pairs(viewer_client, story, editor):
    reviewed_ferry(story, editor)
    data = exported(viewer_client, story)
    del data["pairs"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_json_export_holds_versions_quotes_pairs_reviews_and_report(viewer_client, story, editor):
    gazette, coastline, pair = reviewed_ferry(story, editor)
    data = exported(viewer_client, story)
    assert [v["outlet"] for v in data["versions"]] == ["Harbour Gazette", "Coastline Daily"]
    assert data["versions"][0]["text"] == gazette.text
    assert {q["version"] for q in data["quotes"]} == {gazette.pk, coastline.pk}
    partial = next(p for p in data["pairs"] if p["id"] == pair.pk)
    assert "fourteen knots" in partial["text_a"] and "forty knots" in partial["text_b"]
    assert partial["flags"] == ["number_changed"]
    assert partial["review"]["decision"] == "confirmed"
    assert partial["review"]["reviewed_by"] == "eddie"
    assert partial["review"]["note"].startswith("Checked with the harbour office")
    assert data["reviews"][0]["decision"] == "confirmed"
    assert data["report"]["reference"]["version"] == gazette.pk
    assert data["report"]["outlets"][0]["label"] == "Coastline Daily"


def test_csv_export_has_one_row_per_pair_with_both_wordings(viewer_client, story, editor):
    _, _, pair = reviewed_ferry(story, editor)
    response = viewer_client.get(f"/stories/{story.slug}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == QuotePair.objects.count()
    row = next(r for r in rows if r["pair"] == str(pair.pk))
    assert row["outlet_a"] == "Harbour Gazette" and row["outlet_b"] == "Coastline Daily"
    assert "fourteen knots" in row["text_a"] and "forty knots" in row["text_b"]
    assert row["speaker_a"] == "Ruth Kerr"
    assert (row["kind"], row["flags"], row["review"]) == ("partial", "number_changed", "confirmed")


def test_csv_cells_that_look_like_formulas_stay_text(viewer_client, story):
    upload(story, "“=SUM(A1:A9) is not a plan,” said Ada Vance.", "Gazette")
    upload(story, "“=SUM(A1:A9) is not a plan at all,” said Ada Vance.", "Courier")
    response = viewer_client.get(f"/stories/{story.slug}/export.csv")
    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["text_a"] == "'=SUM(A1:A9) is not a plan,"


def test_printable_page_lists_versions_report_and_pairs(viewer_client, story, editor):
    reviewed_ferry(story, editor)
    response = viewer_client.get(f"/stories/{story.slug}/print/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Fidelity to the reference version" in content
    assert "<dd><q>The vessel was doing forty knots in thick fog,</q></dd>" in content
    assert "⚑ Number changed" in content
    assert "Confirmed by eddie" in content
    assert 'class="page print-page"' in content


@pytest.mark.parametrize("path", ["export.json", "export.csv", "print/"])
def test_a_user_without_a_role_is_refused(client, django_user_model, story, path):
    client.force_login(django_user_model.objects.create_user("nobody", password="x-y-z-w-1"))
    assert client.get(f"/stories/{story.slug}/{path}").status_code == 403


@pytest.mark.parametrize("path", ["export.json", "export.csv", "print/"])
def test_unknown_story_is_404(viewer_client, path, db):
    assert viewer_client.get(f"/stories/no-such-story/{path}").status_code == 404


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["export.json", "export.csv", "print/"])
def test_query_count_does_not_grow_with_the_number_of_quotes(viewer_client, story, path):
    upload(story, many_quotes(2), "Harbour Gazette")
    upload(story, many_quotes(2).replace("weeks", "days"), "Coastline Daily")
    big = Story.objects.create(title="Big", slug="big")
    upload(big, many_quotes(40), "Harbour Gazette")
    upload(big, many_quotes(40).replace("weeks", "days"), "Coastline Daily")
    small = queries_for(viewer_client, f"/stories/{story.slug}/{path}")
    large = queries_for(viewer_client, f"/stories/big/{path}")
    assert large == small
