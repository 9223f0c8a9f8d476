"""Inputs named by fsspec URLs (`s3://bucket/news/*.txt`, `file:///data/a.txt`, `memory://...`).

fsspec (part of the `dask` extra) is imported only when a URL is given. A URL with `://` lists
like a local input: a file is itself, a folder its files (sorted; `recursive` descends), and a
pattern its matches. Reading classifies failures as `read_path` does for local files.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Iterator
from typing import Any

from claimline.errors import ExtraNotInstalledError, InputError
from claimline.reading import MAX_INPUT_BYTES, DecodedText, decode

__all__ = ["is_url", "list_url", "read_url"]

FSSPEC_EXTRA = (
    'URL inputs need fsspec: pip install "claimline[dask]" (and the package of the storage, e.g. s3fs)'
)


def is_url(spec: str) -> bool:
    return "://" in spec


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError as error:
        raise ExtraNotInstalledError(FSSPEC_EXTRA) from error
    try:
        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as error:  # an unknown protocol, or its package is missing
        raise InputError(f"{url}: cannot open this URL ({error})", code="unreadable") from error
    return fs, path


def _unstrip(fs: Any, path: str) -> str:
    return str(fs.unstrip_protocol(path))


def list_url(url: str, *, glob: str = "*", recursive: bool = False) -> Iterator[tuple[str, int | None]]:
    """The input files a URL names, with their sizes in bytes where the listing gives them.

    Hidden files (a name starting with ".") are skipped, as in local folders. A URL that names
    nothing is listed as itself, so that reading it reports `not_found`.
    """
    fs, path = _filesystem(url)
    if any(char in path for char in "*?["):
        found = fs.glob(path, detail=True)
    elif fs.isdir(path):
        found = fs.find(path, maxdepth=None if recursive else 1, detail=True)
        found = {
            name: info
            for name, info in found.items()
            if fnmatch.fnmatch(posixpath.basename(name), glob)
            and not any(part.startswith(".") for part in name[len(path.rstrip("/")) :].split("/"))
        }
    else:
        yield url, None
        return
    for name in sorted(found):
        info = found[name]
        if info.get("type", "file") == "file" and not posixpath.basename(name).startswith("."):
            yield _unstrip(fs, name), info.get("size")


def read_url(url: str) -> DecodedText:
    """Read one article through fsspec; failures are InputErrors with the batch's codes."""
    fs, path = _filesystem(url)
    try:
        if fs.isdir(path):
            raise InputError(f"{url}: is a folder, expected a text file", code="is_directory")
        size = fs.size(path)
        if size is not None and size > MAX_INPUT_BYTES:
            raise InputError(
                f"{url}: input too large ({size:,} bytes; the limit is {MAX_INPUT_BYTES:,})",
                code="too_large",
            )
        data = fs.cat_file(path)
    except FileNotFoundError as error:
        raise InputError(f"{url}: no such file", code="not_found") from error
    except OSError as error:
        raise InputError(f"{url}: cannot read ({error})", code="unreadable") from error
    return decode(bytes(data), url)
