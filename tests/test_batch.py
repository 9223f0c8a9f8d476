"""`claimline batch` and `extract_many`: every input exactly one result, in order, resumable."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimline.batch import BatchItem, ItemLike, _scan_jsonl, extract_many, text_sha256
from claimline.cli import app
from claimline.models import Article, Failure

runner = CliRunner()
PUBLISHED = "2025-03-10"


def article(n: int) -> str:
    return (
        f"Talks resume in Cairo, round {n}\n\n"
        f"The foreign minister said on Monday that round {n} of the talks would resume next week. "
        "Officials in Doha denied the report, according to a spokesman.\n\n"
        f'"We are ready," the negotiator told reporters on Tuesday.\n'
    )


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def lines(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]  # every line is whole JSON


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Good articles beside an empty, a binary, a non-UTF-8 and a whitespace-only file."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for n in range(4):
        (folder / f"good{n}.txt").write_text(article(n), encoding="utf-8")
    (folder / "sub" / "deep.txt").write_text(article(9), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n \t\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Café owner José said the shop would close.\n".encode("latin-1"))
    (folder / ".hidden.txt").write_text("never read", encoding="utf-8")
    return folder


EXPECTED_FAILURES = {"empty.txt": "empty", "blank.txt": "empty", "image.txt": "binary"}


@pytest.mark.usefixtures("nlp")
def test_mixed_folder_every_input_exactly_one_line(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    code, stdout, stderr = run(str(mixed), "-r", "-o", str(out), "--jobs", "1", "--published", PUBLISHED)
    assert code == 4, stderr
    assert stdout == ""
    records = lines(out)
    ids = [str(r["id"]) for r in records]
    names = sorted(
        p.relative_to(mixed).as_posix() for p in mixed.rglob("*") if p.is_file() and p.name[0] != "."
    )
    assert sorted(id.removeprefix(mixed.as_posix() + "/") for id in ids) == names
    assert len(ids) == len(set(ids)) == 9
    assert ids == [*sorted(ids[:-1]), ids[-1]]  # in input order: this folder's files sorted, then sub/
    by_name = {str(r["id"]).rsplit("/", 1)[-1]: r for r in records}
    for name, code_ in EXPECTED_FAILURES.items():
        assert by_name[name] == {"id": f"{mixed.as_posix()}/{name}", "error": by_name[name]["error"]}
        assert by_name[name]["error"]["code"] == code_  # type: ignore[index]
    latin = Article.model_validate(by_name["latin1.txt"])
    assert latin.source.encoding == "cp1252" and latin.warnings
    good = Article.model_validate(by_name["good0.txt"])
    assert good.id == good.source.name == f"{mixed.as_posix()}/good0.txt"
    assert good.source.published is not None and good.source.published.isoformat() == PUBLISHED
    assert "6 done, 3 failed, 0 skipped" in stderr
    assert stderr.count("\n") == 1  # not a terminal: only the summary


@pytest.mark.usefixtures("nlp")
def test_resume_skips_done_retries_failures_and_keeps_one_line_per_input(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    assert run(str(mixed), "-r", "-o", str(out), "-j", "1")[0] == 4
    (mixed / "good1.txt").write_text(article(100), encoding="utf-8")  # changed since
    (mixed / "empty.txt").write_text(article(101), encoding="utf-8")  # fixed since
    code, _, stderr = run(str(mixed), "-r", "-o", str(out), "-j", "1", "--resume")
    assert code == 4  # blank.txt and image.txt still fail
    assert "2 done, 2 failed, 5 skipped" in stderr
    records = lines(out)
    ids = [str(r["id"]) for r in records]
    assert len(ids) == len(set(ids)) == 9
    by_name = {i.rsplit("/", 1)[-1]: r for i, r in zip(ids, records, strict=True)}
    assert by_name["good1.txt"]["source"]["sha256"] == text_sha256(article(100))  # type: ignore[index]
    assert "source" in by_name["empty.txt"]


@pytest.mark.usefixtures("nlp")
def test_out_dir_mirrors_the_tree(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    code, stdout, _ = run(str(mixed), "--recursive", "--out-dir", str(target), "-j", "1")
    assert code == 4 and stdout == ""
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert written == sorted(
        p.relative_to(mixed).as_posix() + ".json"
        for p in mixed.rglob("*")
        if p.is_file() and p.name[0] != "."
    )
    deep_path = target / "sub" / "deep.txt.json"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(deep_path.stat().st_mode) == 0o666 & ~umask  # not the temporary file's 0600
    deep = Article.model_validate_json(deep_path.read_text(encoding="utf-8"))
    assert deep.id == f"{mixed.as_posix()}/sub/deep.txt"
    empty = Failure.model_validate_json((target / "empty.txt.json").read_text(encoding="utf-8"))
    assert empty.error.code == "empty"
    code, _, stderr = run(str(mixed), "--recursive", "--out-dir", str(target), "-j", "1", "--resume")
    assert "0 done, 3 failed, 6 skipped" in stderr


@pytest.mark.usefixtures("nlp")
def test_glob_without_recursion(mixed: Path) -> None:
    code, stdout, _ = run(str(mixed), "--glob", "good*.txt", "-j", "1")
    assert code == 0
    assert [json.loads(line)["id"].rsplit("/", 1)[-1] for line in stdout.splitlines()] == [
        f"good{n}.txt" for n in range(4)
    ]


@pytest.mark.usefixtures("nlp")
def test_stdin_jsonl() -> None:
    records = [
        {"id": "a", "text": article(1), "published": "2024-02-01"},
        {"id": "b", "text": ""},
        {"id": "c", "text": article(2)},
    ]
    payload = "\n".join(json.dumps(r) for r in records[:2]) + "\nnot json\n" + json.dumps(records[2]) + "\n"
    code, stdout, stderr = run("-", "-j", "1", "--published", "2020-01-01", stdin=payload.encode())
    assert code == 4, stderr
    out = [json.loads(line) for line in stdout.splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "-:3", "c"]
    assert out[0]["source"]["published"] == "2024-02-01"  # the line's own date wins
    assert out[3]["source"]["published"] == "2020-01-01"
    assert out[1]["error"]["code"] == "empty" and out[2]["error"]["code"] == "bad_input"


@pytest.mark.usefixtures("nlp")
def test_missing_input_is_a_failure_line_and_bad_options_are_usage_errors(tmp_path: Path) -> None:
    code, stdout, _ = run(str(tmp_path / "nope.txt"), "-j", "1")
    assert code == 4
    assert json.loads(stdout)["error"]["code"] == "not_found"
    code, _, stderr = run(str(tmp_path), "--resume")
    assert code == 2 and "--resume" in stderr
    code, _, stderr = run(str(tmp_path), "--published", "yesterday")
    assert code == 2 and stderr.count("\n") == 1


@pytest.mark.usefixtures("nlp")
def test_extract_many_in_process_order_and_item_forms() -> None:
    items: list[ItemLike] = [
        ("a", article(1)),
        ("b", b"\x00binary"),
        ("c", article(2), "2024-05-06"),
        BatchItem(id="d", text="   "),
        BatchItem(id="e", text=article(3).encode("cp1252")),
        ("f", article(4), "not a date"),
    ]
    results = list(extract_many(iter(items), published="2023-01-01"))
    assert [r.id for r in results] == list("abcdef")
    kinds = [r.error.code if isinstance(r, Failure) else "ok" for r in results]
    assert kinds == ["ok", "binary", "ok", "empty", "ok", "bad_input"]
    first, third = results[0], results[2]
    assert isinstance(first, Article) and isinstance(third, Article)
    assert str(first.source.published) == "2023-01-01" and str(third.source.published) == "2024-05-06"


def test_extract_many_is_lazy() -> None:
    consumed: list[int] = []

    def items() -> Iterator[tuple[str, str]]:
        for n in range(1000):
            consumed.append(n)
            yield (str(n), "")

    stream = extract_many(items())
    assert consumed == []
    first = next(stream)
    assert isinstance(first, Failure) and first.id == "0"
    assert len(consumed) < 100  # one chunk read ahead, not the whole input


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_extract_many_with_two_workers_matches_one() -> None:
    items = [(f"n{n}", article(n) if n % 5 else "") for n in range(20)]
    parallel = list(extract_many(items, jobs=2, published=PUBLISHED, batch_size=4))
    serial = list(extract_many(items, jobs=1, published=PUBLISHED, batch_size=4))
    assert [r.id for r in parallel] == [f"n{n}" for n in range(20)]
    assert [r.model_dump() for r in parallel] == [r.model_dump() for r in serial]
    assert sum(isinstance(r, Failure) for r in parallel) == 4


def test_scan_drops_a_cut_last_line(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    good = json.dumps({"id": "a", "source": {"sha256": "x"}})
    out.write_text(good + "\n" + '{"id": "b", "sour', encoding="utf-8")
    existing = _scan_jsonl(out)
    assert existing.done == {"a": "x"}
    assert out.read_text(encoding="utf-8") == good + "\n"


@pytest.mark.slow
def test_kill_mid_run_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    count = 48
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(article(n), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "claimline.cli", "batch", str(folder), "-o", str(out), "-q"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([*command, "--jobs", "2"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 10:
                break
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    before = out.read_bytes().count(b"\n")
    assert before >= 10
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "cut mid-wri')  # as if killed in the middle of a line
    resumed = subprocess.run(
        [*command, "--jobs", "2", "--resume"], env=env, capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{count - before} done, 0 failed, {before} skipped" in resumed.stderr
    ids = [str(record["id"]) for record in lines(out)]
    assert sorted(ids) == sorted(f"{folder.as_posix()}/{n:03}.txt" for n in range(count))
    assert len(set(ids)) == count


@pytest.mark.usefixtures("nlp")
def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    code, _, stderr = run(str(folder), "-r", "--out-dir", str(folder / "results"), "-j", "1")
    assert code == 0, stderr
    code, _, stderr = run(str(folder), "-r", "--out-dir", str(folder / "results"), "-j", "1", "--resume")
    assert code == 0 and "0 done, 0 failed, 1 skipped" in stderr
    code, _, stderr = run(str(folder), "-o", str(folder / "results.jsonl"), "-j", "1")
    assert code == 0 and "1 done" in stderr
    assert [json.loads(line)["id"] for line in (folder / "results.jsonl").read_text().splitlines()] == [
        f"{folder.as_posix()}/a.txt"
    ]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="needs the fork start method to patch the workers")
def test_a_worker_that_dies_costs_only_its_own_input(nlp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimline.pipeline

    real = claimline.pipeline.build_article

    def fragile(doc: Any, prepared: Any, nlp: Any) -> Article:
        if "CRASH" in prepared.text:
            os._exit(1)  # as an out-of-memory kill would
        return real(doc, prepared, nlp)

    monkeypatch.setattr(claimline.pipeline, "build_article", fragile)
    items = [(f"n{n}", article(n) + (" CRASH" if n == 5 else "")) for n in range(10)]
    results = list(extract_many(items, jobs=2, batch_size=3, start_method="fork"))
    assert [r.id for r in results] == [f"n{n}" for n in range(10)]
    failed = {r.id: r.error.code for r in results if isinstance(r, Failure)}
    assert failed == {"n5": "worker_crashed"}


def test_progress_bar_eta_comes_from_the_run_rate() -> None:
    """5 of 10 done in 10 s: 10 s left, however the results arrived (a chunk at a time)."""
    import io
    import time

    from rich.console import Console

    from claimline.batch import Progress, _clock, progress_bar

    assert (_clock(None), _clock(0.4), _clock(3725)) == ("-:--:--", "0:00:00", "1:02:05")
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=120)
    with progress_bar(console, total=10) as update:
        update(Progress(done=5, started=time.perf_counter() - 10))
    shown = stream.getvalue()
    assert "5/10" in shown
    assert "ETA 0:00:10" in shown
