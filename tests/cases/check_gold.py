#!/usr/bin/env python3
"""Check hand-labelled quote cases (a.txt, b.txt, gold.json) before anyone scores against them.

A gold quote must be copied exactly from its file, and score.py locates it with str.find, so the
first occurrence has to be the quotation itself: it must sit right after an opening quotation mark
and right before a closing one. This script checks that for every gold string, checks the kinds
and flags against the vocabulary, and warns about quoted passages of three or more words that no
gold list mentions (an engine finding them would be counted as wrong).

Writing aid: a gold string "@@first words@@last words" (or "@@first words", which runs to the next
closing mark) is expanded in place to the exact text of the file when run with --expand. Speaker
keys are expanded in both files (one key per distinct text) unless prefixed "a:" or "b:".

Usage: check_gold.py [--expand] [--quiet] CASE_OR_PARENT_DIR ...
"""
import json
import re
import sys
from pathlib import Path

KINDS = {"exact", "minor", "partial", "reworded"}
FLAGS = {"number_changed", "negation_changed", "entity_changed", "hedge_changed",
         "speaker_changed", "quoting_changed"}
KEYS = {"story", "tags", "notes", "pairs", "optional_pairs", "only_a", "only_b", "speakers",
        "paraphrased"}
OPENERS = ("``", "“", '"', "‘", "'", "«", "»", "„", "‚", "‹", "›")
CLOSERS = ("''", "”", '"', "’", "'", "»", "«", "“", "‘", "›", "‹")
PAIRED_CLOSE = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "»": "«", "„": "“",
                "‚": "‘", "``": "''", "‹": "›", "›": "‹"}


def case_dirs(paths):
    for p in map(Path, paths):
        if (p / "gold.json").exists():
            yield p
        else:
            yield from sorted(d for d in p.iterdir() if (d / "gold.json").exists())


SPACES = " \u00a0\u202f"  # French typography puts a (no-break) space inside « »


def opener_before(text, i):
    while i > 0 and text[i - 1] in SPACES:
        i -= 1
    for o in OPENERS:
        if text[max(0, i - len(o)):i] == o:
            return o
    return None


def closer_after(text, j):
    while j < len(text) and text[j] in SPACES:
        j += 1
    return next((c for c in CLOSERS if text.startswith(c, j)), None)


def find_close(text, start, opener):
    close = PAIRED_CLOSE[opener]
    j = start
    while True:
        j = text.find(close, j)
        if j < 0:
            return -1
        nxt = text[j + len(close):j + len(close) + 1]
        if close in ("’", "'") and nxt.isalnum():
            j += 1  # an apostrophe (don’t, Iran’s), not the closing mark
            continue
        return j


def expand(spec, text):
    """'@@first@@last' or '@@first' -> the exact quotation text in `text`, or None."""
    parts = spec[2:].split("@@")
    i = text.find(parts[0])
    if i < 0:
        return None
    if len(parts) == 2:
        k = text.find(parts[1], i + max(0, len(parts[0]) - len(parts[1])))
        return None if k < 0 else text[i:k + len(parts[1])]
    opener = opener_before(text, i)
    if opener is None:
        return None
    j = find_close(text, i, opener)
    return None if j < 0 else text[i:j].rstrip(SPACES)


def quoted_spans(text):
    """Rough scan for quoted passages, to warn about ones the gold forgot (warnings only)."""
    spans = []
    for o, c in (("“", "”"), ("«", "»"), ("„", "“"), ("``", "''")):
        for m in re.finditer(re.escape(o), text):
            s = m.end()
            e = text.find(c, s)
            if e > 0:
                spans.append((s, e))
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        body, off = para.group(0), para.start()
        marks = [m.start() for m in re.finditer('"', body)]
        spans += [(off + s + 1, off + e) for s, e in zip(marks[0::2], marks[1::2])]
        for m in re.finditer(r"(?:^|(?<=[\s(—–-]))‘", body):
            e = find_close(body, m.end(), "‘")
            if e > 0:
                spans.append((off + m.end(), off + e))
    return spans


def check_case(case, do_expand, quiet):
    errors, warnings = [], []
    texts = {s: (case / f"{s}.txt").read_text(encoding="utf-8") for s in ("a", "b")}
    raw = (case / "gold.json").read_text(encoding="utf-8")
    gold = json.loads(raw)
    changed = False

    def fix(side, s, where):
        nonlocal changed
        if do_expand and isinstance(s, str) and s.startswith("@@"):
            full = expand(s, texts[side])
            if full is None:
                errors.append(f"{where}: cannot expand {s[:60]!r} in {side}.txt")
                return s
            changed = True
            if not quiet:
                print(f"  {case.name} {where} [{side}] -> {full!r}")
            return full
        return s

    for key in ("pairs", "optional_pairs", "paraphrased"):
        for n, p in enumerate(gold.get(key, [])):
            p["a"] = fix("a", p["a"], f"{key}[{n}].a")
            p["b"] = fix("b", p["b"], f"{key}[{n}].b")
    for side in ("a", "b"):
        gold[f"only_{side}"] = [fix(side, q, f"only_{side}") for q in gold.get(f"only_{side}", [])]
    spk = {}
    for q, names in gold.get("speakers", {}).items():
        side = None
        if q[:2] in ("a:", "b:") and q[2:4] == "@@":
            side, q = q[0], q[2:]
        if q.startswith("@@") and do_expand:
            sides = [side] if side else ["a", "b"]
            fulls = {x: expand(q, texts[x]) for x in sides}
            fulls = {f for f in fulls.values() if f is not None}
            if not fulls:
                errors.append(f"speakers: cannot expand {q[:50]!r}")
            for f in sorted(fulls):
                spk[f] = names
            changed = True
            continue
        spk[q] = names
    gold["speakers"] = spk
    if changed and not errors:
        (case / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")

    # Structure and vocabulary.
    for k in gold:
        if k not in KEYS:
            errors.append(f"unknown key {k!r}")
    if not gold.get("story"):
        errors.append("missing 'story'")
    if not gold.get("pairs"):
        errors.append("no 'pairs'")
    quotes = {"a": [], "b": []}
    for key in ("pairs", "optional_pairs"):
        for n, p in enumerate(gold.get(key, [])):
            if p.get("kind") not in KINDS:
                errors.append(f"{key}[{n}]: kind {p.get('kind')!r}")
            flags = p.get("flags")
            if not isinstance(flags, list) or not set(flags) <= FLAGS:
                errors.append(f"{key}[{n}]: flags {flags!r}")
            if p["a"] == p["b"] and "speaker_changed" in (flags or []):
                errors.append(f"{key}[{n}]: speaker_changed needs the two texts to differ, "
                              "because speakers are keyed by quote text")
            if p["a"] == p["b"] and p.get("kind") != "exact":
                warnings.append(f"{key}[{n}]: identical text labelled {p.get('kind')}")
            for s in ("a", "b"):
                quotes[s].append(p[s])
    for s in ("a", "b"):
        quotes[s] += gold.get(f"only_{s}", [])
        paired = {p[s] for key in ("pairs", "optional_pairs") for p in gold.get(key, [])}
        for q in gold.get(f"only_{s}", []):
            if q in paired:
                errors.append(f"only_{s} quote is also paired: {q[:50]!r}")

    # Every gold string: present, first occurrence inside quotation marks, no marks included.
    spans = {"a": [], "b": []}
    for s in ("a", "b"):
        text = texts[s]
        for q in dict.fromkeys(quotes[s]):
            if q.startswith("@@"):
                errors.append(f"{s}: unexpanded {q[:50]!r}")
                continue
            i = text.find(q)
            if i < 0:
                errors.append(f"{s}: not found: {q[:70]!r}")
                continue
            if q != q.strip():
                errors.append(f"{s}: leading/trailing whitespace: {q[:50]!r}")
            if q[0] in "“”\"‘«»„`" or q[-1] in "“”\"«»„'`":
                errors.append(f"{s}: includes a quotation mark: {q[:50]!r}")
            if opener_before(text, i) is None:
                errors.append(f"{s}: first occurrence not after an opening mark: "
                              f"...{text[max(0, i - 30):i]!r}|{q[:40]!r}")
            if closer_after(text, i + len(q)) is None:
                errors.append(f"{s}: first occurrence not before a closing mark: "
                              f"{q[-40:]!r}|{text[i + len(q):i + len(q) + 20]!r}")
            spans[s].append((i, i + len(q)))
    for key in ("paraphrased",):
        for n, p in enumerate(gold.get(key, [])):
            for s in ("a", "b"):
                if p[s] not in texts[s]:
                    errors.append(f"{key}[{n}].{s} not found: {p[s][:50]!r}")
    for q in gold.get("speakers", {}):
        if q not in quotes["a"] and q not in quotes["b"]:
            errors.append(f"speakers key is not a gold quote: {q[:60]!r}")
        if not gold["speakers"][q] or not all(isinstance(n, str) for n in gold["speakers"][q]):
            errors.append(f"speakers[{q[:40]!r}]: needs a list of names")
    for s in ("a", "b"):
        for q in quotes[s]:
            if len(q.split()) >= 3 and q not in gold.get("speakers", {}):
                warnings.append(f"{s}: no speaker for {q[:60]!r}")

    # Quoted passages nobody labelled.
    for s in ("a", "b"):
        text = texts[s]
        for st, en in quoted_spans(text):
            if len(text[st:en].split()) < 3 or en - st > 3000:
                continue
            if not any(min(en, g1) - max(st, g0) > 0.5 * (max(en, g1) - min(st, g0))
                       for g0, g1 in spans[s]):
                warnings.append(f"{s}: unlabelled quoted text? {text[st:en][:70]!r}")
    return errors, warnings, gold


def main(argv):
    do_expand = "--expand" in argv
    quiet = "--quiet" in argv
    paths = [a for a in argv if not a.startswith("--")]
    bad = 0
    kinds, flags = {}, {}
    for case in case_dirs(paths):
        errors, warnings, gold = check_case(case, do_expand, quiet)
        for p in gold.get("pairs", []) + gold.get("optional_pairs", []):
            kinds[p.get("kind")] = kinds.get(p.get("kind"), 0) + 1
            for f in p.get("flags") or []:
                flags[f] = flags.get(f, 0) + 1
        status = "FAIL" if errors else "ok"
        counts = ", ".join(f"{len(gold.get(k, []))} {k}"
                           for k in ("pairs", "optional_pairs", "only_a", "only_b"))
        print(f"{status:4} {case.name}: {counts}")
        for e in errors:
            print(f"     ERROR {e}")
        if not quiet:
            for w in warnings:
                print(f"     warn  {w}")
        bad += bool(errors)
    print("kinds:", dict(sorted(kinds.items())))
    print("flags:", dict(sorted(flags.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
