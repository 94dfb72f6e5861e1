"""Two texts compared end to end: the shape `manage.py compare --json` prints."""

from dataclasses import dataclass

from newsdiff.engine.align import Pair, align_versions
from newsdiff.engine.paraphrase import find_paraphrase
from newsdiff.engine.version import ExtractedVersion, analyse_version, unify_speakers


@dataclass(frozen=True)
class Comparison:
    """Versions A and B, their pairs, and for quotes in only one version, where the other
    version has the same words outside quote marks (`paraphrased_a[i]` is a span of B's text)."""

    a: ExtractedVersion
    b: ExtractedVersion
    pairs: tuple[Pair, ...]
    paraphrased_a: dict[int, tuple[int, int]]
    paraphrased_b: dict[int, tuple[int, int]]

    @property
    def only_a(self) -> list[int]:
        paired = {p.a for p in self.pairs}
        return [i for i in range(len(self.a.quotes)) if i not in paired]

    @property
    def only_b(self) -> list[int]:
        paired = {p.b for p in self.pairs}
        return [i for i in range(len(self.b.quotes)) if i not in paired]

    def to_dict(self) -> dict:
        """The JSON shape documented at the top of shared/eval/score.py, plus extra fields."""
        return {
            "a": {"quotes": _quotes(self.a, self.paraphrased_a)},
            "b": {"quotes": _quotes(self.b, self.paraphrased_b)},
            "pairs": [
                {"a": p.a, "b": p.b, "score": p.score, "kind": p.kind, "flags": list(p.flags),
                 "spans_a": [list(s) for s in p.spans_a], "spans_b": [list(s) for s in p.spans_b],
                 "diff": [s.to_dict() for s in p.diff], "key": p.key}
                for p in self.pairs
            ],
            "only_a": self.only_a,
            "only_b": self.only_b,
        }


def _quotes(version: ExtractedVersion, paraphrased: dict[int, tuple[int, int]]) -> list[dict]:
    return [
        {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
         "speaker_key": q.speaker_key, "fragment": q.fragment, "key": q.key,
         "paraphrased_in": list(paraphrased[i]) if i in paraphrased else None}
        for i, q in enumerate(version.quotes)
    ]


def paraphrased(pairs: list[Pair], va: ExtractedVersion, vb: ExtractedVersion):
    """For each side, unpaired quotes whose words the other version has outside quote marks."""
    result = []
    for side, (mine, other) in enumerate(((va, vb), (vb, va))):
        paired = {p.b if side else p.a for p in pairs}
        found = {}
        for i, words in enumerate(mine.words):
            if i not in paired and not mine.quotes[i].fragment:
                span = find_paraphrase(words, other.outside_words)
                if span:
                    found[i] = span
        result.append(found)
    return result


def compare_texts(text_a: str, text_b: str) -> Comparison:
    """Extract, attribute and align the quotes of two texts.

    >>> c = compare_texts('“We will hold Iran accountable,” Kirby said.',
    ...                   'Kirby said: “We will hold Iran accountable.”')
    >>> c.to_dict()["pairs"][0]["kind"]
    'exact'
    """
    va, vb = unify_speakers([analyse_version(text_a), analyse_version(text_b)])
    pairs = align_versions(va, vb)
    para_a, para_b = paraphrased(pairs, va, vb)
    return Comparison(va, vb, tuple(pairs), para_a, para_b)
