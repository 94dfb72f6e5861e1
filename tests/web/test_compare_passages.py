"""The compare page's passage mode through Django's test client: every sentence of both texts
marked with its kind in words, rewritten passages with a word diff, moved ones linked to where
they went, and a mode switch that works as plain links."""

import re

from tests.quotes.ferry import upload

HX = {"HX-Request": "true", "HX-Target": "compare-body"}

BEFORE = (
    "The river rose overnight.\n\n"
    "Police closed the old bridge on Monday. Residents were told to stay indoors.\n\n"
    "The council will meet on Friday to discuss flood defences.\n"
)
AFTER = (
    "Police closed the old bridge on Tuesday. Residents were told to stay indoors.\n\n"
    "A shelter has opened at the school.\n\n"
    "The river rose overnight.\n"
)


def two_versions(story):
    return upload(story, BEFORE, "Gazette"), upload(story, AFTER, "Courier")


def passages_url(story, a, b):
    return f"/stories/{story.slug}/compare/?a={a.pk}&b={b.pk}&mode=passages"


def test_passage_mode_labels_every_kind_in_words(viewer_client, story):
    a, b = two_versions(story)
    content = viewer_client.get(passages_url(story, a, b)).content.decode()
    for label in ("Shared", "Rewritten", "Moved", "Added", "Removed"):
        assert f'<span class="p-tag">{label}' in content
    assert re.search(r'class="pg p-added"[^>]*>A shelter has opened at the school\.', content)
    assert re.search(r'class="pg p-removed"[^>]*>The council will meet on Friday', content)
    assert re.search(
        r"Words aligned with the other version: .*?A</span> \d+% · .*?B</span> \d+%", content
    )


def test_moved_passage_links_to_where_it_went_in_the_other_column(viewer_client, story):
    a, b = two_versions(story)
    content = viewer_client.get(passages_url(story, a, b)).content.decode()
    left = re.search(r'<a class="pg p-moved" href="#(pb-\d+)" id="(pa-\d+)"', content)
    right = re.search(r'<a class="pg p-moved" href="#(pa-\d+)" id="(pb-\d+)"', content)
    assert left and right
    assert left.group(1) == right.group(2) and right.group(1) == left.group(2)
    assert "see where it went in B" in content


def test_rewritten_passage_is_listed_with_its_word_diff(viewer_client, story):
    a, b = two_versions(story)
    content = viewer_client.get(passages_url(story, a, b)).content.decode()
    changes = content[content.index('id="changes-title"') :]
    assert re.search(r"<del><span class=\"visually-hidden\">\[only in A: </span>Monday", changes)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[only in B: </span>Tuesday", changes)


def test_mode_switch_is_plain_links_that_keep_the_versions(viewer_client, story):
    a, b = two_versions(story)
    content = viewer_client.get(f"/stories/{story.slug}/compare/?a={a.pk}&b={b.pk}").content
    content = content.decode()
    assert (
        f'href="/stories/{story.slug}/compare/?a={a.pk}&amp;b={b.pk}&amp;mode=passages"' in content
    )
    assert 'aria-current="page">Quotes</a>' in content
    assert 'id="pairs-title"' in content and "p-tag" not in content
    passages = viewer_client.get(passages_url(story, a, b)).content.decode()
    assert 'aria-current="page">Passages</a>' in passages
    assert f'href="/stories/{story.slug}/compare/?a={a.pk}&amp;b={b.pk}"' in passages
    assert 'id="pairs-title"' not in passages
    assert '<input type="hidden" name="mode" value="passages">' in passages


def test_htmx_mode_switch_returns_only_the_compare_body(viewer_client, story):
    a, b = two_versions(story)
    response = viewer_client.get(passages_url(story, a, b), headers=HX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'class="pg p-' in content


def test_swapping_sides_in_passage_mode_stays_in_passage_mode(viewer_client, story):
    a, b = two_versions(story)
    content = viewer_client.get(passages_url(story, a, b)).content.decode()
    assert f"a={b.pk}&amp;b={a.pk}&amp;mode=passages" in content
    swapped = viewer_client.get(passages_url(story, b, a)).content.decode()
    # Seen from the other side, what was added is removed.
    assert re.search(r'class="pg p-removed"[^>]*>A shelter has opened', swapped)


def test_unknown_mode_falls_back_to_quotes_with_a_message(viewer_client, story):
    a, b = two_versions(story)
    response = viewer_client.get(f"/stories/{story.slug}/compare/?a={a.pk}&b={b.pk}&mode=x")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="page">Quotes</a>' in content
    assert "Show:" in content
