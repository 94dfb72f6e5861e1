"""load_demo: the demo stories, loaded once however many times it runs."""

from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsdiff.stories.models import Article, Story, Version

DEMO = Path(__file__).parent / "demo"


def load(demo_dir=DEMO) -> str:
    out = StringIO()
    call_command("load_demo", "--from", str(demo_dir), stdout=out)
    return out.getvalue()


def test_story_articles_and_versions_are_loaded_in_order(db):
    assert "1 stories, 3 versions added, 0 already present" in load()
    story = Story.objects.get(slug="harbour-wall")
    assert story.title == "Harbour wall to be rebuilt"
    gazette, courier = Article.objects.order_by("outlet__name").reverse()
    assert (
        gazette.outlet.name == "Harbour Gazette"
        and gazette.outlet.domain == "harbourgazette.example"
    )
    assert list(gazette.versions.values_list("number", flat=True)) == [1, 2]
    assert "directly involved" in gazette.versions.get(number=2).text
    assert courier.versions.get().text.startswith("Mayor: wall will be rebuilt\n\nPort Elden's")
    first = gazette.versions.get(number=1)
    assert (first.source, first.byline, first.published) == (
        "import",
        "Mara Quill",
        date(2026, 3, 2),
    )
    assert first.uploaded_at == datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


def test_running_twice_changes_nothing(db):
    load()
    before = list(Version.objects.values_list("pk", "article_id", "number", "sha256"))
    assert "0 versions added, 3 already present" in load()
    assert list(Version.objects.values_list("pk", "article_id", "number", "sha256")) == before
    assert (Story.objects.count(), Article.objects.count()) == (1, 2)


def test_missing_demo_folder_loads_nothing(db, tmp_path):
    assert "No demo stories in" in load(tmp_path / "nowhere")
    assert not Story.objects.exists()


def test_broken_demo_story_is_reported_and_not_half_loaded(db, tmp_path):
    story_dir = tmp_path / "broken"
    story_dir.mkdir()
    (story_dir / "a.txt").write_text("A text.")
    (story_dir / "story.json").write_text(
        '{"title": "Broken", "versions": [{"article": "a", "outlet": "A", "file": "a.txt"},'
        ' {"article": "b", "outlet": "B", "file": "missing.txt"}]}'
    )
    with pytest.raises(CommandError, match="missing.txt"):
        load(tmp_path)
    assert not Story.objects.exists()


def test_a_deleted_demo_story_stays_deleted(db, editor):
    from newsdiff.stories.deletion import delete_story

    load()
    delete_story(Story.objects.get(slug="harbour-wall"), editor)
    assert "0 versions added, 3 already present" in load()
    assert not Story.objects.exists()
    assert Story.all_objects.get(slug="harbour-wall").deleted_at is not None


def test_a_deleted_demo_version_stays_deleted(db, editor):
    from newsdiff.stories.deletion import delete_version

    load()
    first = Version.objects.get(article__outlet__name="Harbour Gazette", number=1)
    delete_version(first, editor)
    assert "0 versions added, 3 already present" in load()
    assert not Version.objects.filter(pk=first.pk).exists()
    assert Version.all_objects.count() == 3
