"""`diplograph reference check | coverage | show | load`: the shipped reference table of frameworks."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..kb.reference import load_reference_database
from ..kb.reference_check import check_table
from ..kb.reference_coverage import coverage, pair_history
from ..settings import load_options
from .app import DB_HELP, TABLE_OR_JSON_HELP, app, console, print_json, table_or_json

reference_app = typer.Typer(help="The shipped reference table of frameworks: check, coverage, show, load.",
                            no_args_is_help=True)
app.add_typer(reference_app, name="reference")

TABLE_HELP = "A reference table CSV (default: the shipped data/reference/frameworks.csv)."
FORMAT_HELP = TABLE_OR_JSON_HELP


@reference_app.command("check")
def check_command(
    table: Path | None = typer.Option(None, "--table", help=TABLE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Validate the table; exit 1 when it has a problem (every problem is listed)."""
    fmt = table_or_json(fmt)
    report = check_table(table)
    if fmt == "json":
        print_json(report.to_dict())
    else:
        for problem in report.problems:
            console.print(f"{report.path}:{problem.line}: {problem.kind}: {'-'.join(problem.pair)}: "
                          f"{problem.message}", highlight=False, soft_wrap=True)
        verdict = "ok" if report.ok else f"{len(report.problems)} problem(s)"
        console.print(f"{report.path} (version {report.version}): {report.rows} rows, {verdict}", highlight=False,
                      soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


@reference_app.command("coverage")
def coverage_command(
    as_of: str | None = typer.Option(None, "--as-of", help="Count partners on this day, YYYY-MM-DD (default: today)."),
    party: list[str] = typer.Option([], "--party", "-p", help="Only these parties (repeatable)."),
    table: Path | None = typer.Option(None, "--table", help=TABLE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """The table's version and size; per party, its partners by tier and its newest date."""
    fmt = table_or_json(fmt)
    result = coverage(table, as_of)
    if party:
        from ..kb.names import resolve_actor

        wanted = {resolve_actor(p) for p in party}
        result["party_rows"] = [r for r in result["party_rows"] if r["party"] in wanted]
    if fmt == "json":
        print_json(result)
        return
    tiers = ", ".join(f"{tier} {count}" for tier, count in sorted(result["by_tier"].items()))
    console.print(f"{result['path']} version {result['version']}: {result['rows']} rows, {result['pairs']} pairs, "
                  f"{result['parties']} parties ({tiers}); newest {result['newest']}", highlight=False, soft_wrap=True)
    out = Table(title=f"partners by tier as of {result['as_of']}", title_justify="left")
    for column in ("party", "partners", "CSP", "SP", "CP", "OTHER", "rows", "newest", "ladder"):
        out.add_column(column)
    for row in result["party_rows"]:
        out.add_row(f"{row['party']} {row['name']}", str(row["partners"]),
                    *(str(row["by_tier"][tier]) for tier in ("CSP", "SP", "CP", "OTHER")),
                    str(row["rows"]), row["newest"], "own" if row["own_ladder"] else "default")
    console.print(out)


@reference_app.command("show")
def show_command(
    a: str = typer.Argument(..., help="One party (code or name)."),
    b: str = typer.Argument(..., help="The other party."),
    table: Path | None = typer.Option(None, "--table", help=TABLE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """A pair's history in the reference table, oldest first, with sources and notes."""
    fmt = table_or_json(fmt)
    result = pair_history(a, b, table)
    if fmt == "json":
        print_json(result)
        return
    names = result["names"]
    out = Table(title=f"{names[result['a']]} – {names[result['b']]} in the reference table "
                      f"(version {result['version']})", title_justify="left")
    for column in ("date", "tier", "label", "status", "source", "note"):
        out.add_column(column, overflow="fold")
    for row in result["rows"]:
        label = row["label"] + (" (layered)" if row["layered"] else "")
        out.add_row(row["date"], row["tier"], label, row["status"], row["source_url"], row["note"])
    console.print(out)
    if not result["rows"]:
        console.print("the reference table has no row for this pair", highlight=False)


@reference_app.command("load")
def load_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    table: Path | None = typer.Option(None, "--table", help=TABLE_HELP),
) -> None:
    """Load the table into a database (created when absent) as observations with source
    'reference', as ingest does: rows the table no longer has are replaced, none is duplicated."""
    result = load_reference_database(load_options(db=db).db, table)
    console.print(f"loaded {result.rows} reference rows (table version {result.version}): "
                  f"{result.added} added, {result.removed} removed", highlight=False, soft_wrap=True)
