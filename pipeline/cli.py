"""The `acftu` command: a thin layer over the library.

Exit status of `acftu run`: 0 when every file was extracted, 1 when one or more files
failed (every other file is still extracted and stored), 2 for a usage error. With
--strict, documents whose findings include an error also make the status 1.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.errors import PipelineError

DEFAULT_DB = "sqlite:///extracted/notices.db"


class DatabaseURL(click.ParamType):
    """A SQLAlchemy URL, or a plain file path taken as a SQLite database; 'none' passes through."""

    name = "url"

    def convert(self, value, param, ctx):
        if value.lower() == "none":
            return "none"
        if "://" not in value:
            return f"sqlite:///{Path(value).expanduser()}"
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(value)
        except (ArgumentError, ValueError) as e:  # ValueError: a port that is not a number
            self.fail(f"{value!r} is not a database URL ({e}); try sqlite:///extracted/notices.db", param, ctx)
        return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="acftu")
@click.option("-v", "--verbose", is_flag=True, help="Log each stage's progress.")
def main(verbose: bool) -> None:
    """Turn trade-union work notices into validated, structured data.

    \b
    Example:
        acftu run raw/ --out extracted/ --db sqlite:///extracted/notices.db
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", default="extracted", show_default=True, type=click.Path(path_type=Path),
              help="Folder for NAME.EXT.json files (a folder's subfolders are kept).")
@click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, type=DatabaseURL(),
              help="SQLAlchemy URL of the database (sqlite:///…, postgresql+psycopg://…) or a SQLite "
                   "file's path; 'none' to skip.")
@click.option("--force", is_flag=True, help="Re-extract files whose content is unchanged since the last run.")
@click.option("--strict", is_flag=True, help="Exit 1 also when a document has error findings.")
def run(paths, out_dir: Path, db_url: str, force: bool, strict: bool) -> None:
    """Extract every notice in PATHS (files, or folders read recursively).

    \b
    Example:
        acftu run raw/ --out extracted/ --db sqlite:///extracted/notices.db
    """
    from tqdm import tqdm

    from pipeline.batch import collect, run_batch

    out_dir.mkdir(parents=True, exist_ok=True)
    db = None if db_url == "none" else _open_database(db_url)
    jobs = collect(paths)
    bar = tqdm(total=len(jobs), unit="file", disable=not sys.stderr.isatty(), file=sys.stderr)

    def on_file(path: Path, status: str) -> None:
        bar.set_postfix_str(path.name[-40:])
        bar.update()
        if status == "failed":
            bar.clear()

    summary = run_batch(jobs, out_dir, db, force=force, on_file=on_file)
    bar.close()
    for f in summary.failed:
        click.echo(f"FAILED {f.path}: {f.message} [{f.code}, {f.stage}]", err=True)
    click.echo(f"{len(summary.done)} done, {len(summary.skipped)} unchanged, {len(summary.failed)} failed; "
               f"{summary.findings} findings ({summary.errors} errors) -> {out_dir}"
               + ("" if db is None else f", {db_url}"))
    if summary.failed or (strict and summary.errors):
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(file: Path) -> None:
    """Extract one notice and print its JSON to stdout.

    \b
    Example:
        acftu extract raw/zz-2021-action-plans.docx > zz.json
    """
    from pipeline.export import notice_json
    from pipeline.runner import process

    try:
        notice = process(file)
    except PipelineError as e:
        raise click.ClickException(str(e)) from e
    click.echo(notice_json(notice), nl=False)


@main.command("export")
@click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, type=DatabaseURL(),
              help="SQLAlchemy URL (or SQLite file path) to read.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--out", "out_dir", default="extracted/tables", show_default=True, type=click.Path(path_type=Path))
def export_cmd(db_url: str, fmt: str, out_dir: Path) -> None:
    """Write every database table as Parquet or CSV files.

    \b
    Example:
        acftu export --db sqlite:///extracted/notices.db --format csv --out extracted/csv
    """
    from pipeline.export import export_tables

    for path in export_tables(_open_database(db_url), out_dir, fmt):
        click.echo(str(path))


@main.command()
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=None,
              help="Write here instead of stdout (schemas/notice.schema.json).")
def schema(out_file) -> None:
    """Print the JSON Schema of the output, generated from the model.

    \b
    Example:
        acftu schema --out schemas/notice.schema.json
    """
    from pipeline.schema import schema_text

    text = schema_text()
    if out_file:
        Path(out_file).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _open_database(url: str):
    """The database at `url` (a SQLite file's folder is created), or a one-line error: no
    traceback for a server that is down or a driver that is not installed."""
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline.export import Database

    prefix = "sqlite:///"
    if url.startswith(prefix) and url != "sqlite:///:memory:":
        Path(url[len(prefix):]).parent.mkdir(parents=True, exist_ok=True)
    try:
        return Database(url)
    except (SQLAlchemyError, ImportError) as e:
        raise click.ClickException(f"cannot open database {url}: {str(e).splitlines()[0]}") from e


if __name__ == "__main__":
    main()
