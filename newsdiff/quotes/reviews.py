"""Editors' decisions on pairs: confirm, reject, re-link a quote to another counterpart, note.

A decision is a Review keyed by the two quotes' words (see models.Review), so it holds in every
alignment of the story where those two texts meet and outlives recomputation. Each change and
its audit event commit together. A re-link is a Review(decision=linked) plus an editor-made
QuotePair described by the engine's `pair_quotes`; `restore_links` re-creates such pairs in
alignments computed later (align_story calls it), so a link is never lost to a new upload.
"""

from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz, process, utils

from newsdiff.audit.log import record
from newsdiff.engine import ExtractedVersion, analyse_version, pair_quotes, unify_speakers
from newsdiff.quotes.models import Alignment, Quote, QuotePair, Review
from newsdiff.stories.models import Story, Version

NOTE_MAX_LENGTH = 2000


class ReviewRefused(ValueError):
    """A review that cannot be made; the message is shown to the editor."""


def confirm(pair: QuotePair, user) -> Review:
    return _decide(pair, user, Review.Decision.CONFIRMED)


@transaction.atomic
def reject(pair: QuotePair, user) -> Review:
    """A rejected engine pair stays listed (its quotes count as unpaired); a pair an editor
    linked by hand is unlinked: removed wherever those two texts meet."""
    review = _decide(pair, user, Review.Decision.REJECTED)
    if pair.origin == QuotePair.Origin.EDITOR:
        _editor_pairs(review).delete()
    return review


@transaction.atomic
def save_note(pair: QuotePair, user, note: str) -> Review:
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ReviewRefused(f"A note can be at most {NOTE_MAX_LENGTH} characters.")
    review, before = _locked_review(pair.alignment.story_id, pair.quote_a.key, pair.quote_b.key)
    review.note, review.reviewed_by, review.reviewed_at = note, user, timezone.now()
    review.save()
    record(
        user,
        "review.note",
        review,
        story_id=review.story_id,
        summary=f"Note on {_pair_summary(pair)}",
        before=before,
        after=_state(review),
    )
    return review


@transaction.atomic
def relink(quote: Quote, counterpart: Quote, user) -> QuotePair:
    """Pair `quote` with `counterpart` (a quote of another version of the same story) by hand;
    the pairs the engine had made for `quote` in that alignment are rejected."""
    story = quote.version.article.story
    if counterpart.version.article.story_id != story.pk:
        raise ReviewRefused("That quote belongs to another story.")
    if counterpart.version_id == quote.version_id:
        raise ReviewRefused("Pick a quote from the other version.")
    low, high = sorted((quote.version_id, counterpart.version_id))
    alignment = Alignment.objects.filter(version_a_id=low, version_b_id=high).first()
    if alignment is None:
        raise ReviewRefused("These two versions have not been aligned yet; try again shortly.")
    qa, qb = (quote, counterpart) if quote.version_id == low else (counterpart, quote)
    previous = QuotePair.objects.filter(alignment=alignment).select_related(
        "alignment", "quote_a", "quote_b"
    )
    previous = previous.filter(quote_a=quote) if quote is qa else previous.filter(quote_b=quote)
    for pair in previous:
        if pair.quote_a_id != qa.pk or pair.quote_b_id != qb.pk:
            reject(pair, user)

    review, before = _locked_review(story.pk, qa.key, qb.key)
    review.decision, review.reviewed_by = Review.Decision.LINKED, user
    review.reviewed_at = timezone.now()
    review.save()
    restore_links(story, list(Alignment.objects.filter(story=story)), _analysed(story))
    pair = QuotePair.objects.get(alignment=alignment, quote_a=qa, quote_b=qb)
    record(
        user,
        "review.link",
        review,
        story_id=story.pk,
        summary=f"Linked {_pair_summary(pair)}",
        before=before,
        after={**_state(review), "pair": pair.pk},
    )
    return pair


def candidates(quote: Quote, others: list[Quote]) -> list[tuple[Quote, float]]:
    """The other version's quotes, most similar to `quote` first, then in text order.

    rapidfuzz's token_set_ratio: a piece of a split quote, or a trimmed one, scores 100
    against its source (its words are a subset), a reworded one scores well above unrelated
    quotes, which stay near 50 (WRatio gave unrelated quotes of different lengths 86)."""
    if not others:
        return []
    scores = process.cdist(
        [quote.text],
        [o.text for o in others],
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
    )[0]
    ranked = sorted(zip(others, scores), key=lambda qs: (-qs[1], qs[0].index))
    return [(q, round(float(s), 1)) for q, s in ranked]


def restore_links(
    story: Story, alignments: list[Alignment], analysed: dict[int, ExtractedVersion]
) -> None:
    """Give these alignments the pairs editors linked by hand: wherever a linked Review's two
    texts meet, a QuotePair(origin=editor) unless the engine already paired those quotes."""
    linked = set(
        Review.objects.filter(story=story, decision=Review.Decision.LINKED).values_list(
            "key_low", "key_high"
        )
    )
    if not linked or not alignments:
        return
    versions = {v for al in alignments for v in (al.version_a_id, al.version_b_id)}
    by_key: dict[int, dict[str, list[Quote]]] = {v: {} for v in versions}
    for q in Quote.objects.filter(version__in=versions):
        by_key[q.version_id].setdefault(q.key, []).append(q)
    existing = set(
        QuotePair.objects.filter(alignment__in=alignments).values_list(
            "alignment_id", "quote_a_id", "quote_b_id"
        )
    )
    new = []
    for al in alignments:
        a_keys, b_keys = by_key[al.version_a_id], by_key[al.version_b_id]
        for low, high in linked:
            for ka, kb in {(low, high), (high, low)}:
                for qa in a_keys.get(ka, []):
                    for qb in b_keys.get(kb, []):
                        if (al.pk, qa.pk, qb.pk) not in existing:
                            existing.add((al.pk, qa.pk, qb.pk))
                            new.append(_editor_pair(al, qa, qb, analysed))
    QuotePair.objects.bulk_create(new)


def _editor_pair(
    alignment: Alignment, qa: Quote, qb: Quote, analysed: dict[int, ExtractedVersion]
) -> QuotePair:
    va, vb = analysed[alignment.version_a_id], analysed[alignment.version_b_id]
    p = pair_quotes(va, qa.index, vb, qb.index)
    return QuotePair(
        alignment=alignment,
        quote_a=qa,
        quote_b=qb,
        score=p.score,
        kind=p.kind,
        flags=list(p.flags),
        spans_a=[list(s) for s in p.spans_a],
        spans_b=[list(s) for s in p.spans_b],
        diff=[s.to_dict() for s in p.diff],
        origin=QuotePair.Origin.EDITOR,
    )


def _analysed(story: Story) -> dict[int, ExtractedVersion]:
    """Every version of the story analysed as align_story does (speakers unified across the
    story), so an editor's pair is described exactly like the engine's."""
    versions = list(Version.objects.filter(article__story=story).order_by("pk").only("pk", "text"))
    return dict(
        zip((v.pk for v in versions), unify_speakers([analyse_version(v.text) for v in versions]))
    )


def _decide(pair: QuotePair, user, decision: str) -> Review:
    with transaction.atomic():
        review, before = _locked_review(pair.alignment.story_id, pair.quote_a.key, pair.quote_b.key)
        review.decision, review.reviewed_by = decision, user
        review.reviewed_at = timezone.now()
        review.save()
        verb = {"confirmed": "confirm", "rejected": "reject"}[decision]
        record(
            user,
            f"review.{verb}",
            review,
            story_id=review.story_id,
            summary=f"{decision.capitalize()} {_pair_summary(pair)}",
            before=before,
            after={**_state(review), "pair": pair.pk},
        )
        return review


def _locked_review(story_id: int, key_a: str, key_b: str) -> tuple[Review, dict | None]:
    """The review of these two texts, locked for this transaction (made if missing), and its
    state before the change (None when new)."""
    low, high = Review.keys(key_a, key_b)
    review, created = Review.objects.get_or_create(story_id=story_id, key_low=low, key_high=high)
    review = Review.objects.select_for_update().get(pk=review.pk)
    return review, None if created else _state(review)


def _editor_pairs(review: Review):
    pairs = QuotePair.objects.filter(
        alignment__story_id=review.story_id, origin=QuotePair.Origin.EDITOR
    )
    return pairs.filter(quote_a__key=review.key_low, quote_b__key=review.key_high) | pairs.filter(
        quote_a__key=review.key_high, quote_b__key=review.key_low
    )


def _state(review: Review) -> dict:
    return {
        "decision": review.decision,
        "note": review.note,
        "reviewed_by": review.reviewed_by.get_username() if review.reviewed_by else None,
    }


def _pair_summary(pair: QuotePair) -> str:
    return f"“{pair.quote_a.text[:60]}” ↔ “{pair.quote_b.text[:60]}”"
