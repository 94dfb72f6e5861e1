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
