"""Atomic writes: the whole text or nothing, with the mode an ordinary write would give."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimline.output import atomic_writer, write_atomic


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("umask_027")
def test_write_atomic_writes_everything_with_the_mode_the_umask_gives(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "result.json"
    text = "".join(f'{{"id": "a{i}", "text": "Grüße"}}\n' for i in range(20_000))
    write_atomic(path, text)
    assert path.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["result.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(path) as stream:
        stream.write("half of the new")
        raise RuntimeError("killed")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]
