"""Provenance of a story's versions, stored and corrected: which version each one most likely
derives from (engine: newsdiff.engine.provenance), the story's original, and so the reference
version that the matrix and the fidelity report compare every other version with.

The reference is the version an editor marked as the original; otherwise the original that
the earliest-published version's line of derivation starts from (usually the earliest version
itself; an editor's correction of its parent moves the reference with it).

`trace_story` runs after every alignment of a story (signals.py); rows an editor set are kept.
Reading functions fill in rows still missing (a story aligned before provenance existed).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsdiff.audit.log import record
from newsdiff.collation.links import story_links
from newsdiff.collation.models import Derivation, Original, SetBy
from newsdiff.engine.provenance import Source, trace_provenance
from newsdiff.quotes.models import Alignment, Quote
from newsdiff.stories.models import Story, Version


class ProvenanceRefused(ValueError):
    """A correction that cannot be made; the message is shown to the editor."""


def publication_key(version: Version) -> tuple:
    """Earliest first: the date the document gives, else the upload; then upload time and id."""
    return (version.published or version.uploaded_at.date(), version.uploaded_at, version.pk)


def story_versions(story_ids: Iterable[int]) -> dict[int, list[Version]]:
    """Each story's versions (text left out) with outlet, in publication order: one query."""
    story_ids = list(story_ids)
    result: dict[int, list[Version]] = {s: [] for s in story_ids}
    for v in (
        Version.objects.filter(article__story_id__in=story_ids)
        .defer("text", "raw")
        .select_related("article__outlet")
    ):
        result[v.article.story_id].append(v)
    for versions in result.values():
        versions.sort(key=publication_key)
    return result


@transaction.atomic
def trace_story(story: Story, *, changed_only: bool = False) -> None:
    """Recompute the engine's derivations of the versions of `story`; editors' stay.

    `changed_only` (after an alignment): only versions whose evidence may have changed — no
    derivation yet, a parent since deleted, or an alignment with an earlier version computed
    after their derivation. A version's evidence comes only from its own text and the earlier
    versions it was aligned with, so the others would come out the same; an upload to a
    200-version story retraces one version, not 200."""
    versions = sorted(
        Version.objects.filter(article__story=story).defer("raw"), key=publication_key
    )
    existing = {d.version_id: d for d in Derivation.objects.filter(story=story)}
    corrected = {
        v: d.derived_from_id for v, d in existing.items() if d.set_by == SetBy.EDITOR
    }
    children = _changed(story, versions, existing) if changed_only else None
    if children is not None and not children:
        return
    quotes: dict[int, list[tuple[int, int]]] = {v.pk: [] for v in versions}
    for version_id, start, end in (
        Quote.objects.filter(version__in=versions)
        .order_by("version_id", "index")
        .values_list("version_id", "start", "end")
    ):
        quotes[version_id].append((start, end))
    sources = [Source(v.pk, v.text, quotes[v.pk], v.article_id) for v in versions]
    links = story_links([story.pk], versions=children)[story.pk].pairs
    found = trace_provenance(sources, links, corrected, children=children)
    stale = Derivation.objects.filter(story=story, set_by=SetBy.ENGINE)
    if children is not None:
        stale = stale.filter(version_id__in=children)
    stale.delete()
    now = timezone.now()
    Derivation.objects.bulk_create(
        Derivation(
            story=story,
            version_id=d.version,
            derived_from_id=d.parent,
            confidence=d.confidence,
            evidence=_evidence(d.evidence),
            set_by=SetBy.ENGINE,
            set_at=now,
        )
        for d in found.values()
        if d.version not in corrected
    )


def _changed(story: Story, versions: list[Version], existing: dict) -> set[int]:
    order = {v.pk: n for n, v in enumerate(versions)}
    aligned: dict[int, datetime] = {}  # version -> latest alignment with an earlier version
    for a, b, at in Alignment.objects.filter(story=story).values_list(
        "version_a_id", "version_b_id", "computed_at"
    ):
        if a in order and b in order:
            later = a if order[a] > order[b] else b
            aligned[later] = max(at, aligned.get(later, at))
    changed = set()
    for v in order:
        d = existing.get(v)
        if d is None or (d.derived_from_id is not None and d.derived_from_id not in order):
            changed.add(v)
        elif d.set_by == SetBy.ENGINE and v in aligned and aligned[v] >= d.set_at:
            changed.add(v)
    return changed


def ensure_traced(stories: Iterable[Story]) -> None:
    """Trace the stories that have a version without a stored derivation, or an engine-made
    derivation from a version since deleted (an editor's stays until an editor changes it)."""
    stories = list(stories)
    missing = set(
        Version.objects.filter(article__story__in=stories, derivation__isnull=True).values_list(
            "article__story_id", flat=True
        )
    ) | set(
        Derivation.objects.filter(
            story__in=stories, set_by=SetBy.ENGINE, derived_from__deleted_at__isnull=False
        ).values_list("story_id", flat=True)
    )
    for story in stories:
        if story.pk in missing:
            try:
                with transaction.atomic():
                    trace_story(story)
            except IntegrityError:
                pass  # traced at the same moment by another request


def _evidence(evidence) -> dict:
    if evidence is None:
        return {}
    return {
        "shared_text": evidence.shared_text,
        "same_sentences": evidence.same_sentences,
        "shared_quotes": evidence.shared_quotes,
        "exact_quotes": evidence.exact_quotes,
    }


@dataclass
class Node:
    """A version in the provenance graph, with where the SVG draws it."""

    version: Version
    derivation: Derivation | None
    x: int = 0
    y: int = 0
    reference: bool = False
    marked_original: bool = False
    parent: "Node | None" = None

    @property
    def label(self) -> str:
        return f"{self.version.article.outlet.name} v{self.version.number}"

    @property
    def parent_id(self) -> int | None:
        return self.derivation.derived_from_id if self.derivation else None

    @property
    def confidence(self) -> float:
        return self.derivation.confidence if self.derivation else 0.0

    @property
    def corrected(self) -> bool:
        return bool(self.derivation and self.derivation.set_by == SetBy.EDITOR)


@dataclass
class Edge:
    parent: Node
    child: Node

    @property
    def path(self) -> str:
        """A curve from the parent's right edge to the child's left edge (a child always
        stands a column to the right of its parent; loops are refused)."""
        x1, y1 = self.parent.x + NODE_W, self.parent.y + NODE_H // 2
        x2, y2 = self.child.x, self.child.y + NODE_H // 2
        mid = (x1 + x2) // 2
        return f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"

    @property
    def strength(self) -> str:
        if self.child.corrected:
            return "editor"
        return "strong" if self.child.confidence >= 0.5 else "weak"


NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 170, 36, 60, 16, 8


@dataclass
class StoryProvenance:
    """The story's versions in publication order with their derivations, the reference they
    are measured against, and the graph's layout (`nodes`, `edges`, `width`, `height`)."""

    story: Story
    versions: list[Version]
    reference: Version | None
    original: Original | None
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: int = 0
    height: int = 0

    def node(self, version_id: int) -> Node | None:
        return next((n for n in self.nodes if n.version.pk == version_id), None)

    def to_dict(self) -> dict:
        return {
            "reference": self.reference.pk if self.reference else None,
            "original_marked_by_editor": self.original.version_id if self.original else None,
            "versions": [
                {
                    "version": n.version.pk,
                    "label": n.label,
                    "derived_from": n.parent_id,
                    "confidence": n.confidence,
                    "set_by": n.derivation.set_by if n.derivation else None,
                    "evidence": n.derivation.evidence if n.derivation else {},
                }
                for n in self.nodes
            ],
        }


def story_provenance(story: Story) -> StoryProvenance:
    """The story's provenance with its graph laid out (stories traced first if need be)."""
    return provenances([story])[story.pk]


def provenances(stories: Iterable[Story]) -> dict[int, StoryProvenance]:
    """`story_provenance` for many stories in a fixed number of queries."""
    stories = list(stories)
    ensure_traced(stories)
    ids = [s.pk for s in stories]
    versions = story_versions(ids)
    derivations: dict[int, Derivation] = {
        d.version_id: d for d in Derivation.objects.filter(story_id__in=ids)
    }
    originals = {o.story_id: o for o in Original.objects.filter(story_id__in=ids)}
    result = {}
    for story in stories:
        found = StoryProvenance(story, versions[story.pk], None, originals.get(story.pk))
        found.reference = _reference(found.versions, derivations, found.original)
        _lay_out(found, derivations)
        result[story.pk] = found
    return result


def _reference(versions: list[Version], derivations, original: Original | None):
    if not versions:
        return None
    by_id = {v.pk: v for v in versions}
    if original is not None and original.version_id in by_id:
        return by_id[original.version_id]
    current, seen = versions[0].pk, set()
    while current not in seen:
        seen.add(current)
        parent = derivations.get(current) and derivations[current].derived_from_id
        if parent is None or parent not in by_id:
            break
        current = parent
    return by_id[current]


def _lay_out(found: StoryProvenance, derivations) -> None:
    """Columns by generation (originals first), rows in publication order within a column."""
    nodes = {v.pk: Node(v, derivations.get(v.pk)) for v in found.versions}
    depth: dict[int, int] = {}

    def generation(vid: int, seen: frozenset = frozenset()) -> int:
        if vid not in depth:
            parent = nodes[vid].parent_id
            ok = parent in nodes and parent not in seen and parent != vid
            depth[vid] = generation(parent, seen | {vid}) + 1 if ok else 0
        return depth[vid]

    rows: dict[int, int] = {}
    for v in found.versions:
        node = nodes[v.pk]
        column = generation(v.pk)
        node.x = PAD + column * (NODE_W + GAP_X)
        node.y = PAD + rows.get(column, 0) * (NODE_H + GAP_Y)
        rows[column] = rows.get(column, 0) + 1
        node.reference = found.reference is not None and v.pk == found.reference.pk
        node.marked_original = found.original is not None and v.pk == found.original.version_id
    found.nodes = list(nodes.values())
    for n in found.nodes:
        n.parent = nodes.get(n.parent_id)
    found.edges = [Edge(n.parent, n) for n in found.nodes if n.parent is not None]
    columns = max(depth.values(), default=0) + 1
    found.width = 2 * PAD + columns * NODE_W + (columns - 1) * GAP_X
    found.height = 2 * PAD + max(rows.values(), default=1) * (NODE_H + GAP_Y) - GAP_Y


@transaction.atomic
def correct_parent(story: Story, version: Version, parent: Version | None, user, *,
                   reset: bool = False) -> Derivation:
    """An editor's parent for `version` (None: it is an original); `reset` hands the choice
    back to newsdiff. Refuses a parent from another story, the version itself, or a loop."""
    if version.article.story_id != story.pk:
        raise ProvenanceRefused("That version belongs to another story.")
    derivation = Derivation.objects.select_for_update().filter(version=version).first()
    before = _state(derivation)
    if reset:
        if derivation is not None and derivation.set_by == SetBy.EDITOR:
            derivation.delete()
        trace_story(story)
        derivation = Derivation.objects.get(version=version)
        record(user, "provenance.reset", derivation, story_id=story.pk,
               summary=f"Provenance of {version} handed back to newsdiff",
               before=before, after=_state(derivation))
        return derivation
    if parent is not None:
        if parent.article.story_id != story.pk:
            raise ProvenanceRefused("The parent must be a version of this story.")
        if parent.pk == version.pk:
            raise ProvenanceRefused("A version cannot derive from itself.")
        parents = dict(Derivation.objects.filter(story=story)
                       .values_list("version_id", "derived_from_id"))
        current, seen = parent.pk, set()
        while current is not None and current not in seen:
            if current == version.pk:
                raise ProvenanceRefused(
                    f"{parent} already derives from {version}: that would make a loop.")
            seen.add(current)
            current = parents.get(current)
    if derivation is None:
        derivation = Derivation(story=story, version=version)
    derivation.derived_from = parent
    derivation.confidence = 1.0
    derivation.evidence = {}
    derivation.set_by, derivation.set_by_user = SetBy.EDITOR, user
    derivation.set_at = timezone.now()
    derivation.save()
    record(user, "provenance.correct", derivation, story_id=story.pk,
           summary=f"{version} derives from {parent or 'no other version (an original)'}",
           before=before, after=_state(derivation))
    return derivation


@transaction.atomic
def mark_original(story: Story, version: Version | None, user) -> Original | None:
    """Mark `version` as the story's original (None: let provenance decide again). The marked
    version is recorded as deriving from no other version."""
    current = Original.objects.select_for_update().filter(story=story).first()
    before = {"version": current.version_id} if current else None
    if version is None:
        if current is None:
            return None
        record(user, "provenance.original", current, story_id=story.pk,
               summary="Original no longer marked; provenance decides the reference",
               before=before, after=None)
        current.delete()
        return None
    if version.article.story_id != story.pk:
        raise ProvenanceRefused("That version belongs to another story.")
    original = current or Original(story=story)
    original.version, original.set_by_user, original.set_at = version, user, timezone.now()
    original.save()
    derivation = Derivation.objects.filter(version=version).first()
    if derivation is None or derivation.derived_from_id is not None:
        correct_parent(story, version, None, user)
    record(user, "provenance.original", original, story_id=story.pk,
           summary=f"{version} marked as the story’s original", before=before,
           after={"version": version.pk})
    return original


def _state(derivation: Derivation | None) -> dict | None:
    if derivation is None:
        return None
    return {
        "derived_from": derivation.derived_from_id,
        "confidence": derivation.confidence,
        "set_by": derivation.set_by,
    }
