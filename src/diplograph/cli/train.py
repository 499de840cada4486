"""``diplograph train``: fit the event-type classifier and print its scores."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer
from rich.table import Table

from .app import app, console


@app.command("train")
def train_command(
    data: list[Path] = typer.Option(
        ...,
        "--data",
        help="Training data: NGEC synthetic stories (.csv or .csv.zip) or JSON Lines {text, event}.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Model file to write (default: the model shipped in the package)."
    ),
    evaluate: list[Path] = typer.Option(
        [],
        "--eval",
        help="JSON Lines {text, event} to score the final model on (information only; never trained on).",
    ),
    seed: int = typer.Option(13, "--seed", help="Seed of the cross-validation folds."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds (1 skips cross-validation)."),
) -> None:
    """Train the sentence-level PLOVER event-type classifier; write the model and its scores beside it."""
    from ..code.classifier import DEFAULT_MODEL_PATH
    from ..code.train import scores_path, train_classifier

    target = output or DEFAULT_MODEL_PATH
    parts = ["diplograph", "train"] + [f"--data {shlex.quote(str(p))}" for p in data]
    parts += [f"--eval {shlex.quote(str(p))}" for p in evaluate]
    if seed != 13:
        parts.append(f"--seed {seed}")
    if folds != 5:
        parts.append(f"--folds {folds}")
    if output is not None:
        parts.append(f"--output {shlex.quote(str(output))}")
    with console.status("training the event classifier (cross-validation first)..."):
        scores = train_classifier(
            list(data), target, seed=seed, evaluate=list(evaluate), folds=folds, command=" ".join(parts)
        )

    table = Table(title="event classifier scores")
    table.add_column("set")
    table.add_column("n", justify="right")
    table.add_column("accuracy", justify="right")
    table.add_column("macro-F1", justify="right")
    for name, result in scores["cross_validation"].items():
        if isinstance(result, dict) and "accuracy" in result:
            table.add_row(
                f"cross-validated: {name}",
                str(result["n"]),
                f"{result['accuracy']:.3f}",
                f"{result['macro_f1']:.3f}",
            )
    for result in scores["evaluation"]:
        table.add_row(
            f"evaluation: {result['file']}",
            str(result["n"]),
            f"{result['accuracy']:.3f}",
            f"{result['macro_f1']:.3f}",
        )
    console.print(table)
    model = scores["model"]
    console.print(
        f"model: {target} ({model['bytes'] / 1e6:.2f} MB, {model['features']} features); scores: {scores_path(target)}",
        highlight=False,
    )
