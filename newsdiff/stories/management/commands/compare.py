"""`manage.py compare A B [--json]`: the quote engine on two files, no database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdiff.engine import Comparison, compare_texts
from newsdiff.ingest import IngestError, document_from_bytes


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise CommandError(f"Cannot read {path}: {e.strerror}.") from e
    try:
        return document_from_bytes(data, filename=Path(path).name).text
    except IngestError as e:
        raise CommandError(f"{path}: {e}") from e


def _diff_inline(pair) -> str:
    parts = []
    for s in pair.diff:
        if s.op == "equal":
            parts.append(s.text)
        elif s.op == "delete":
            parts.append(f"[-{s.text}-]")
        else:
            parts.append(f"{{+{s.text}+}}")
    return " ".join(parts)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report(c: Comparison, name_a: str, name_b: str) -> str:
    """The comparison as a readable report."""
    lines = []
    for label, name, version in (("A", name_a, c.a), ("B", name_b, c.b)):
        lines.append(f"{label}: {name} — {len(version.quotes)} quotes")
        for i, q in enumerate(version.quotes):
            tag = " (fragment)" if q.fragment else ""
            lines.append(f"  {label}{i} [{q.start}:{q.end}] {q.speaker or '—'}{tag}: “{_short(q.text)}”")
        lines.append("")
    lines.append(f"Pairs: {len(c.pairs)}")
    for p in c.pairs:
        flags = f"  flags: {', '.join(p.flags)}" if p.flags else ""
        lines.append(f"  A{p.a} ~ B{p.b}  {p.kind}  score {p.score:g}{flags}")
        lines.append(f"    {_diff_inline(p)}")
    for label, only, version, para, other in (("A", c.only_a, c.a, c.paraphrased_a, c.b),
                                              ("B", c.only_b, c.b, c.paraphrased_b, c.a)):
        lines.append("")
        lines.append(f"Only in {label}: {len(only)}")
        for i in only:
            q = version.quotes[i]
            lines.append(f"  {label}{i} {q.speaker or '—'}: “{_short(q.text)}”")
            if i in para:
                s, e = para[i]
                lines.append(f"    paraphrased without quote marks: {_short(other.text[s:e])}")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Compare the quotes of two files (text or HTML) without touching the database."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("a")
        parser.add_argument("b")
        parser.add_argument("--json", action="store_true", help="print the comparison as JSON")

    def handle(self, *args, **options):
        comparison = compare_texts(_read(options["a"]), _read(options["b"]))
        if options["json"]:
            self.stdout.write(json.dumps(comparison.to_dict(), ensure_ascii=False))
        else:
            self.stdout.write(report(comparison, options["a"], options["b"]), ending="")
