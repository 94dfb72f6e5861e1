"""The rules of shared/eval/score.py, applied in-process to `compare_texts`, so labelled cases
can hold their score in the test suite (the shared script runs the CLI in a subprocess)."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from newsdiff.engine import compare_texts


def _words(s: str) -> int:
    return len(s.split())


def _jaccard(x, y) -> float:
    inter = max(0, min(x[1], y[1]) - max(x[0], y[0]))
    union = max(x[1], y[1]) - min(x[0], y[0])
    return inter / union if union else 0.0


def _gold_for(span, gold_spans) -> list[int]:
    best, best_j = None, 0.5
    for i, g in enumerate(gold_spans):
        j = _jaccard(span, g)
        if j >= best_j:
            best, best_j = i, j
    if best is not None:
        return [best]
    inside = [i for i, g in enumerate(gold_spans) if span[0] <= g[0] and g[1] <= span[1]]
    covered = sum(gold_spans[i][1] - gold_spans[i][0] for i in inside)
    return inside if len(inside) >= 2 and covered >= 0.7 * (span[1] - span[0]) else []


def _speaker_ok(predicted, accepted) -> bool:
    p = (predicted or "").lower()
    return bool(p) and any(name.lower().split()[-1] in p or p.split()[-1] in name.lower()
                           for name in accepted)


@dataclass
class Tally:
    q_found: int = 0
    q_required: int = 0
    p_found: int = 0
    p_required: int = 0
    p_tp: int = 0
    p_fp: int = 0
    kind_ok: int = 0
    spk_ok: int = 0
    spk_total: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("q_found", "q_required", "p_found", "p_required", "p_tp", "p_fp",
                     "kind_ok", "spk_ok", "spk_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems

    @property
    def quote_recall(self) -> float:
        return self.q_found / self.q_required if self.q_required else 1.0

    @property
    def pair_f1(self) -> float:
        recall = self.p_found / self.p_required if self.p_required else 1.0
        precision = self.p_tp / (self.p_tp + self.p_fp) if self.p_tp + self.p_fp else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.p_found if self.p_found else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.spk_ok / self.spk_total if self.spk_total else 1.0


def score_case(case: Path) -> Tally:
    texts = {s: (case / f"{s}.txt").read_text(encoding="utf-8") for s in "ab"}
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    sides: dict[str, list[str]] = {"a": [], "b": []}
    for key in ("pairs", "optional_pairs"):
        for p in gold.get(key, []):
            for s in "ab":
                if p[s] not in sides[s]:
                    sides[s].append(p[s])
    for s in "ab":
        for q in gold.get(f"only_{s}", []):
            if q not in sides[s]:
                sides[s].append(q)
    spans = {s: [(texts[s].index(q), texts[s].index(q) + len(q)) for q in sides[s]] for s in "ab"}
    required = {s: [_words(q) >= 3 for q in sides[s]] for s in "ab"}
    gold_pairs = {}
    for key in ("pairs", "optional_pairs"):
        for p in gold.get(key, []):
            k = (sides["a"].index(p["a"]), sides["b"].index(p["b"]))
            need = key == "pairs" and _words(p["a"]) >= 3 and _words(p["b"]) >= 3
            gold_pairs[k] = (need or gold_pairs.get(k, (False,))[0], p.get("kind"))

    out = compare_texts(texts["a"], texts["b"]).to_dict()
    t = Tally()
    mapping = {}
    for s in "ab":
        matched = set()
        mapping[s] = []
        for q in out[s]["quotes"]:
            gs = _gold_for((q["start"], q["end"]), spans[s])
            mapping[s].append(gs)
            for g in gs:
                matched.add(g)
                accepted = gold.get("speakers", {}).get(sides[s][g])
                if accepted and required[s][g]:
                    t.spk_total += 1
                    ok = _speaker_ok(q["speaker"], accepted)
                    t.spk_ok += ok
                    if not ok:
                        t.problems.append(f"{case.name} {s}: speaker {q['speaker']!r} for {sides[s][g][:40]!r}")
        t.q_required += sum(required[s])
        t.q_found += sum(1 for i in matched if required[s][i])
        t.problems += [f"{case.name} {s}: missed quote {q[:40]!r}" for i, q in enumerate(sides[s])
                       if required[s][i] and i not in matched]
    found = set()
    for p in out["pairs"]:
        gas, gbs = mapping["a"][p["a"]], mapping["b"][p["b"]]
        qa, qb = out["a"]["quotes"][p["a"]], out["b"]["quotes"][p["b"]]
        short = (not gas and _words(qa["text"]) < 3) or (not gbs and _words(qb["text"]) < 3)
        hits = [(ga, gb) for ga in gas for gb in gbs if (ga, gb) in gold_pairs]
        if hits:
            t.p_tp += 1
            for k in hits:
                if k not in found and gold_pairs[k][0]:
                    t.kind_ok += p["kind"] == gold_pairs[k][1]
                found.add(k)
        elif not short:
            t.p_fp += 1
            t.problems.append(f"{case.name}: wrong pair {qa['text'][:30]!r} ~ {qb['text'][:30]!r}")
    for k, (need, _) in gold_pairs.items():
        if need:
            t.p_required += 1
            t.p_found += k in found
            if k not in found:
                t.problems.append(f"{case.name}: missed pair {sides['a'][k[0]][:30]!r} ~ {sides['b'][k[1]][:30]!r}")
    return t
