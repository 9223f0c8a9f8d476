"""TimeML harness: score the temporal stage against TIMEX3 gold (TempEval-3 style).

Reads every ``.tml`` file under a directory, takes the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) as the publication date, parses the plain text of
``<TEXT>`` (all tags removed) and runs the stages up to the temporal one as the pipeline does, and reports
strict and relaxed extent P/R/F1, value and type accuracy over relaxed matches, value F1
(= value accuracy x relaxed F1), the main error categories with examples (a wrong value names the
normalisation rules that read it, "rule=..."), and the wall time of the model against the
temporal stage.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimline.components import SENTENCES, published_date
from claimline.evaluation.scoring import precision_recall_f1, run_pipeline
from claimline.models import TimeExpression
from claimline.pipeline import model_name
from claimline.temporal.extract import extractor_for

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<TIMEX3\b([^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>")


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass
class TmlDocument:
    name: str
    text: str
    dct: date | None
    gold: list[GoldTime]


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def _parse_date(value: str) -> date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_tml(path: Path) -> TmlDocument:
    """Plain text of <TEXT> (tags removed, entities decoded), its TIMEX3 gold and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct: date | None = None
    m = _DCT.search(raw)
    if m:
        dct = _parse_date(_attrs(m.group(1)).get("value", ""))
    body = _TEXT.search(raw)
    content = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    gold: list[GoldTime] = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    pos = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, _attrs(attrs)))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append(
                GoldTime(start, length, "", a.get("type", ""), a.get("value", ""), a.get("mod") or None)
            )
    tail = html.unescape(content[pos:])
    parts.append(tail)
    text = "".join(parts)
    gold = sorted(
        (GoldTime(g.start, g.end, text[g.start : g.end], g.type, g.value, g.mod) for g in gold),
        key=lambda g: (g.start, g.end),
    )
    return TmlDocument(path.name, text, dct, gold)


@dataclass
class TemporalReport:
    documents: int = 0
    gold: int = 0
    system: int = 0
    strict_tp: int = 0
    relaxed_tp_gold: int = 0
    relaxed_tp_sys: int = 0
    value_correct: int = 0
    type_correct: int = 0
    mod_correct: int = 0
    model_seconds: float = 0.0
    temporal_seconds: float = 0.0
    model: str = "default"
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def strict(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.strict_tp, self.system, self.gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.relaxed_tp_sys, self.system, self.gold, self.relaxed_tp_gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0

    @property
    def mod_accuracy(self) -> float:
        return self.mod_correct / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed[2]

    @property
    def time_ratio(self) -> float:
        return self.temporal_seconds / self.model_seconds if self.model_seconds else 0.0

    def top_errors(self, n: int = 12, examples: int = 4) -> list[tuple[str, int, list[str]]]:
        ranked = sorted(self.errors.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return [(k, len(v), v[:examples]) for k, v in ranked[:n]]

    def to_dict(self) -> dict[str, Any]:
        sp, sr, sf = self.strict
        rp, rr, rf = self.relaxed
        return {
            "model": self.model,
            "documents": self.documents,
            "gold": self.gold,
            "system": self.system,
            "strict": {"precision": sp, "recall": sr, "f1": sf},
            "relaxed": {"precision": rp, "recall": rr, "f1": rf},
            "value_accuracy": self.value_accuracy,
            "value_f1": self.value_f1,
            "type_accuracy": self.type_accuracy,
            "mod_accuracy": self.mod_accuracy,
            "timing": {
                "model_seconds": self.model_seconds,
                "temporal_seconds": self.temporal_seconds,
                "ratio": self.time_ratio,
            },
            "errors": [
                {"category": k, "count": c, "examples": ex} for k, c, ex in self.top_errors(n=30, examples=5)
            ],
        }

    def to_text(self) -> str:
        sp, sr, sf = self.strict
        rp, rr, rf = self.relaxed
        lines = [
            f"TimeML temporal evaluation: {self.documents} documents, {self.gold} gold TIMEX3, "
            f"{self.system} system (model {self.model})",
            f"  strict extent   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}",
            f"  relaxed extent  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}",
            f"  value accuracy  {self.value_accuracy:.3f}   value F1 {self.value_f1:.3f}",
            f"  type accuracy   {self.type_accuracy:.3f}   mod accuracy {self.mod_accuracy:.3f}",
            f"  time: spaCy model {self.model_seconds:.2f}s, temporal stage {self.temporal_seconds:.2f}s "
            f"(ratio {self.time_ratio:.1%})",
            "Top error categories:",
        ]
        for category, count, examples in self.top_errors():
            lines.append(f"  {count:5d}  {category}")
            lines.extend(f"           {ex}" for ex in examples)
        return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def _value_category(gold: GoldTime, sys: TimeExpression) -> str:
    g = gold.value
    if gold.type != sys.type and {gold.type, sys.type} & {"DURATION", "SET"}:
        return f"type {gold.type} read as {sys.type}"
    if "X" in sys.value and "X" not in g:
        return "value left unresolved (X)"
    if g.endswith("_REF") or sys.value.endswith("_REF"):
        return "value PRESENT/PAST/FUTURE_REF"
    if g.startswith("P") or sys.value.startswith("P"):
        return "value duration amount"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", g) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", sys.value):
        if g[:10] == sys.value[:10]:
            return "value time of day"
        return "value wrong day"
    if len(g) != len(sys.value) or "W" in g + sys.value or "Q" in g + sys.value:
        return "value wrong granularity"
    return "value other"


def _score(
    doc: TmlDocument, system: list[TimeExpression], report: TemporalReport, rules: list[str] | None = None
) -> None:
    """Score one document; `rules[i]` names the normalisation rules behind `system[i]`'s value."""
    report.gold += len(doc.gold)
    report.system += len(system)
    text = doc.text
    used: set[int] = set()
    for g in doc.gold:
        best: int | None = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            report.errors[f"missed {g.type}"].append(f"{_context(text, g.start, g.end)} gold={g.value}")
            continue
        used.add(best)
        s = system[best]
        report.relaxed_tp_gold += 1
        if (s.start, s.end) == (g.start, g.end):
            report.strict_tp += 1
        else:
            kind = "too long" if s.start <= g.start and s.end >= g.end else "too short"
            if not (s.start <= g.start and s.end >= g.end) and not (s.start >= g.start and s.end <= g.end):
                kind = "shifted"
            report.errors[f"extent {kind}"].append(f"{_context(text, g.start, g.end)} system='{s.text}'")
        value_ok = s.value == g.value
        if value_ok:
            report.value_correct += 1
        else:
            rule = f" rule={rules[best]}" if rules and rules[best] else ""
            report.errors[_value_category(g, s)].append(
                f"{_context(text, g.start, g.end)} gold={g.value} system={s.value}{rule}"
            )
        if s.type == g.type:
            report.type_correct += 1
        if (s.mod or None) == g.mod:
            report.mod_correct += 1
    for i, s in enumerate(system):
        if i in used:
            continue
        overlaps = any(not (s.end <= g.start or s.start >= g.end) for g in doc.gold)
        if not overlaps:
            report.errors[f"spurious {s.type}"].append(f"{_context(text, s.start, s.end)} system={s.value}")
    report.relaxed_tp_sys += sum(
        1 for s in system if any(not (s.end <= g.start or s.start >= g.end) for g in doc.gold)
    )


def evaluate(path: Path, *, model: str | None = None, limit: int | None = None) -> TemporalReport:
    """Score the temporal stage on every `.tml` file under `path` (recursively)."""
    files = sorted(p for p in Path(path).rglob("*.tml") if p.is_file())
    if limit is not None:
        files = files[:limit]
    documents = [parse_tml(p) for p in files]
    # The stages up to the sentences run as the pipeline runs them; the temporal stage is then run
    # here, once, as its `TimeExtractor` with the names of the rules behind each value.
    run = run_pipeline([(d.text, d.dct) for d in documents], model=model, until=SENTENCES)
    report = TemporalReport(documents=len(documents), model=model_name(model))
    report.model_seconds = run.model_seconds
    for tml, doc in zip(documents, run.docs, strict=True):
        started = time.perf_counter()
        found = extractor_for(doc.vocab).with_rules(doc, published_date(doc), doc._.sentences)
        report.temporal_seconds += time.perf_counter() - started
        _score(tml, [expression for expression, _ in found], report, [rule for _, rule in found])
    return report


def error_counts(report: TemporalReport) -> Counter[str]:
    """Number of errors per category."""
    return Counter({k: len(v) for k, v in report.errors.items()})
