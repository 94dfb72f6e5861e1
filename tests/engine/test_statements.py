"""The quote matrix: quotes of many versions clustered into statements, with drift."""

from itertools import combinations

from newsdiff.engine import align_versions, analyse_version, unify_speakers
from newsdiff.engine.statements import QuoteLink, cluster_statements


def matrix(*texts: str, reference=None):
    """Rows for versions v1, v2, … of these texts, aligned by the engine as the app does."""
    versions = unify_speakers([analyse_version(t) for t in texts])
    names = [f"v{n + 1}" for n in range(len(texts))]
    quotes = {name: v.quotes for name, v in zip(names, versions)}
    pairs = {(names[x], names[y]): align_versions(versions[x], versions[y])
             for x, y in combinations(range(len(texts)), 2)}
    return cluster_statements(quotes, pairs, reference)


def layout(rows) -> list[dict[str, tuple[int, ...]]]:
    return [{c.version: c.quotes for c in row.cells} for row in rows]


ORIGINAL = (
    "“The water is still rising in the lower town. We expect the peak on Friday evening,” said "
    "Dana Okafor, who leads the county flood team.\n\n"
    "The council opened a rest centre. “Nobody should try to drive through flood water,” "
    "Okafor added."
)
SPLIT = (
    "“The water is still rising in the lower town,” said Dana Okafor of the county flood team. "
    "“We expect the peak on Friday evening.”\n\n"
    "“Nobody should try to drive through the flood water,” she added."
)
HEADLINE = (
    "‘Peak on Friday evening’, says flood chief\n\n"
    "“The water is still rising in the lower town. We expect the peak on Friday evening,” "
    "Dana Okafor said."
)


def test_one_statement_split_in_one_version_is_one_row():
    rows = matrix(ORIGINAL, SPLIT)
    assert layout(rows) == [{"v1": (0,), "v2": (0, 1)}, {"v1": (1,), "v2": (2,)}]


def test_headline_and_body_quoting_one_statement_share_a_cell():
    rows = matrix(ORIGINAL, SPLIT, HEADLINE)
    assert layout(rows)[0] == {"v1": (0,), "v2": (0, 1), "v3": (0, 1)}
    assert rows[0].cell("v3").drift == 0.0  # the body quotes it word for word


def test_dropped_statement_leaves_the_version_missing():
    rows = matrix(ORIGINAL, SPLIT, HEADLINE)
    assert rows[1].missing == ("v3",)
    assert rows[0].missing == ()


def test_reference_wording_comes_from_the_reference_version_or_the_earliest_with_it():
    rows = matrix(ORIGINAL, SPLIT, HEADLINE, reference="v3")
    assert rows[0].reference == "v3"
    # The headline's words are inside the body's, so the body alone is the wording.
    assert rows[0].wording == ("The water is still rising in the lower town. We expect the "
                               "peak on Friday evening,")
    dropped_by_v3 = next(r for r in rows if r.cell("v3") is None)
    assert dropped_by_v3.reference == "v1"


def test_drift_grows_with_the_change_and_is_zero_for_the_reference():
    rows = matrix(ORIGINAL, SPLIT)
    drive = rows[1]
    assert drive.cell("v1").drift == 0.0
    assert drive.cell("v2").kind == "minor"
    assert 0 < drive.cell("v2").drift < 0.3
    assert drive.drift == drive.cell("v2").drift


WINDOWS = (
    "“The dam held through the night. Engineers will inspect the spillway at dawn,” said Mira "
    "Reid.",
    "“Engineers will inspect the spillway at dawn. The east road stays closed until Thursday,” "
    "Mira Reid said.",
    "“The east road stays closed until Thursday. Schools in the valley will reopen on Monday,” "
    "Mira Reid said.",
)


def test_chain_of_overlapping_windows_does_not_glue_into_one_row():
    rows = matrix(*WINDOWS)
    assert layout(rows) == [{"v1": (0,), "v2": (0,)}, {"v2": (0,), "v3": (0,)}]
    # v2's quote carries both rows, so neither row shows v2 as having dropped it.
    assert [r.missing for r in rows] == [("v3",), ("v1",)]
    assert rows[1].cell("v2").shared


def test_fragments_of_one_long_quote_quoted_apart_are_one_statement():
    long = ("“The dam held through the night. Engineers will inspect the spillway at dawn,” said "
            "Mira Reid.")
    first = "Reid said “the dam held through the night” as crews watched."
    second = "“Engineers will inspect the spillway at dawn,” Reid said."
    rows = matrix(long, first, second)
    assert layout(rows) == [{"v1": (0,), "v2": (0,), "v3": (0,)}]
    assert rows[0].cell("v2").kind == "partial"


def quote(start: int, end: int, text: str = "…"):
    from types import SimpleNamespace

    return SimpleNamespace(start=start, end=end, text=text)


def test_rewording_chain_is_one_row_and_the_far_end_drifts_through_the_middle():
    quotes = {"v1": [quote(0, 40, "We will rebuild the bridge by spring")],
              "v2": [quote(0, 40)], "v3": [quote(0, 40)]}
    whole = ((0, 40),)
    pairs = {("v1", "v2"): [QuoteLink(0, 0, 80.0, "reworded", (), whole, whole)],
             ("v2", "v3"): [QuoteLink(0, 0, 90.0, "minor", ("number_changed",), whole, whole)]}
    (row,) = cluster_statements(quotes, pairs)
    v3 = row.cell("v3")
    assert (v3.direct, v3.kind) == (False, None)
    assert v3.drift == round(0.4 + 0.6 * 0.2 + 0.05 + 0.95 * 0.1, 3)
    assert v3.flags == ("number_changed",)
    assert row.flags == ("number_changed",)


def test_partial_overlaps_without_containment_need_a_direct_pair():
    # Y (v2, 0–100) overlaps X on its first half and Z on its second: X and Z share nothing.
    quotes = {"v1": [quote(0, 100)], "v2": [quote(0, 100)], "v3": [quote(0, 100)]}
    pairs = {("v1", "v2"): [QuoteLink(0, 0, 95.0, "partial", (), ((50, 100),), ((0, 50),))],
             ("v2", "v3"): [QuoteLink(0, 0, 95.0, "partial", (), ((50, 100),), ((0, 50),))]}
    assert len(cluster_statements(quotes, pairs)) == 2
    pairs[("v1", "v3")] = [QuoteLink(0, 0, 60.0, "reworded", (), ((0, 100),), ((0, 100),))]
    assert len(cluster_statements(quotes, pairs)) == 1


def test_engine_pairs_and_stored_links_may_be_seen_from_either_version():
    link = QuoteLink(2, 5, 91.0, "minor", ("hedge_changed",), ((1, 2),), ((3, 4),))
    assert link.swapped() == QuoteLink(5, 2, 91.0, "minor", ("hedge_changed",), ((3, 4),),
                                       ((1, 2),))


def test_a_quote_paired_with_one_copy_of_a_wording_relates_to_all_its_copies():
    # v1 full quote; v2 trims it to its first half; v3 rewords it whole; v4 rewords it too,
    # but the engine paired v4 only with the trim. All four are one statement.
    quotes = {v: [quote(0, 100)] for v in ("v1", "v2", "v3", "v4")}
    quotes["v2"] = [quote(0, 50)]
    whole, first_half = ((0, 100),), ((0, 50),)
    pairs = {("v1", "v2"): [QuoteLink(0, 0, 100.0, "partial", (), first_half, ((0, 50),))],
             ("v1", "v3"): [QuoteLink(0, 0, 70.0, "reworded", (), whole, whole)],
             ("v2", "v4"): [QuoteLink(0, 0, 90.0, "partial", (), ((0, 50),), first_half)]}
    (row,) = cluster_statements(quotes, pairs)
    assert [c.version for c in row.cells] == ["v1", "v2", "v3", "v4"]
    assert row.cell("v4").direct is False
