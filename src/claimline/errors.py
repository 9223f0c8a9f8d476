"""The exceptions claimline raises; the CLI maps each to a one-line message and an exit code."""

from __future__ import annotations


class ClaimlineError(Exception):
    """Base of every error claimline raises on purpose."""

    code = "error"
    exit_code = 1


class InputError(ClaimlineError):
    """The input cannot be processed: missing, unreadable, empty, binary, too large."""

    code = "bad_input"
    exit_code = 1

    def __init__(self, message: str, *, code: str = "bad_input") -> None:
        super().__init__(message)
        self.code = code


class UsageError(ClaimlineError):
    """Arguments that make no sense together (the CLI's own parser reports most of these)."""

    code = "usage"
    exit_code = 2


class ModelNotFoundError(ClaimlineError):
    """The spaCy pipeline cannot be loaded."""

    code = "model_not_available"
    exit_code = 3


class ExtractionError(ClaimlineError):
    """The pipeline failed on an input it accepted (a bug: please report it with the input)."""

    code = "extraction_failed"
    exit_code = 1


class ExtraNotInstalledError(ClaimlineError):
    """An optional extra (`claimline[parquet]`, `claimline[dask]`) that the command needs is not installed."""

    code = "extra_not_installed"
    exit_code = 3
