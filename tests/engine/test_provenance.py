"""Provenance: which earlier version each version most likely derives from."""

from itertools import combinations

from newsdiff.engine import align_versions, analyse_version, unify_speakers
from newsdiff.engine.provenance import Source, origin, trace_provenance

ORIGINAL = """Harwick council closes stone bridge as river rises

The River Tamsin rose two metres overnight after three days of heavy rain, and police closed the old stone bridge at Harwick on Monday morning.

“The water is still rising in the lower town and we expect the peak on Friday evening,” said Dana Okafor, who leads the county flood team.

Residents in the lower town were told to move their cars to the market square. The council opened a rest centre in the school hall, where about forty people spent the night.

“Nobody should try to drive through flood water, not even in a large vehicle,” Okafor said.

The bridge was last closed in 2007, when the river reached a record height. Engineers will inspect it before it reopens.

“We will not reopen the bridge until it is safe,” said council leader Tom Varga."""

# Outlet 1 rewrites the original: a new intro, a typo, a quote word changed.
REWRITE_1 = """Floods close Harwick bridge

Police shut the old stone bridge at Harwick on Monday after the River Tamsin rose two metres overnight.

“The water is still rising in the lower town and we expect the peak on Friday night,” said Dana Okafor, who leads the county flood team.

Residents in the lower town were told to move their cars to the market square. The council opened a rest centre in the school hall, where about fourty people spent the night.

“Nobody should try to drive through flood water, not even in a large vehicle,” Okafor said.

The bridge was last closed in 2007, when the river reached a record height. Engineers will inspect it before it reopens."""

# Outlet 2 rewrites the original differently.
REWRITE_2 = """Harwick council closes stone bridge as river rises

The River Tamsin rose two metres overnight after three days of heavy rain, and police closed the old stone bridge at Harwick on Monday morning.

County flood chief Dana Okafor said the peak was expected on Friday evening. “The water is still rising in the lower town,” she said.

Residents in the lower town were told to move their cars to the market square. The council opened a rest centre in the school hall, where about forty people spent the night.

“We will not reopen the bridge until it is safe,” said council leader Tom Varga.

Schools in Harwick will stay open, the county said."""

# Outlet 3 copies outlet 1 (its typo and its "Friday night" come along) and trims it.
REWRITE_OF_1 = """Floods close Harwick bridge

Police shut the old stone bridge at Harwick on Monday after the River Tamsin rose two metres overnight.

“The water is still rising in the lower town and we expect the peak on Friday night,” said Dana Okafor, who leads the county flood team.

Residents were told to move their cars to the market square. The council opened a rest centre in the school hall, where about fourty people spent the night.

“Nobody should try to drive through flood water,” Okafor said.

Readers can send us their flood photos."""

# A paraphrase of the original: every sentence reworded, in the same order.
PARAPHRASE = """Stone bridge in Harwick shut by council as Tamsin rises

After three days of heavy rain the River Tamsin climbed two metres overnight, so police shut Harwick's old stone bridge on Monday morning.

“The water is still rising in the lower town and we expect the peak on Friday evening,” county flood team leader Dana Okafor said.

People living in the lower town were asked to move their cars to the market square. About forty people spent the night in a rest centre the council opened in the school hall.

The bridge was last shut in 2007, when the river hit a record height, and engineers will inspect it before it opens again."""

# Another outlet at the same press conference: the same quotes, its own text.
INDEPENDENT = """Rain keeps falling on Harwick

Shopkeepers on Harwick's high street stacked sandbags against their doors on Monday as a grey sky promised more rain for the valley.

“The water is still rising in the lower town and we expect the peak on Friday evening,” Dana Okafor told a press conference at the fire station.

Farmers upstream said their fields had been under water since Saturday. A ferry service across the estuary was cancelled for the rest of the week.

“We will not reopen the bridge until it is safe,” council leader Tom Varga added."""


def trace(*named: tuple, corrected=None):
    """named: (id, text, article) earliest first; quote pairs from the engine, as stored."""
    versions = unify_speakers([analyse_version(text) for _, text, _ in named])
    sources = [Source(vid, text, [(q.start, q.end) for q in v.quotes], article)
               for (vid, text, article), v in zip(named, versions)]
    pairs = {(named[x][0], named[y][0]): align_versions(versions[x], versions[y])
             for x, y in combinations(range(len(named)), 2)}
    return trace_provenance(sources, pairs, corrected)


STORY = (("original", ORIGINAL, "wire"), ("rewrite 1", REWRITE_1, "outlet 1"),
         ("rewrite 2", REWRITE_2, "outlet 2"), ("rewrite of 1", REWRITE_OF_1, "outlet 3"))


def test_rewrites_point_to_the_version_they_copied():
    found = trace(*STORY)
    assert {v: d.parent for v, d in found.items()} == {
        "original": None, "rewrite 1": "original", "rewrite 2": "original",
        "rewrite of 1": "rewrite 1"}


def test_a_copied_typo_and_changed_wording_outweigh_the_grandparent():
    d = trace(*STORY)["rewrite of 1"]
    by_candidate = dict(d.candidates)
    assert by_candidate["rewrite 1"].same_sentences > by_candidate["original"].same_sentences
    assert by_candidate["rewrite 1"].exact_quotes > by_candidate["original"].exact_quotes
    assert 0 < d.confidence < 1


def test_evidence_reports_shares_of_the_child():
    d = trace(*STORY)["rewrite 1"]
    e = d.evidence
    assert 0.5 < e.shared_text <= 1.0
    assert e.same_sentences < e.shared_text
    assert e.shared_quotes == 1.0  # both its quotes are the original's
    assert e.exact_quotes == 0.5  # "Friday night" is not "Friday evening"


def test_the_first_version_is_an_original_with_full_confidence():
    d = trace(*STORY)["original"]
    assert (d.parent, d.confidence, d.candidates) == (None, 1.0, ())


def test_sharing_quotes_but_not_text_is_an_original():
    found = trace(("original", ORIGINAL, "wire"), ("independent", INDEPENDENT, "outlet 4"))
    d = found["independent"]
    assert d.parent is None
    (_, evidence), = d.candidates
    # Its sentences around the quotes align with the original's through the quotes alone.
    assert evidence.shared_quotes == 1.0 and evidence.shared_text < 0.3
    assert d.confidence > 0.5


def test_a_paraphrase_that_rewords_every_sentence_still_derives_from_its_source():
    found = trace(("original", ORIGINAL, "wire"), ("independent", INDEPENDENT, "outlet 4"),
                  ("paraphrase", PARAPHRASE, "outlet 5"))
    d = found["paraphrase"]
    assert d.parent == "original"
    assert d.evidence.same_sentences == 0.0 and d.evidence.shared_text > 0.6


def test_a_later_version_of_an_article_derives_from_its_predecessor_on_a_tie():
    copy = ORIGINAL  # another outlet republished version 1 word for word
    update = ORIGINAL + "\n\nThe river peaked on Friday evening, the county said."
    found = trace(("v1", ORIGINAL, "wire"), ("copy", copy, "outlet 1"), ("v2", update, "wire"))
    assert found["copy"].parent == "v1"
    assert found["v2"].parent == "v1"


def test_a_later_version_of_an_article_follows_clear_evidence_elsewhere():
    # The wire's second version is replaced by outlet 1's rewrite, typo and all.
    found = trace(("v1", ORIGINAL, "wire"), ("rewrite 1", REWRITE_1, "outlet 1"),
                  ("v2", REWRITE_1 + "\n\nUpdated at noon.", "wire"))
    assert found["v2"].parent == "rewrite 1"


def test_an_editors_correction_is_kept():
    found = trace(*STORY, corrected={"rewrite of 1": "original"})
    d = found["rewrite of 1"]
    assert (d.parent, d.corrected, d.confidence) == ("original", True, 1.0)
    assert d.evidence is not None


def test_origin_walks_back_to_the_original():
    found = trace(*STORY)
    assert origin(found, "rewrite of 1") == "original"
    assert origin(found, "original") == "original"
