"""Properties over arbitrary text: never raises, offsets in range, A/B symmetry."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.engine import compare_texts, extract_quotes

MARKS = "\"'“”‘’„«»‹›`´ \n.,:;!?—-"
text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(MARKS)), max_size=300)
wordy = st.lists(
    st.one_of(st.sampled_from(["Kirby", "said", "he", "we", "will", "not", "Iran", "drones",
                               "“", "”", "‘", "’", '"', "'", ",", ".", "\n\n", ":"]),
              st.text(min_size=1, max_size=8)),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(text, wordy))
def test_extraction_never_raises_and_offsets_point_at_the_quote(t):
    for q in extract_quotes(t):
        assert 0 <= q.start <= q.end <= len(t)
        assert t[q.start:q.end] == q.text


@settings(max_examples=100, deadline=None)
@given(st.one_of(text, wordy), st.one_of(text, wordy))
def test_compare_never_raises_and_spans_are_in_range(a, b):
    c = compare_texts(a, b).to_dict()
    for p in c["pairs"]:
        assert all(0 <= s <= e <= len(a) for s, e in p["spans_a"])
        assert all(0 <= s <= e <= len(b) for s, e in p["spans_b"])
        assert p["kind"] in ("exact", "minor", "partial", "reworded")
        assert 0 <= p["score"] <= 100


@settings(max_examples=100, deadline=None)
@given(wordy, wordy)
def test_compare_a_b_mirrors_compare_b_a(a, b):
    ab = compare_texts(a, b)
    ba = compare_texts(b, a)
    assert {(p.a, p.b, p.kind) for p in ab.pairs} == {(p.b, p.a, p.kind) for p in ba.pairs}


# Hostile text: direction controls, NULs and other controls, combining marks, astral symbols.
HOSTILE = "\u202e\u202d\u2066\u2069\u200f\x00\x01\x0b\u0301\u200b\ufeff\U0001f600\u05d0\u0627"
hostile = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.sampled_from(MARKS),
              st.sampled_from(["Kerr", "said", "wall", "we", "will", "rebuild"])),
    max_size=120,
).map("".join)
POOL = ["“We will rebuild the harbour wall,” said Kerr.", "“Not now,” she said.",
        "“The wall will be rebuilt by spring,” said Kerr.", "“Yes.”", "Kerr spoke on Monday."]
# Many repeats of a few quotes: more candidates per quote than the engine verifies
# (align.MAX_CANDIDATES), so the cap and its tie-breaking are exercised.
repetitive = st.lists(st.sampled_from(POOL), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(hostile, hostile)
def test_hostile_characters_never_raise_and_offsets_stay_inside_the_text(a, b):
    for q in extract_quotes(a):
        assert 0 <= q.start <= q.end <= len(a)
        assert a[q.start:q.end] == q.text
    c = compare_texts(a, b)
    for p in c.pairs:
        assert all(0 <= s <= e <= len(a) for s, e in p.spans_a)
        assert all(0 <= s <= e <= len(b) for s, e in p.spans_b)


@settings(max_examples=60, deadline=None)
@given(repetitive, repetitive)
def test_repeated_quotes_mirror_and_pair_inside_their_quotes(a, b):
    ab, ba = compare_texts(a, b), compare_texts(b, a)
    assert {(p.a, p.b, p.kind) for p in ab.pairs} == {(p.b, p.a, p.kind) for p in ba.pairs}
    for p in ab.pairs:
        qa, qb = ab.a.quotes[p.a], ab.b.quotes[p.b]
        assert all(qa.start <= s <= e <= qa.end for s, e in p.spans_a)
        assert all(qb.start <= s <= e <= qb.end for s, e in p.spans_b)


@settings(max_examples=30, deadline=None)
@given(repetitive)
def test_a_text_compared_with_itself_pairs_every_quote_with_itself(a):
    c = compare_texts(a, a)
    paired = {(p.a, p.b) for p in c.pairs}
    for i, q in enumerate(c.a.quotes):
        if len(q.text.split()) > 2:
            assert (i, i) in paired
