"""Passage alignment: every sentence of two versions as shared, rewritten, moved, added or
removed, with offsets into each text."""

from newsdiff.engine.passages import align_passages
from newsdiff.engine.sentences import split_sentences

RIVER = (
    "The River Tamsin rose two metres overnight after three days of heavy rain. "
    "Police closed the old stone bridge at Harwick on Monday morning.\n\n"
    "“The water is still rising and we expect the peak on Friday,” said Dana Okafor, who leads "
    "the county flood team. Residents in the lower town were told to move their cars.\n\n"
    "The council opened a rest centre in the Harwick school hall. "
    "About forty people spent the night there."
)


def kinds(a: str, b: str) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(p.kind, p.a, p.b) for p in align_passages(a, b).passages]


def texts(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_sentences_point_into_the_text_and_know_their_paragraph():
    found = split_sentences(RIVER)
    assert [RIVER[s.start:s.end] for s in found][:2] == [
        "The River Tamsin rose two metres overnight after three days of heavy rain.",
        "Police closed the old stone bridge at Harwick on Monday morning.",
    ]
    assert [s.paragraph for s in found] == [0, 0, 1, 1, 2, 2]


def test_identical_texts_are_all_shared():
    result = align_passages(RIVER, RIVER)
    assert {p.kind for p in result.passages} == {"shared"}
    assert result.share("a") == result.share("b") == 1.0
    assert all(p.diff == () for p in result.passages)


def test_punctuation_and_quote_style_alone_leave_a_sentence_shared_with_a_diff():
    b = RIVER.replace("“The water", '"The water').replace("Friday,”", 'Friday",') \
        .replace("Harwick on Monday", "Harwick, on Monday")
    result = align_passages(RIVER, b)
    by_a = {p.a: p for p in result.passages}
    assert by_a[(1,)].kind == "shared"
    assert result.share("b", same_words=True) == 1.0
    assert [s.text for s in by_a[(1,)].diff if s.op != "equal"] == [","]
    assert by_a[(2,)].kind == "shared"


def test_one_changed_word_is_rewritten_with_a_word_diff_and_offsets():
    b = RIVER.replace("on Monday morning", "on Tuesday morning")
    (p,) = [p for p in align_passages(RIVER, b).passages if p.kind != "shared"]
    assert (p.kind, p.a, p.b) == ("rewritten", (1,), (1,))
    result = align_passages(RIVER, b)
    assert result.share("b") == 1.0
    assert result.share("b", same_words=True) == 1 - 11 / sum(s.word_count for s in
                                                               result.sentences_b)
    changes = [(s.op, s.text) for s in p.diff if s.op != "equal"]
    assert changes == [("delete", "Monday"), ("insert", "Tuesday")]
    insert = next(s for s in p.diff if s.op == "insert")
    assert b[insert.b_start:insert.b_end] == "Tuesday"
    assert p.score < 100


def test_reworded_sentence_with_a_clause_moved_is_rewritten_in_place():
    a = ("Flood warnings stayed in place. Officials said the river would peak on Friday. "
         "Schools stayed open.")
    b = ("Flood warnings stayed in place. The river is expected to peak on Friday, officials said. "
         "Schools stayed open.")
    assert kinds(a, b) == [("shared", (0,), (0,)), ("rewritten", (1,), (1,)),
                           ("shared", (2,), (2,))]


def test_sentence_split_in_two_is_one_passage_with_both_halves():
    a = ("Heavy rain fell all week. The water is still rising in the lower town and we expect "
         "the peak on Friday evening. Schools stayed open.")
    b = ("Heavy rain fell all week. The water is still rising in the lower town. We expect the "
         "peak on Friday evening. Schools stayed open.")
    result = align_passages(a, b)
    assert [(p.kind, p.a, p.b) for p in result.passages] == [
        ("shared", (0,), (0,)), ("rewritten", (1,), (1, 2)), ("shared", (2,), (3,))]
    split = result.passages[1]
    assert texts(b, split.spans_b) == [
        "The water is still rising in the lower town. We expect the peak on Friday evening."]
    # "we" / "We" is the same word: only the joining "and" and the new full stop change.
    assert [(s.op, s.text) for s in split.diff if s.op != "equal"] == [
        ("delete", "and"), ("insert", ".")]


def test_two_sentences_merged_into_one_is_one_passage():
    a = ("Heavy rain fell all week. The council opened a rest centre in the school hall. "
         "About forty people spent the night there. Schools stayed open.")
    b = ("Heavy rain fell all week. The council opened a rest centre in the school hall, where "
         "about forty people spent the night. Schools stayed open.")
    assert kinds(a, b) == [("shared", (0,), (0,)), ("rewritten", (1, 2), (1,)),
                           ("shared", (3,), (2,))]


def test_boilerplate_at_top_and_bottom_is_added_and_the_story_shared():
    b = ("Navigation\n\nJoin our channel and get important news uncensored!\n\n" + RIVER +
         "\n\nSign up for our newsletter. Share this article.")
    found = kinds(RIVER, b)
    assert found[:2] == [("added", (), (0,)), ("added", (), (1,))]
    assert found[-2:] == [("added", (), (8,)), ("added", (), (9,))]
    assert [k for k, _, _ in found[2:-2]] == ["shared"] * 6
    result = align_passages(RIVER, b)
    assert result.share("a") == 1.0
    assert 0.5 < result.share("b") < 1.0


def test_paragraphs_reordered_move_the_smaller_block_and_keep_the_rest_shared():
    first, second, third = RIVER.split("\n\n")
    b = "\n\n".join([first, third, second])
    result = align_passages(RIVER, b)
    assert [(p.kind, p.a) for p in result.passages] == [
        ("shared", (0,)), ("shared", (1,)), ("moved", (4,)), ("moved", (5,)),
        ("shared", (2,)), ("shared", (3,))]
    moved = next(p for p in result.passages if p.kind == "moved")
    assert texts(b, moved.spans_b) == ["The council opened a rest centre in the Harwick school hall."]
    assert moved.diff == ()
    assert result.paragraphs_a[2].kind == "moved"
    assert result.paragraphs_a[2].counterparts == (1,)
    assert result.paragraphs_a[1].kind == "shared"


def test_removed_sentence_is_read_where_it_stood_in_a():
    b = RIVER.replace(" Residents in the lower town were told to move their cars.", "")
    result = align_passages(RIVER, b)
    assert [(p.kind, p.a) for p in result.passages][2:5] == [
        ("shared", (2,)), ("removed", (3,)), ("shared", (4,))]
    removed = result.passages[3]
    assert texts(RIVER, removed.spans_a) == [
        "Residents in the lower town were told to move their cars."]
    assert removed.spans_b == () and removed.score == 0.0


def test_a_date_changed_in_place_is_rewritten_not_added_and_removed():
    a = "Rain fell. Police said on Monday. Roads reopened."
    b = "Rain fell. Police said on Tuesday. Roads reopened."
    assert kinds(a, b)[1] == ("rewritten", (1,), (1,))


def test_a_short_sentence_elsewhere_is_not_paired_across_the_text():
    a = "Police said on Monday that the bridge would close. The mayor was away. Rain fell."
    b = "Rain fell. The mayor agreed. Officials spoke on Monday."
    assert ("rewritten", (0,), (2,)) not in kinds(a, b)


def test_paragraph_summary_counts_words_per_kind():
    b = RIVER.replace(" Residents in the lower town were told to move their cars.", "")
    summary = align_passages(RIVER, b).paragraphs_a[1]
    assert summary.kind == "shared"
    assert summary.words["removed"] == 11
    assert (summary.start, summary.end) == (RIVER.index("“The water"),
                                            RIVER.index("cars.") + len("cars."))


def test_empty_side_makes_everything_added_or_removed():
    assert {p.kind for p in align_passages("", RIVER).passages} == {"added"}
    assert {p.kind for p in align_passages(RIVER, "").passages} == {"removed"}
    assert align_passages("", "").passages == ()
