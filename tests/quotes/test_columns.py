"""A version's text as paragraphs of runs, marks placed by offsets (the compare columns)."""

from newsdiff.quotes.columns import Mark, layout, paragraphs


def texts(result):
    return [[(r.text, r.mark) for r in p] for p in result]


def test_blank_lines_separate_paragraphs_and_single_line_breaks_do_not():
    assert paragraphs("One.\n\nTwo\nlines.\n\n\n  Three.") == [(0, 4), (6, 16), (21, 27)]


def test_runs_spell_out_each_paragraph_exactly():
    text = "He said: “Go now.”\n\nShe said: “Stay.”"
    result = layout(text, [Mark(10, 17, "q0"), Mark(31, 36, "q1")])
    assert ["".join(r.text for r in p) for p in result] == [
        "He said: “Go now.”",
        "She said: “Stay.”",
    ]
    assert texts(result)[1] == [("She said: “", None), ("Stay.", "q1"), ("”", None)]


def test_quote_across_a_paragraph_break_is_two_runs_with_one_anchor_and_one_label():
    text = "“First part.\n\nSecond part,” she said."
    [first], [second, rest] = (
        layout(text, [Mark(1, 26, "q0")])[0][1:],
        layout(text, [Mark(1, 26, "q0")])[1],
    )
    assert (first.text, first.first, first.last) == ("First part.", True, False)
    assert (second.text, second.first, second.last) == ("Second part,", False, True)
    assert rest.text == "” she said."


def test_aligned_span_inside_a_quote_is_emphasised():
    text = "“Crews warned us. Nobody listened,” he said."
    [[_, quote, _]] = layout(text, [Mark(1, 34, "q0", inner=((1, 17),))])
    assert quote.parts == [("Crews warned us.", True), (" Nobody listened,", False)]


def test_overlapping_marks_are_clipped_not_duplicated():
    text = "abcdefghij"
    [runs] = layout(text, [Mark(0, 6, "x"), Mark(4, 8, "y")])
    assert [(r.text, r.mark) for r in runs] == [("abcdef", "x"), ("gh", "y"), ("ij", None)]


def test_text_that_looks_like_markup_is_left_to_the_template_to_escape():
    text = "“<script>alert(1)</script>” said Eve."
    [runs] = layout(text, [Mark(1, 26, "q0")])
    assert runs[1].text == "<script>alert(1)</script>"
