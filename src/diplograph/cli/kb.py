"""`diplograph partners`, `timeline`, `changes` and `check`: questions to the knowledge base."""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.table import Table

from ..kb.changes import changes
from ..kb.check import check
from ..kb.queries import partners
from ..kb.storeopen import open_store
from ..kb.timeline import timeline
from ..settings import load_options
from .app import (
    DB_HELP,
    TABLE_OR_JSON_HELP,
    app,
    console,
    day_option,
    period_options,
    print_json,
    table_or_json,
)

FORMAT_HELP = TABLE_OR_JSON_HELP
REFERENCE_HELP = "Leave out the shipped reference rows: answer from the news alone."


def _sources(row: dict[str, Any]) -> str:
    text = str(row.get("sources", 0))
    if row.get("reference"):
        text += " (ref)"
    return text


@app.command("partners")
def partners_command(
    country: str = typer.Argument(..., help="A code (VNM) or a name (Vietnam)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)."),
    tier: str | None = typer.Option(None, "--tier", help="Only this tier: CSP, SP, CP or OTHER."),
    rung: int | None = typer.Option(None, "--rung", help="Only this rung of the country's ladder (1 = top)."),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """A country's partnership frameworks in force on a date, ordered by its ladder (top rung first)."""
    fmt = table_or_json(fmt)
    as_of = day_option(as_of, "--as-of")
    rows = partners(open_store(load_options(db=db).db), country, as_of, tier=tier, rung=rung,
                    include_reference=not no_reference)
    if fmt == "json":
        print_json(rows)
        return
    title = f"partners of {country}" + (f" on rung {rung}" if rung else "") + (f" as of {as_of}" if as_of else "")
    table = Table(title=title, title_justify="left")
    for column in ("partner", "rung", "tier", "label", "since", "in force by", "sources", "notes"):
        table.add_column(column)
    for row in rows:
        notes = []
        if row["labels"]:
            notes.append("+ " + "; ".join(row["labels"]))
        if row["pending"]:
            notes.append("pending: " + ", ".join(p["tier"] for p in row["pending"]))
        if row["conflicts"]:
            notes.append(f"{len(row['conflicts'])} conflict(s)")
        if row["conflicts_with_reference"]:
            notes.append("disagrees with reference")
        table.add_row(f"{row['partner']} {row['name']}", str(row["rung"] or "-"), row["tier"], row["label"],
                      row["since"] or "",
                      row["in_force_by"] or "", _sources(row), "; ".join(notes))
    console.print(table)
    if not rows:
        console.print("no frameworks known for this country on that date", highlight=False)


@app.command("timeline")
def timeline_command(
    a: str = typer.Argument(..., help="One party (code or name)."),
    b: str = typer.Argument(..., help="The other party."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
    no_events: bool = typer.Option(False, "--no-events", help="Framework changes only."),
    since: str | None = typer.Option(None, "--since", help="From this day (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="To this day (YYYY-MM-DD), inclusive."),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Every framework change and event between two parties, oldest first, with sources."""
    fmt = table_or_json(fmt)
    since, until = period_options(since, until)
    result = timeline(open_store(load_options(db=db).db), a, b, include_reference=not no_reference,
                      events=not no_events, limit=None, since=since, until=until)
    if fmt == "json":
        print_json(result)
        return
    names = result["names"]
    table = Table(title=f"{names[result['a']]} – {names[result['b']]}", title_justify="left")
    for column in ("date", "what", "detail", "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for entry in result["entries"]:
        evidence = next((e["sentence"] for e in entry["evidence"] if e.get("sentence")), "")
        if entry["kind"] == "framework":
            what = f"{entry['change']} ({entry['status']})"
            detail = f"{entry['tier']}: {entry['label']}"
            if entry["conflicts"]:
                detail += f" [{len(entry['conflicts'])} conflict(s)]"
        else:
            what = entry["event"] + (f"/{entry['mode']}" if entry["mode"] else "")
            parties = " -> ".join(" + ".join(side) for side in (entry["actor"], entry["recipient"]) if side)
            detail = f"{parties} ({entry['modality']})"
        date = entry["date"] or ""
        if entry["date_precision"] == "in-force-by":
            date = f"by {date}"
        table.add_row(date, what, detail, str(entry["sources"]) + (" (ref)" if entry.get("reference") else ""),
                      evidence[:160])
    console.print(table)
    for conflict in result["conflicts_with_reference"]:
        console.print(f"disagrees with reference: {conflict.get('problem')}", highlight=False)


@app.command("changes")
def changes_command(
    since: str = typer.Option(..., "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD (default: today)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """What changed in a period: new, upgraded, ended frameworks, intentions and notable events."""
    fmt = table_or_json(fmt)
    since, until = period_options(since, until)
    assert since is not None
    # every page: the command line prints the whole period
    result = changes(open_store(load_options(db=db).db), since, until, include_reference=not no_reference,
                     limit=None)
    result.pop("next_after", None)
    if fmt == "json":
        print_json(result)
        return
    table = Table(title=f"framework changes {result['since']} – {result['until']}", title_justify="left")
    for column in ("date", "pair", "change", "tier", "label", "sources"):
        table.add_column(column)
    for entry in result["frameworks"]:
        table.add_row(entry["date"] or "", f"{entry['a']}–{entry['b']}", entry["change"], entry["tier"],
                      entry["label"], str(entry["sources"]) + (" (ref)" if entry["reference"] else ""))
    console.print(table)
    if result["events"]:
        events = Table(title="notable events", title_justify="left")
        for column in ("date", "event", "actor", "recipient", "sources", "evidence"):
            events.add_column(column, overflow="fold")
        for entry in result["events"]:
            evidence = next((e["sentence"] for e in entry["evidence"] if e.get("sentence")), "")
            events.add_row(entry["date"] or "", entry["event"], " ".join(entry["actor"]), " ".join(entry["recipient"]),
                           str(entry["sources"]), evidence[:160])
        console.print(events)


@app.command("check")
def check_command(
    article: str = typer.Argument(..., help="An article: a .txt file (first line the headline), a .json/.jsonl "
                                            "record, or - for standard input."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    published: str | None = typer.Option(None, "--published", help="The article's date, YYYY-MM-DD (default: the "
                                                                    "record's, else today)."),
    no_reference: bool = typer.Option(False, "--no-reference", help=REFERENCE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Check an article's claims about partnership tiers against the knowledge base."""
    fmt = table_or_json(fmt)
    published = day_option(published, "--published")
    stdin_text = sys.stdin.read() if article == "-" else None
    reports = check(open_store(load_options(db=db).db), article, published=published,
                    include_reference=not no_reference, stdin_text=stdin_text)
    if fmt == "json":
        print_json(reports[0] if len(reports) == 1 else reports)
        return
    for report in reports:
        console.print(f"[bold]{report['title'] or report['id'] or 'article'}[/] (as of {report['as_of']}): "
                      f"[bold]{report['verdict']}[/]")
        for claim in report["claims"]:
            console.print(f"  {claim['verdict'].upper()}: {claim['text']}", highlight=False)
            if claim.get("reason"):
                console.print(f"    {claim['reason']}", highlight=False)
            for row in claim.get("kb") or [] if isinstance(claim.get("kb"), list) else []:
                console.print(f"    {row['partner']} {row['tier']} since {row['since'] or '?'} "
                              f"({row['sources']} source(s))", highlight=False)
        if not report["claims"]:
            console.print("  no claims about partnership tiers found", highlight=False)
