"""A batch's inputs: `BatchItem`, the shapes `extract_many` accepts, and a failed input's record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claimline.models import ErrorInfo, Failure

# Inputs per `nlp.pipe` batch and per chunk handed to a worker: small enough for smooth
# progress and an even spread over workers; larger batches parse no faster with this model.
BATCH_SIZE = 16

Published = date | str | None


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch.

    `text` is the article (a `str`, or `bytes` decoded like a file); when it is None, `path` is
    read (lazily, when the batch gets to it). `published` overrides the batch's default date.
    `output` is the relative path of its `.json` under `--out-dir` (default: derived from `id`).
    `failure` marks an input already known to be bad (e.g. an unparsable stdin line): the batch
    yields it as is, in its place. `url` names an input read through fsspec (`claimline.remote`),
    and `size` is its length in bytes when a listing gave it (Dask partitions by text volume).
    """

    id: str
    text: str | bytes | None = None
    path: Path | None = None
    published: Published = None
    output: str | None = None
    failure: Failure | None = None
    url: str | None = None
    size: int | None = None


ItemLike = BatchItem | tuple[str, str | bytes] | tuple[str, str | bytes, Published]


def _as_item(item: ItemLike) -> BatchItem:
    if isinstance(item, BatchItem):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3):
        identifier, text = item[0], item[1]
        published = item[2] if len(item) == 3 else None
        return BatchItem(id=str(identifier), text=text, published=published)
    raise TypeError(f"batch items are (id, text), (id, text, published) or BatchItem, not {item!r}")


def _failure(identifier: str, code: str, message: str) -> Failure:
    return Failure(id=identifier, error=ErrorInfo(code=code, message=message))


def text_sha256(text: str) -> str:
    """The content hash `Article.source.sha256` carries (used by `--resume`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
