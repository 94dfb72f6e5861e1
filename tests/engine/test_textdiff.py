"""Word-level text diff between two versions of an article (the history page's diff)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.engine.textdiff import TOKEN, changed_words, text_diff

OLDER = (
    "Fourteen people were injured when the ferry ran aground.\n\n"
    "“We are not aware of any fault,” the operator said.\n\n"
    "The harbour was closed for the day.\n"
)
NEWER = (
    "Fourteen people were injured, two seriously, when the ferry ran aground.\n\n"
    "“We are aware of a fault,” the operator said.\n\n"
    "The harbour reopened at noon.\n"
)


def ops(a, b):
    return [(c.op, c.text) for c in text_diff(a, b)]


def tokens(text):
    return [m.group() for m in TOKEN.finditer(text)]


def test_identical_texts_are_one_equal_change():
    assert ops(OLDER, OLDER) == [("equal", OLDER)]


def test_inserted_clause_is_one_insertion_with_its_punctuation():
    changes = ops(OLDER, NEWER)
    assert ("insert", ", two seriously,") in changes


def test_replaced_word_shows_the_old_word_then_the_new():
    changes = ops("under fifty metres", "under fifteen metres")
    assert changes == [
        ("equal", "under"),
        ("delete", " fifty"),
        ("insert", " fifteen"),
        ("equal", " metres"),
    ]


def test_removed_negation_is_a_deletion_in_place():
    changes = ops(OLDER, NEWER)
    deleted = [text for op, text in changes if op == "delete"]
    assert " not" in deleted
    assert " any" in deleted


def test_punctuation_only_change_is_marked_as_punctuation():
    [_, removed, added, _] = text_diff("the ground, they said", "the ground; they said")
    assert (removed.text, removed.punctuation) == (",", True)
    assert (added.text, added.punctuation) == (";", True)


def test_word_change_is_not_punctuation():
    changes = text_diff("seriously hurt", "critically hurt")
    assert not any(c.punctuation for c in changes if c.op != "equal")


def test_deleted_paragraph_keeps_its_line_break_with_it():
    older = "First paragraph.\n\nA paragraph that was cut.\n\nLast paragraph."
    newer = "First paragraph.\n\nLast paragraph."
    assert ops(older, newer) == [
        ("equal", "First paragraph.\n\n"),
        ("delete", "A paragraph that was cut.\n\n"),
        ("equal", "Last paragraph."),
    ]


def test_full_stops_do_not_pull_unrelated_sentences_into_line():
    older = "Intro.\n\nDeleted words here.\n\nNext one."
    newer = "Intro.\n\nNext one, and more.\n\nNew para."
    changes = ops(older, newer)
    assert ("equal", "Next one") in changes
    assert ("delete", "Deleted words here.\n\n") in changes


def test_offsets_point_at_the_text_of_each_change():
    for c in text_diff(OLDER, NEWER):
        source = OLDER if c.op == "delete" else NEWER
        assert source[c.start : c.end] == c.text


def test_changed_words_counts_removed_and_added_words():
    assert changed_words(text_diff(OLDER, NEWER)) == (7, 6)


def test_empty_texts():
    assert ops("", "") == []
    assert ops("", "New text.") == [("insert", "New text.")]
    assert ops("Old text.", "") == [("delete", "Old text.")]


wordy = st.lists(
    st.one_of(
        st.sampled_from(["ferry", "fog", "not", "fifty", ",", ".", "\n\n", "“", "”", "’s"]),
        st.text(min_size=1, max_size=6),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(wordy, wordy)
def test_equal_and_inserted_changes_spell_out_the_newer_text(a, b):
    assert "".join(c.text for c in text_diff(a, b) if c.op != "delete") == b


@settings(max_examples=200, deadline=None)
@given(wordy, wordy)
def test_equal_and_deleted_changes_hold_the_older_texts_tokens(a, b):
    kept = [t for c in text_diff(a, b) if c.op != "insert" for t in tokens(c.text)]
    assert kept == tokens(a)


def test_leading_space_of_a_change_is_kept_apart_for_display():
    [_, removed, added, _] = text_diff("under fifty metres", "under fifteen metres")
    assert (removed.lead, removed.body) == (" ", "fifty")
    assert (added.lead, added.body) == (" ", "fifteen")
