"""Provenance: stored after every alignment, shown as a graph on the story page, corrected by
editors (audited; viewers refused), and followed by the matrix's reference."""

from newsdiff.audit.models import AuditEvent
from newsdiff.collation.models import Derivation, Original, SetBy
from newsdiff.collation.provenance import trace_story
from newsdiff.stories.models import Story
from tests.collation.pages import SVG, svgs
from tests.collation.stories import LEDGER, three_versions
from tests.quotes.ferry import GAZETTE, upload


def parents(story):
    return {
        d.version_id: (d.derived_from_id, d.set_by) for d in Derivation.objects.filter(story=story)
    }


def reference_shown(client, story):
    content = client.get(f"/stories/{story.slug}/matrix/").content.decode()
    return content.split("Reference: <strong>")[1].split("</strong>")[0]


def test_every_version_gets_its_likely_parent_when_it_is_uploaded(story):
    gazette, coastline, ledger = three_versions(story)
    assert parents(story) == {
        gazette.pk: (None, SetBy.ENGINE),
        coastline.pk: (gazette.pk, SetBy.ENGINE),
        ledger.pk: (gazette.pk, SetBy.ENGINE),
    }
    ledger_row = Derivation.objects.get(version=ledger)
    assert ledger_row.confidence > 0.5
    coastline_row = Derivation.objects.get(version=coastline)
    # The Ledger copies the Gazette's narration; Coastline rewrote it.
    assert ledger_row.evidence["same_sentences"] > coastline_row.evidence["same_sentences"]


def test_an_upload_retraces_only_the_versions_it_can_change(story):
    gazette, coastline, ledger = three_versions(story)
    before = {d.version_id: d.set_at for d in Derivation.objects.filter(story=story)}
    # A second Gazette version, published last: only it has new evidence to weigh.
    update = upload(story, GAZETTE + "\nThe berth reopened on Friday.\n", "Harbour Gazette",
                    article=gazette.article)
    after = {d.version_id: d for d in Derivation.objects.filter(story=story)}
    assert {v: after[v].set_at for v in before} == before
    assert after[update.pk].derived_from_id == gazette.pk
    # The same rows as tracing every version again.
    incremental = {v: (d.derived_from_id, d.confidence, d.evidence) for v, d in after.items()}
    trace_story(story)
    assert incremental == {
        d.version_id: (d.derived_from_id, d.confidence, d.evidence)
        for d in Derivation.objects.filter(story=story)
    }


def test_story_page_draws_the_graph_as_svg_and_lists_it_in_words(viewer_client, story):
    three_versions(story)
    content = viewer_client.get(f"/stories/{story.slug}/").content.decode()
    (graph,) = svgs(content)
    assert graph.get("role") == "img"
    assert graph.find(f"{SVG}title").text.startswith("Provenance graph")
    assert len(graph.findall(f".//{SVG}path[@class]")) == 3  # two edges and the arrowhead
    assert [t.text for t in graph.iter(f"{SVG}text")] == [
        "Harbour Gazette v1", "Coastline Daily v1", "Northern Ledger v1",
    ]
    listed = content[content.index('class="provenance-list"') :]
    assert "<strong>Northern Ledger v1</strong>" in listed
    assert "derives from <strong>Harbour Gazette v1</strong>" in listed
    assert "Correct the provenance" not in content  # viewers get no form


def test_editor_corrects_a_parent_and_it_outlives_new_uploads(editor_client, story, editor):
    gazette, coastline, ledger = three_versions(story)
    response = editor_client.post(
        f"/stories/{story.slug}/provenance/", {"version": ledger.pk, "parent": coastline.pk}
    )
    assert response.status_code == 302
    assert parents(story)[ledger.pk] == (coastline.pk, SetBy.EDITOR)
    event = AuditEvent.objects.get(action="provenance.correct")
    assert event.actor == editor and event.story_id == story.pk
    assert event.before["derived_from"] == gazette.pk
    assert event.after == {"derived_from": coastline.pk, "confidence": 1.0, "set_by": "editor"}
    upload(story, LEDGER + "\nThe berth stays shut.\n", "Northern Ledger", article=ledger.article)
    assert parents(story)[ledger.pk] == (coastline.pk, SetBy.EDITOR)
    page = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "set by an editor" in page


def test_editor_hands_a_parent_back_to_newsdiff(editor_client, story):
    gazette, coastline, ledger = three_versions(story)
    url = f"/stories/{story.slug}/provenance/"
    editor_client.post(url, {"version": ledger.pk, "parent": "none"})
    assert parents(story)[ledger.pk] == (None, SetBy.EDITOR)
    editor_client.post(url, {"version": ledger.pk, "parent": "auto"})
    assert parents(story)[ledger.pk] == (gazette.pk, SetBy.ENGINE)
    assert AuditEvent.objects.filter(action="provenance.reset").count() == 1


def test_viewer_cannot_correct_provenance_or_mark_an_original(viewer_client, story):
    gazette, coastline, ledger = three_versions(story)
    before = parents(story)
    response = viewer_client.post(
        f"/stories/{story.slug}/provenance/", {"version": ledger.pk, "parent": coastline.pk}
    )
    assert response.status_code == 403
    response = viewer_client.post(f"/stories/{story.slug}/original/", {"version": ledger.pk})
    assert response.status_code == 403
    assert parents(story) == before
    assert not Original.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="provenance").exists()


def test_a_loop_is_refused_with_a_message_and_nothing_changes(editor_client, story):
    gazette, coastline, ledger = three_versions(story)
    before = parents(story)
    response = editor_client.post(
        f"/stories/{story.slug}/provenance/", {"version": gazette.pk, "parent": ledger.pk}
    )
    assert response.status_code == 400
    assert "would make a loop" in response.content.decode()
    assert parents(story) == before
    assert not AuditEvent.objects.filter(action__startswith="provenance").exists()


def test_a_version_of_another_story_or_nonsense_is_refused(editor_client, story):
    three_versions(story)
    other = Story.objects.create(title="Other", slug="other")
    stranger = upload(other, GAZETTE, "Harbour Gazette")
    before = parents(story)
    url = f"/stories/{story.slug}/provenance/"
    for data in (
        {"version": stranger.pk, "parent": "none"},
        {"version": "x", "parent": "none"},
        {"version": stranger.pk},
        {},
    ):
        response = editor_client.post(url, data)
        assert response.status_code == 400
        assert "Choose a version of this story" in response.content.decode()
    response = editor_client.post(f"/stories/{story.slug}/original/", {"version": stranger.pk})
    assert response.status_code == 400
    assert parents(story) == before
    assert not Original.objects.exists()


def test_marking_an_original_moves_the_reference_everywhere(editor_client, story, editor):
    gazette, coastline, ledger = three_versions(story)
    assert reference_shown(editor_client, story) == "Harbour Gazette v1"
    response = editor_client.post(f"/stories/{story.slug}/original/", {"version": coastline.pk})
    assert response.status_code == 302
    assert reference_shown(editor_client, story) == "Coastline Daily v1"
    assert parents(story)[coastline.pk] == (None, SetBy.EDITOR)
    event = AuditEvent.objects.get(action="provenance.original")
    assert event.actor == editor and event.after == {"version": coastline.pk}
    page = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "marked as the original by an editor" in page
    report = editor_client.get(f"/stories/{story.slug}/report/").content.decode()
    assert "<strong>Coastline Daily v1</strong>" in report
    editor_client.post(f"/stories/{story.slug}/original/", {"version": ""})
    assert not Original.objects.exists()
    assert reference_shown(editor_client, story) == "Harbour Gazette v1"


def test_the_reference_follows_a_correction_of_the_earliest_versions_parent(editor_client, story):
    gazette, coastline, ledger = three_versions(story)
    # The Gazette was uploaded first but an editor knows it rewrote the Ledger's report.
    url = f"/stories/{story.slug}/provenance/"
    editor_client.post(url, {"version": ledger.pk, "parent": "none"})
    editor_client.post(url, {"version": gazette.pk, "parent": ledger.pk})
    assert reference_shown(editor_client, story) == "Northern Ledger v1"


def test_a_story_aligned_before_provenance_existed_is_traced_when_first_shown(viewer_client, story):
    gazette, coastline, ledger = three_versions(story)
    Derivation.objects.all().delete()
    content = viewer_client.get(f"/stories/{story.slug}/").content.decode()
    assert "derives from <strong>Harbour Gazette v1</strong>" in content
    assert parents(story)[ledger.pk] == (gazette.pk, SetBy.ENGINE)


def test_deleting_a_parent_hands_its_children_to_another_version(viewer_client, story, editor):
    from newsdiff.stories.deletion import delete_version

    gazette, coastline, ledger = three_versions(story)
    delete_version(gazette, editor)
    content = viewer_client.get(f"/stories/{story.slug}/").content.decode()
    assert "Harbour Gazette v1" not in content
    live = {k: v for k, v in parents(story).items() if k != gazette.pk}
    assert all(parent != gazette.pk for parent, _ in live.values())
    assert reference_shown(viewer_client, story) == "Coastline Daily v1"
