"""The README is true (issue 17): every example command in its ```text blocks runs on the demo
database (examples/news, ingested once per session as the README's first example does) and prints
what the README shows. A line "…" in an example stands for lines left out; every other line must
be in the output, in the README's order."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
INGEST = "diplograph ingest examples/news --db demo.sqlite --report report.json"
OMITTED = "…"
FENCE = re.compile(r"^```(\w*)\s*$")


@dataclass
class Example:
    command: str
    shown: list[str]  # the output lines the README shows


def readme_examples(text: str) -> list[Example]:
    """The ``$ command`` lines of the README's ```text blocks with the output lines under each."""
    examples: list[Example] = []
    language = None
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence:
            language = None if language is not None else fence.group(1)
            continue
        if language != "text":
            continue
        if line.startswith("$ "):
            examples.append(Example(line[2:].strip(), []))
        elif examples:
            examples[-1].shown.append(line.rstrip())
    return examples


def python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)


def run(command: str, cwd: Path) -> str:
    """``command`` through bash in ``cwd``, as a reader would type it (the project's diplograph
    first on PATH; the width a pipe gets); standard output and error together."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "150"}
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    return done.stdout + done.stderr


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A fresh folder with the clone's examples and the demo database built by the README's
    ingest example; its output."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "examples").symlink_to(ROOT / "examples")
    (folder / "eval").symlink_to(ROOT / "eval")  # the evaluate example scores the held-out articles
    yield folder, run(INGEST, folder)


def segments(lines: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for line in lines:
        if line.strip() == OMITTED:
            parts.append([])
        else:
            parts[-1].append(line)
    return [part for part in parts if part]


def assert_shown(example: Example, output: str) -> None:
    actual = [line.rstrip() for line in output.splitlines()]
    at = 0
    for part in segments(example.shown):
        for start in range(at, len(actual) - len(part) + 1):
            if actual[start:start + len(part)] == part:
                at = start + len(part)
                break
        else:
            pytest.fail(f"README example `{example.command}` shows lines the command does not print "
                        f"(in this order):\n" + "\n".join(part) + "\n--- the command printed:\n" + output)


def test_the_readme_examples_print_what_the_readme_shows(demo: tuple[Path, str]) -> None:
    folder, ingest_output = demo
    examples = readme_examples(README.read_text(encoding="utf-8"))
    assert [e.command for e in examples].count(INGEST) == 1, "the README's first example builds the demo database"
    assert len(examples) >= 8
    for example in examples:
        output = ingest_output if example.command == INGEST else run(example.command, folder)
        assert output.strip(), example.command
        assert_shown(example, output)


def test_the_readme_python_example_runs(demo: tuple[Path, str]) -> None:
    folder, _ = demo
    (block,) = python_blocks(README.read_text(encoding="utf-8"))
    script = "import diplograph\n" + block + "\nassert {r['partner'] for r in kb.partners('VNM', as_of='2023-11-30')}"
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_comparison_catches_a_wrong_figure() -> None:
    example = Example("diplograph x", ["│ events │ 56 │", OMITTED, "│ rows   │ 3  │"])
    assert_shown(example, "title\n│ events │ 56 │\n│ other  │ 1  │\n│ rows   │ 3  │\n")
    with pytest.raises(pytest.fail.Exception):
        assert_shown(example, "title\n│ events │ 55 │\n│ rows   │ 3  │\n")
    with pytest.raises(pytest.fail.Exception):
        assert_shown(example, "│ rows   │ 3  │\n│ events │ 56 │\n")  # order matters
