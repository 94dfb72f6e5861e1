"""Keep a story's quotes and alignments in step with its versions.

`align_story` analyses every version once, unifies speaker names across the story, stores the
quotes of versions that have none yet, and recomputes exactly the alignments that are missing
or out of date — those touching a new version, a version whose speakers were renamed by
unification, or computed by an older engine (or provisionally, see `align_new_version`).
Editors' reviews are keyed by quote words, not rows, so they are untouched.

The pairs are aligned in chunks, each its own transaction holding the story's row lock, so a
big story is worked through by a background job that reports progress and can be interrupted
at any point: what was committed stays, and running it again does only what is left. Two runs
on one story take turns on the lock, and each chunk re-checks what is still stale, so they
never compute a pair twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal

from newsdiff.engine import ENGINE_VERSION, align_versions, analyse_version, unify_speakers
from newsdiff.engine.compare import paraphrased
from newsdiff.quotes.models import Alignment, Quote, QuotePair
from newsdiff.quotes.reviews import restore_links
from newsdiff.stories.models import Story, Version

# Sent (story=...) by align_story, in a transaction holding the story's lock, once it has
# recomputed alignments, so apps built on them (collation's provenance) follow without quotes
# knowing them.
story_aligned = Signal()

# An alignment made at upload time from two versions analysed on their own, before the story's
# speakers were unified: shown straight away, recomputed by the next `align_story`.
PROVISIONAL_ENGINE = f"{ENGINE_VERSION}~provisional"

Progress = Callable[[int, int], None]


@dataclass
class _Plan:
    """The story as one chunk found it: its versions (by pk), their analyses (unified), and
    the pairs of versions (as indexes) still to align."""

    versions: list[Version]
    analysed: list
    stale: list[tuple[int, int]] = field(default_factory=list)

    @property
    def version_ids(self) -> list[int]:
        return [v.pk for v in self.versions]


def align_story(
    story: Story, *, progress: Progress | None = None, chunk_size: int | None = None
) -> int:
    """Bring the story's quotes and alignments up to date; return how many pairs of versions
    were aligned. `progress(done, total)` is called after each chunk (and once before the
    first); total grows if versions arrive meanwhile."""
    chunk_size = chunk_size or settings.NEWSDIFF_ALIGN_CHUNK
    cache: dict[int, object] = {}
    done = 0
    with transaction.atomic():
        plan = _plan(story, cache)
    total = len(plan.stale)
    if progress:
        progress(done, total)
    while True:
        with transaction.atomic():
            _lock(story)
            current_ids = list(
                Version.objects.filter(article__story=story)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            if current_ids != plan.version_ids:
                # A version arrived (or went) since: speakers may unify differently.
                plan = _plan(story, cache, locked=True)
                total = done + len(plan.stale)
            if not plan.stale:
                break
            batch, plan.stale = plan.stale[:chunk_size], plan.stale[chunk_size:]
            # Another run may have aligned some meanwhile: only this chunk's pairs are checked,
            # so a story of thousands of pairs is not rescanned once per chunk.
            if batch := _not_yet_aligned(story, plan, batch):
                _align_pairs(story, plan, batch)
        done += len(batch)
        if progress:
            progress(done, max(total, done))
    if done:
        with transaction.atomic():
            _lock(story)
            story_aligned.send(sender=Story, story=story)
    if progress:
        progress(done, done)
    return done


def stale_pair_count(story: Story) -> int:
    """How many pairs of versions `align_story` would align now, without analysing any text:
    pairs with no current alignment (quotes renamed by unification are not foreseen)."""
    ids = list(Version.objects.filter(article__story=story).values_list("pk", flat=True))
    current = Alignment.objects.filter(story=story, engine=ENGINE_VERSION).count()
    return len(ids) * (len(ids) - 1) // 2 - current


@transaction.atomic
def align_new_version(version: Version, reference: Version) -> None:
    """Store `version`'s own quotes and a provisional alignment with `reference`, analysing
    only those two texts: what an upload to a big story shows at once, while the full
    `align_story` waits for a worker."""
    story = version.article.story
    _lock(story)
    analysed = unify_speakers([analyse_version(reference.text), analyse_version(version.text)])
    # The reference keeps the quotes (and story-wide speaker keys) it has.
    fresh = [(v, ev) for v, ev in zip([reference, version], analysed) if not v.quotes.exists()]
    _store_quotes([v for v, _ in fresh], [ev for _, ev in fresh])
    quotes = _quote_rows([reference, version])
    Alignment.objects.filter(version_a=reference, version_b=version).delete()
    _store_alignments(
        story,
        [(reference, version, analysed[0], analysed[1])],
        quotes,
        engine=PROVISIONAL_ENGINE,
    )


def _lock(story: Story) -> None:
    Story.objects.select_for_update().filter(pk=story.pk).first()


def _plan(story: Story, cache: dict, *, locked: bool = False) -> _Plan:
    """Analyse (once per run: `cache`), unify, store quotes, drop the alignments unification or
    an engine change made stale, and list the pairs to align. Runs in a transaction."""
    if not locked:
        _lock(story)
    versions = list(Version.objects.filter(article__story=story).order_by("pk").only("pk", "text"))
    for v in versions:
        if v.pk not in cache:
            cache[v.pk] = analyse_version(v.text)
    plan = _Plan(versions, unify_speakers([cache[v.pk] for v in versions]))
    changed = _store_quotes(versions, plan.analysed)
    # A provisional alignment stays on show until its chunk replaces it.
    Alignment.objects.filter(story=story).filter(
        Q(version_a__in=changed)
        | Q(version_b__in=changed)
        | ~Q(engine__in=[ENGINE_VERSION, PROVISIONAL_ENGINE])
    ).delete()
    plan.stale = _still_stale(story, plan)
    return plan


def _still_stale(story: Story, plan: _Plan) -> list[tuple[int, int]]:
    current = set(
        Alignment.objects.filter(story=story, engine=ENGINE_VERSION).values_list(
            "version_a_id", "version_b_id"
        )
    )
    versions = plan.versions
    return [
        (i, j)
        for i, j in combinations(range(len(versions)), 2)
        if (versions[i].pk, versions[j].pk) not in current
    ]


def _not_yet_aligned(
    story: Story, plan: _Plan, batch: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    ids = {plan.versions[k].pk for pair in batch for k in pair}
    done = set(
        Alignment.objects.filter(
            story=story, engine=ENGINE_VERSION, version_a__in=ids, version_b__in=ids
        ).values_list("version_a_id", "version_b_id")
    )
    return [(i, j) for i, j in batch if (plan.versions[i].pk, plan.versions[j].pk) not in done]


def _align_pairs(story: Story, plan: _Plan, batch: list[tuple[int, int]]) -> None:
    versions, analysed = plan.versions, plan.analysed
    touched = {versions[k] for pair in batch for k in pair}
    # A provisional (or older) alignment of a pair in this batch gives way.
    Alignment.objects.filter(story=story).exclude(engine=ENGINE_VERSION).filter(
        version_a__in=touched, version_b__in=touched
    ).delete()
    quotes = _quote_rows(touched)
    recomputed = _store_alignments(
        story,
        [(versions[i], versions[j], analysed[i], analysed[j]) for i, j in batch],
        quotes,
        engine=ENGINE_VERSION,
    )
    # Pairs editors linked by hand come back wherever their two texts meet again.
    restore_links(story, recomputed, {v.pk: ev for v, ev in zip(versions, analysed)})


def _store_alignments(story, jobs, quotes, *, engine) -> list[Alignment]:
    """Align each (version_a, version_b, analysis_a, analysis_b) and store the results with
    two bulk inserts for the lot: one per alignment cost more than the aligning."""
    alignments, found = [], []
    for version_a, version_b, va, vb in jobs:
        pairs = align_versions(va, vb)
        para_a, para_b = paraphrased(pairs, va, vb)
        alignments.append(
            Alignment(
                story=story,
                version_a=version_a,
                version_b=version_b,
                engine=engine,
                paraphrased={
                    "a": {str(k): list(v) for k, v in para_a.items()},
                    "b": {str(k): list(v) for k, v in para_b.items()},
                },
            )
        )
        found.append(pairs)
    Alignment.objects.bulk_create(alignments)
    QuotePair.objects.bulk_create(
        [
            QuotePair(
                alignment=alignment,
                quote_a=quotes[alignment.version_a_id][p.a],
                quote_b=quotes[alignment.version_b_id][p.b],
                score=p.score,
                kind=p.kind,
                flags=list(p.flags),
                spans_a=[list(s) for s in p.spans_a],
                spans_b=[list(s) for s in p.spans_b],
                diff=[s.to_dict() for s in p.diff],
            )
            for alignment, pairs in zip(alignments, found)
            for p in pairs
        ],
        batch_size=500,
    )
    return alignments


def forget_alignments(version: Version) -> None:
    """Drop the alignments of a version being deleted: they are derived, and recomputed by
    `align_story` if it is restored. Reviews are keyed by words, so none is lost."""
    Alignment.objects.filter(Q(version_a=version) | Q(version_b=version)).delete()


def _store_quotes(versions, analysed) -> set[int]:
    """Store each version's quotes; return the versions whose quotes are new or changed.

    A version's text never changes, so its quotes change only when the engine does, or when
    unification across the story renames a speaker."""
    from newsdiff.search.index import index_quotes  # search builds on quotes, not back

    stored: dict[int, list[Quote]] = {}
    for q in Quote.objects.filter(version__in=versions).order_by("version_id", "index"):
        stored.setdefault(q.version_id, []).append(q)
    changed, create, update = set(), [], []
    for version, ev in zip(versions, analysed):
        rows = stored.get(version.pk, [])
        fresh = [
            Quote(
                version=version,
                index=n,
                start=q.start,
                end=q.end,
                text=q.text,
                speaker=q.speaker or "",
                speaker_key=q.speaker_key or "",
                fragment=q.fragment,
                key=q.key,
            )
            for n, q in enumerate(ev.quotes)
        ]
        if [(r.start, r.end) for r in rows] != [(f.start, f.end) for f in fresh]:
            if rows:
                Quote.objects.filter(version=version).delete()
            create.extend(fresh)
            changed.add(version.pk)
            continue
        for row, new in zip(rows, fresh):
            if (row.speaker, row.speaker_key) != (new.speaker, new.speaker_key):
                row.speaker, row.speaker_key = new.speaker, new.speaker_key
                update.append(row)
                changed.add(version.pk)
    Quote.objects.bulk_create(create, batch_size=500)
    index_quotes(create)  # replaced quotes left the index with their rows (CASCADE)
    Quote.objects.bulk_update(update, ["speaker", "speaker_key"], batch_size=500)
    return changed


def _quote_rows(versions) -> dict[int, list[Quote]]:
    rows: dict[int, list[Quote]] = {v.pk: [] for v in versions}
    for q in Quote.objects.filter(version__in=versions).order_by("version_id", "index"):
        rows[q.version_id].append(q)
    return rows
