"""Extraction: every quotation with offsets of its words, marks excluded."""

from newsdiff.engine import extract_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text)]


def test_offsets_cover_the_words_without_their_marks():
    text = 'Kirby said: “We can confirm it,” and left.'
    (q,) = extract_quotes(text)
    assert text[q.start:q.end] == q.text == "We can confirm it,"
    assert text[q.start - 1] == "“" and text[q.end] == "”"


def test_straight_double_quotes_are_quotes():
    assert texts('He said "we will not leave," and left.') == ["we will not leave,"]


def test_headline_single_quotes_are_a_quote():
    assert texts("Iranians in Crimea ‘directly engaged’ in helping Russia, White House says") == [
        "directly engaged"]


def test_straight_single_quotes_in_a_headline_are_a_quote():
    assert texts("Iranians 'directly engaged' in Crimea, Iran's critics say") == ["directly engaged"]


def test_apostrophes_are_never_quote_marks():
    text = "Iran’s drones, the ’90s, rock ’n’ roll and the Smiths’ first album."
    assert texts(text) == []


def test_apostrophes_inside_a_single_quoted_quote_stay_inside_it():
    text = "‘Iran’s drones are back in the ’90s style, and the Smiths’ fans love rock ’n’ roll,’ he said."
    assert texts(text) == [
        "Iran’s drones are back in the ’90s style, and the Smiths’ fans love rock ’n’ roll,"]


def test_a_plural_possessive_does_not_close_a_quote_that_closes_later():
    text = "‘The players’ union will not sign,’ she said."
    assert texts(text) == ["The players’ union will not sign,"]


def test_nested_quotes_stay_inside_their_outer_quote():
    text = "“The captain radioed that he was ‘being boarded’ at 03:40,” she added."
    assert texts(text) == ["The captain radioed that he was ‘being boarded’ at 03:40,"]


def test_quote_split_across_paragraphs_is_one_quote():
    text = ("Pryce read a statement.\n\n“My son was 19. He was walking home.\n\n"
            "“I have listened to four days of excuses.\n\n“We are not going anywhere.”\n\nThe end.")
    (q,) = extract_quotes(text)
    assert q.text.startswith("My son was 19.") and q.text.endswith("We are not going anywhere.")


def test_unbalanced_mark_recovers_at_the_paragraph_end():
    text = "He said “we will win the vote.\n\nThe council met on Monday. “Budgets are tight,” she said."
    assert texts(text) == ["we will win the vote.", "Budgets are tight,"]


def test_unclosed_single_mark_is_dropped_not_swallowing_the_article():
    text = "The ‘campaign began in May.\n\n“We start now,” she said."
    assert texts(text) == ["We start now,"]


def test_guillemets_both_ways():
    assert texts("« Nous ne lâcherons rien », déclare la maire.") == ["Nous ne lâcherons rien"]
    assert texts("»Wir geben nicht auf«, sagte sie.") == ["Wir geben nicht auf"]


def test_low_high_quotes():
    assert texts("„Das ist ein Schlag ins Gesicht“, sagte Wendt.") == ["Das ist ein Schlag ins Gesicht"]


def test_typewriter_quotes():
    text = "``We've been trying since the early '90s,'' said organiser Gwen Treloar."
    assert texts(text) == ["We've been trying since the early '90s,"]


def test_hard_wrapped_wire_copy_keeps_quotes_across_line_breaks():
    text = (
        "KESSLING, March 3 (Meridian) - Dock workers at the port of Kessling walked\n"
        "out on Tuesday in a dispute over automation, the union said, and shipping\n"
        'lines began to divert vessels. "Every day those cranes sit idle, cargo\n'
        'rots and factories wait for parts," said the chamber\'s president, Irene\n'
        "Solberg, who urged both sides to return to talks before the weekend.\n"
        "\n"
        "The port authority said it had offered the best pay deal in a decade and\n"
        "would not reverse its plans for the new automated terminal in the north.\n"
    )
    (q,) = extract_quotes(text)
    assert q.text == "Every day those cranes sit idle, cargo\nrots and factories wait for parts,"
    assert q.speaker == "Irene Solberg"


def test_partial_quote_inside_a_sentence():
    text = "Kirby said there were “relatively few” Iranians on the peninsula."
    (q,) = extract_quotes(text)
    assert q.text == "relatively few" and q.fragment


def test_scare_quotes_and_titles_are_fragments_but_long_quotes_are_not():
    quotes = extract_quotes("The “deal” was, he said, “a waste of everyone’s time.”")
    assert [(q.text, q.fragment) for q in quotes] == [
        ("deal", True), ("a waste of everyone’s time.", False)]


def test_quote_key_ignores_mark_style_case_and_edge_punctuation():
    a, b = extract_quotes("“We can confirm it,” he said. 'we can confirm  it.'")
    assert a.key == b.key
