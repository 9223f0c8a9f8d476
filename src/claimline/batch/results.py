"""Writing results: where an input's `.json` goes under `--out-dir`, and what `--resume` finds in a JSONL."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from claimline.output import atomic_writer


def _safe_relative(name: str) -> PurePosixPath:
    """A relative path under the output folder for an id or mirror path, never escaping it."""
    parts = [part for part in PurePosixPath(name.replace("\\", "/")).parts if part not in ("", "/", ".")]
    parts = ["__" if part == ".." else part.replace(":", "_") for part in parts]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def out_dir_path(root: Path, outcome_id: str, output: str | None) -> Path:
    """Where an input's `.json` goes under `--out-dir`: its mirror path plus `.json`."""
    relative = _safe_relative(output or outcome_id)
    return root / Path(*relative.parts[:-1]) / (relative.parts[-1] + ".json")


def _line_record(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    return record


def _record_sha(record: dict[str, Any]) -> str | None:
    source = record.get("source")
    if isinstance(source, dict) and isinstance(source.get("sha256"), str):
        return str(source["sha256"])
    return None


@dataclass
class _Existing:
    """What a previous run left in a JSONL output: each id's article hash (failures have none)."""

    done: dict[str, str] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    needs_compaction: bool = False


def _scan_jsonl(path: Path) -> _Existing:
    """Read a previous run's output; cut a trailing partial line so appends start on a fresh line."""
    existing = _Existing()
    if not path.exists():
        return existing
    with path.open("rb+") as stream:
        good_end = 0
        for raw in stream:
            if not raw.endswith(b"\n"):
                break  # the last line was cut (a kill mid-write): drop it
            good_end += len(raw)
            record = _line_record(raw.decode("utf-8", "replace"))
            if record is None:
                existing.needs_compaction = True
                continue
            identifier = record["id"]
            if identifier in existing.present:
                existing.needs_compaction = True
            existing.present.add(identifier)
            sha = _record_sha(record)
            if sha is not None:
                existing.done[identifier] = sha
        stream.seek(0, os.SEEK_END)
        if stream.tell() != good_end:
            stream.truncate(good_end)
    return existing


def _compact_jsonl(path: Path) -> None:
    """Keep one line per id, the last one (a `duplicate_id` failure never replaces a real result)."""
    best: dict[str, tuple[int, bool]] = {}
    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            record = _line_record(line)
            if record is None:
                continue
            error = record.get("error")
            duplicate = isinstance(error, dict) and error.get("code") == "duplicate_id"
            previous = best.get(record["id"])
            if previous is None or not duplicate or previous[1]:
                best[record["id"]] = (number, duplicate)
    keep = {number for number, _ in best.values()}
    with atomic_writer(path) as out, path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            if number in keep:
                out.write(line if line.endswith("\n") else line + "\n")


def _existing_out_dir_sha(path: Path) -> str | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _record_sha(record) if isinstance(record, dict) else None
