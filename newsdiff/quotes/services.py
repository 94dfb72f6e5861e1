"""Keep a story's quotes and alignments in step with its versions.

`align_story` is called inside the upload's transaction (see stories.services): it analyses
every version once, unifies speaker names across the story, stores the quotes of versions that
have none yet, and recomputes exactly the alignments that are missing or out of date — those
touching a new version, a version whose speakers were renamed by unification, or computed by
an older engine. Editors' reviews are keyed by quote words, not rows, so they are untouched.
"""

from itertools import combinations

from django.db import transaction
from django.db.models import Q

from newsdiff.engine import ENGINE_VERSION, align_versions, analyse_version, unify_speakers
from newsdiff.engine.compare import paraphrased
from newsdiff.quotes.models import Alignment, Quote, QuotePair
from newsdiff.quotes.reviews import restore_links
from newsdiff.stories.models import Story, Version


@transaction.atomic
def align_story(story: Story) -> None:
    versions = list(
        Version.objects.filter(article__story=story).order_by("pk").only("pk", "text")
    )
    analysed = unify_speakers([analyse_version(v.text) for v in versions])
    changed = _store_quotes(versions, analysed)
    quotes = _quote_rows(versions)

    current = {
        (al.version_a_id, al.version_b_id)
        for al in Alignment.objects.filter(story=story, engine=ENGINE_VERSION)
    }
    stale = [
        (i, j)
        for i, j in combinations(range(len(versions)), 2)
        if (versions[i].pk, versions[j].pk) not in current
        or versions[i].pk in changed
        or versions[j].pk in changed
    ]
    if not stale:
        return
    Alignment.objects.filter(story=story).filter(
        Q(version_a__in=changed) | Q(version_b__in=changed) | ~Q(engine=ENGINE_VERSION)
    ).delete()
    new_pairs, recomputed = [], []
    for i, j in stale:
        va, vb = analysed[i], analysed[j]
        pairs = align_versions(va, vb)
        para_a, para_b = paraphrased(pairs, va, vb)
        alignment = Alignment.objects.create(
            story=story,
            version_a=versions[i],
            version_b=versions[j],
            engine=ENGINE_VERSION,
            paraphrased={
                "a": {str(k): list(v) for k, v in para_a.items()},
                "b": {str(k): list(v) for k, v in para_b.items()},
            },
        )
        recomputed.append(alignment)
        qa, qb = quotes[versions[i].pk], quotes[versions[j].pk]
        new_pairs.extend(
            QuotePair(
                alignment=alignment,
                quote_a=qa[p.a],
                quote_b=qb[p.b],
                score=p.score,
                kind=p.kind,
                flags=list(p.flags),
                spans_a=[list(s) for s in p.spans_a],
                spans_b=[list(s) for s in p.spans_b],
                diff=[s.to_dict() for s in p.diff],
            )
            for p in pairs
        )
    QuotePair.objects.bulk_create(new_pairs, batch_size=500)
    # Pairs editors linked by hand come back wherever their two texts meet again.
    restore_links(story, recomputed, {v.pk: ev for v, ev in zip(versions, analysed)})


def _store_quotes(versions, analysed) -> set[int]:
    """Store each version's quotes; return the versions whose quotes are new or changed.

    A version's text never changes, so its quotes change only when the engine does, or when
    unification across the story renames a speaker."""
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
    Quote.objects.bulk_update(update, ["speaker", "speaker_key"], batch_size=500)
    return changed


def _quote_rows(versions) -> dict[int, list[Quote]]:
    rows: dict[int, list[Quote]] = {v.pk: [] for v in versions}
    for q in Quote.objects.filter(version__in=versions).order_by("version_id", "index"):
        rows[q.version_id].append(q)
    return rows
