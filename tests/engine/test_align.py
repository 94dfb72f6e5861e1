"""Alignment: which quotes are the same statement, how they differ, and where."""

from newsdiff.engine import align_versions, analyse_version, compare_texts


def pairs(text_a: str, text_b: str) -> list[tuple[int, int, str]]:
    return [(p.a, p.b, p.kind) for p in compare_texts(text_a, text_b).pairs]


def test_same_words_in_other_marks_and_case_are_exact():
    assert pairs("“We will hold Iran accountable,” Kirby said.",
                 "Kirby said: ‘WE WILL HOLD IRAN ACCOUNTABLE.’") == [(0, 0, "exact")]


def test_one_word_changed_is_minor_with_a_word_diff():
    c = compare_texts("“Tehran is now directly engaged on the ground,” he said.",
                      "“Tehran is now directly involved on the ground,” he said.")
    (p,) = c.pairs
    assert p.kind == "minor"
    changes = [(s.op, s.text) for s in p.diff if s.op != "equal"]
    assert changes == [("delete", "engaged"), ("insert", "involved")]


def test_punctuation_only_change_is_minor_and_marked_as_punctuation():
    (p,) = compare_texts("“This is a large scene and I ask you to stay away,” he said.",
                         "“This is a large scene, and I ask you to stay away,” he said.").pairs
    assert p.kind == "minor"
    assert [s.punctuation for s in p.diff if s.op != "equal"] == [True]


def test_fragment_of_a_longer_quote_is_partial_with_spans_on_both_sides():
    a = "“Iran and Russia can lie. Tehran is now directly involved on the ground,” he said."
    b = "Iranian personnel are “directly engaged on the ground” in Crimea, the White House said."
    c = compare_texts(a, b)
    (p,) = c.pairs
    assert p.kind == "partial"
    (sa, ea), = p.spans_a
    (sb, eb), = p.spans_b
    assert a[sa:ea] == "directly involved on the ground,"
    assert b[sb:eb] == "directly engaged on the ground"


def test_quote_split_in_two_pairs_with_both_halves():
    a = "“The water is falling. We expect to lift the warning by Friday,” she said."
    b = ("“The water is falling,” she said.\n\n"
         "Officials were cautious. “We expect to lift the warning by Friday,” she added.")
    assert pairs(a, b) == [(0, 0, "partial"), (0, 1, "partial")]


def test_a_short_half_of_a_split_quote_still_pairs():
    # The long half shares far more words with the whole quote than the short half does: the
    # short half is still verified, as the whole quote is its own best counterpart.
    a = ("“Crews will rebuild the northern breakwater, the harbour wall and both ferry ramps "
         "before the winter storms reach the island. Nobody will lose their berth,” she said.")
    b = ("“Crews will rebuild the northern breakwater, the harbour wall and both ferry ramps "
         "before the winter storms reach the island,” she said.\n\n"
         "Asked about fees, she added: “Nobody will lose their berth.”")
    assert pairs(a, b) == [(0, 0, "partial"), (0, 1, "partial")]


def test_headline_and_body_may_share_one_counterpart():
    a = "“Tehran is now directly involved on the ground,” Kirby said."
    b = ("Iran ‘directly engaged on the ground’, says Kirby\n\n"
         "“Tehran is now directly engaged on the ground, and through weapons,” he said.")
    assert {(x, y) for x, y, _ in pairs(a, b)} == {(0, 0), (0, 1)}


def test_reworded_statement_pairs_as_reworded():
    a = ("“We are so far removed from Iran in terms of returning to the deal that we are not "
         "focusing on that at the moment,” he said.")
    b = ("“We are way far apart with the Iranians in terms of a return to the deal, so we are "
         "simply not focused on that right now,” Kirby said.")
    assert pairs(a, b) == [(0, 0, "reworded")]


def test_sentences_in_another_order_still_pair():
    a = ("“We were never asked to look at the abutments. Our contract covered the deck and the "
         "handrails,” Harker said.")
    b = ("“Our contract was for the deck and the handrails. Nobody asked us to look at the "
         "abutments,” Harker said.")
    c = compare_texts(a, b)
    (p,) = c.pairs
    assert len(p.spans_a) == 2 and len(p.spans_b) == 2


def test_same_speaker_saying_different_things_does_not_pair():
    a = "“This is the hardest decision I have made as CEO,” Ferrante wrote."
    b = "“This is the hardest decision I’ve made in twenty years in this industry,” Ferrante said."
    assert pairs(a, b) == []


def test_only_the_true_counterpart_of_two_similar_quotes_pairs():
    a = ("“We are not planning further cuts this year,” she said.\n\n"
         "“We are not planning further cuts in engineering,” she added.")
    b = "“We are not planning further cuts in engineering,” Ferrante said."
    assert pairs(a, b) == [(1, 0, "exact")]


def test_boilerplate_that_shares_a_phrase_does_not_pair():
    a = "“The company declined to comment on the investigation,” the report said."
    b = "“Police declined to comment on the arrests in Lowmere,” the paper said."
    assert pairs(a, b) == []


def test_common_phrase_alone_does_not_make_a_pair():
    a = "“Iranian military personnel were on the ground in Crimea to support operations,” he said."
    b = "Iranians are “directly engaged on the ground” in Crimea, the White House said."
    assert pairs(a, b) == []


def test_meaning_flags():
    c = compare_texts(
        "“We will likely build 300 homes in Leeds,” Okoro said. “There is no evidence of it,” she added.",
        "“We will build 3,000 homes in York,” Okoro said. “There is evidence of it,” she added.")
    flags = {p.a: set(p.flags) for p in c.pairs}
    assert flags[0] == {"number_changed", "hedge_changed", "entity_changed"}
    assert flags[1] == {"negation_changed"}


def test_speaker_changed_between_named_people():
    (p,) = compare_texts("“We will never sign this deal,” said Anna Okafor.",
                         "“We will never sign this deal,” said Ben Lindqvist.").pairs
    assert p.flags == ("speaker_changed",)


def test_words_moved_outside_the_marks_flag_quoting_changed():
    a = "“We expect to return to hiring in the second half of next year,” Ferrante said."
    b = "Ferrante said Lumora expected to return to hiring “in the second half of next year.”"
    (p,) = compare_texts(a, b).pairs
    assert "quoting_changed" in p.flags


def test_quote_marks_removed_is_reported_where_the_words_stand():
    a = "According to the memo, “affected employees will receive 16 weeks of base pay.”"
    b = "Affected employees will receive 16 weeks of base pay, according to an internal memo."
    c = compare_texts(a, b)
    assert c.pairs == () and c.only_a == [0]
    start, end = c.paraphrased_a[0]
    assert b[start:end] == "Affected employees will receive 16 weeks of base pay"


def test_versions_are_analysed_once_and_aligned_many_times():
    versions = [analyse_version(f"“We will rebuild the bridge by {month},” Reid said.")
                for month in ("May", "June", "July")]
    found = [align_versions(x, y) for x in versions for y in versions if x is not y]
    assert all(len(p) == 1 and p[0].kind == "minor" for p in found)


def test_pair_key_is_stable_across_recomputation():
    a, b = "“We can confirm it,” Kirby said.", "Kirby said: “We can confirm it.”"
    assert compare_texts(a, b).pairs[0].key == compare_texts(a + "\n\nMore.", b).pairs[0].key
