"""Fidelity: how each version reproduced the reference version's quotes."""

from newsdiff.engine import align_versions, analyse_version, unify_speakers
from newsdiff.engine.fidelity import Tally, by_outlet, tally_story, tally_version
from newsdiff.engine.statements import QuoteLink

REFERENCE = """‘Peak on Friday’, says flood chief

“The water is still rising in the lower town and we expect the peak on Friday evening,” said Dana Okafor, who leads the county flood team.

“Nobody should try to drive through flood water, not even in a large vehicle,” Okafor said.

“We have moved forty families out of the lower town since Monday,” said council leader Tom Varga.

“The bridge will stay shut until engineers have inspected every arch,” Varga said."""

OUTLET_TEXT = """Flood chief expects Friday peak

“The water is still rising in the lower town and we expect the peak on Friday night,” said Dana Okafor, who leads the county flood team.

Okafor urged drivers to stay away. “Nobody should try to drive through flood water,” she said.

“We have moved fifty families out of the lower town since Monday,” said Dana Okafor."""


def story_pairs(reference: str, *others: str):
    versions = unify_speakers([analyse_version(t) for t in (reference, *others)])
    return versions, {n: align_versions(versions[0], v) for n, v in enumerate(versions[1:], 1)}


def test_each_reference_quote_counts_once_in_one_category():
    versions, pairs = story_pairs(REFERENCE, OUTLET_TEXT)
    reference_quotes = [i for i, q in enumerate(versions[0].quotes) if not q.fragment]
    t = tally_story(reference_quotes, pairs)[1]
    assert t.total == 5  # the headline's "Peak on Friday" is a quote of its own
    # minor: "Friday night", "fifty"; partial: the headline, the trimmed warning; dropped: bridge
    assert (t.verbatim, t.minor, t.partial, t.reworded, t.dropped) == (0, 2, 2, 0, 1)
    assert t.verbatim + t.minor + t.partial + t.reworded + t.dropped == t.total


def test_changed_number_is_meaning_changed_and_other_speaker_is_misattributed():
    versions, pairs = story_pairs(REFERENCE, OUTLET_TEXT)
    t = tally_version(range(len(versions[0].quotes)), pairs[1])
    assert t.meaning_changed == 1  # forty → fifty
    assert t.misattributed == 1  # Varga's words given to Okafor
    assert t.share("dropped") == 0.2


def test_a_quote_printed_twice_counts_once_at_its_best_and_flags_from_either():
    pairs = [QuoteLink(0, 0, 60.0, "partial", ("hedge_changed",)),
             QuoteLink(0, 4, 100.0, "exact")]
    t = tally_version([0], pairs)
    assert (t.total, t.verbatim, t.partial, t.meaning_changed) == (1, 1, 0, 1)


def test_stored_pairs_are_turned_round_when_the_reference_is_version_b():
    stored = QuoteLink(a=3, b=0, score=100.0, kind="exact")  # reference quote 0 is `b`
    assert tally_version([0], [stored.swapped()]).verbatim == 1
    assert tally_version([0], [stored]).dropped == 1


def test_outlets_sum_their_versions_and_stories_sum_their_outlets():
    story_1 = by_outlet({1: Tally(total=2, verbatim=2), 2: Tally(total=2, reworded=1, dropped=1)},
                        {1: "Valley Post", 2: "Harwick Herald"})
    story_2 = by_outlet({7: Tally(total=3, minor=1, dropped=2, meaning_changed=1)},
                        {7: "Harwick Herald"})
    herald = sum((s["Harwick Herald"] for s in (story_1, story_2)), Tally())
    assert (herald.total, herald.dropped, herald.meaning_changed) == (5, 3, 1)
    assert herald.shares["dropped"] == 0.6
    assert Tally().share("verbatim") == 0.0
