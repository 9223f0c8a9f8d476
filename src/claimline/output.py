"""Writing results so that a crash or Ctrl-C never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text stream to a temporary file beside `path`, renamed over `path` when the block ends.

    The file is flushed to disk first and gets the mode an ordinary write would give it; if the
    block raises, it is deleted and `path` is left as it was.
    """
    with _atomic(path, binary=False) as stream:
        yield cast(TextIO, stream)


@contextlib.contextmanager
def atomic_binary_writer(path: Path) -> Iterator[BinaryIO]:
    """`atomic_writer` for bytes (Parquet files)."""
    with _atomic(path, binary=True) as stream:
        yield cast(BinaryIO, stream)


@contextlib.contextmanager
def _atomic(path: Path, *, binary: bool) -> Iterator[IO[Any]]:
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private (0600); give it the mode an ordinary write would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all (see `atomic_writer`)."""
    with atomic_writer(path) as stream:
        stream.write(text)
