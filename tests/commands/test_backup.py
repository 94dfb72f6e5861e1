"""`make backup` then `make restore` brings back exactly the stories, versions, reviews, audit
log and uploaded files there were at backup time, on SQLite and on PostgreSQL."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from newsdiff.audit.models import AuditEvent
from newsdiff.quotes import reviews
from newsdiff.quotes.models import QuotePair, Review
from newsdiff.stories.deletion import delete_story
from newsdiff.stories.models import Story, Version
from newsdiff.stories.services import create_story
from tests.quotes.ferry import ferry, upload

pytestmark = pytest.mark.skipif(
    connection.vendor == "postgresql" and not shutil.which("pg_dump"),
    reason="PostgreSQL backups need pg_dump and pg_restore",
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "upload.txt").write_text("original file")
    return settings.MEDIA_ROOT


def state():
    return {
        "stories": sorted(Story.all_objects.values_list("title", "deleted_at")),
        "versions": sorted(Version.all_objects.values_list("pk", "sha256")),
        "reviews": sorted(Review.objects.values_list("key_low", "key_high", "decision")),
        "audit": sorted(AuditEvent.objects.values_list("pk", "action")),
    }


def backup(into):
    out = io.StringIO()
    call_command("backup", into=str(into), stdout=out)
    return out.getvalue().split("Backup written to ")[1].split()[0]


def test_backup_and_restore_bring_back_the_database_and_files(
    transactional_db, tmp_path, media, editor
):
    story = create_story(title="Harbour wall", created_by=editor)
    _, coastline = ferry(story, user=editor)
    reviews.confirm(QuotePair.objects.first(), editor)
    before = state()
    path = backup(tmp_path / "backups")
    manifest = json.loads(
        (tmp_path / "backups" / path.split("/")[-1] / "manifest.json").read_text()
    )
    assert manifest["vendor"] == connection.vendor and manifest["media"] == "media"

    delete_story(story, editor)
    other = create_story(title="Late story")
    upload(other, "“Something else entirely,” she said.", "Gazette")
    (media / "upload.txt").write_text("overwritten")
    (media / "new.txt").write_text("added later")
    assert state() != before

    call_command("restore", path, yes=True, stdout=io.StringIO())
    assert state() == before
    assert Story.objects.get().title == "Harbour wall"
    assert Version.objects.get(pk=coastline.pk).text == coastline.text
    assert (media / "upload.txt").read_text() == "original file"
    assert not (media / "new.txt").exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(transactional_db, tmp_path, media):
    create_story(title="Harbour wall")
    path = backup(tmp_path / "backups")
    create_story(title="After the backup")
    database = next(p for p in (tmp_path / "backups").glob("*/db.*"))
    database.write_bytes(database.read_bytes()[:-100])
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", path, yes=True)
    assert Story.objects.count() == 2


def test_a_folder_that_is_not_a_backup_is_refused(transactional_db, tmp_path):
    with pytest.raises(CommandError, match="not a newsdiff backup"):
        call_command("restore", str(tmp_path), yes=True)


def test_restore_asks_before_replacing_the_database(transactional_db, tmp_path, monkeypatch):
    path = backup(tmp_path / "backups")
    create_story(title="Kept")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", path)
    assert Story.objects.filter(title="Kept").exists()
