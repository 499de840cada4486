"""The Ray engine gives the same database as the local engine on the same input; without Ray,
asking for it says how to install it.

The equivalence tests start one local Ray (2 CPUs) for this module and run the real pipeline
(reader, cleaner, spaCy model, coder, store) on a small corpus of our own articles."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_helpers import assert_same_database, dump_database
from typer.testing import CliRunner

import diplograph
from diplograph.cli.app import app
from diplograph.errors import ConfigError, MissingExtraError
from diplograph.ingest import ingest
from diplograph.scale import ingest_ray
from diplograph.settings import load_options
from diplograph.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures" / "news"

ARTICLES = [
    ("Kenya and Ethiopia sign water accord",
     "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed signed an agreement on "
     "sharing river water in Nairobi on Tuesday. The two leaders also agreed to build a power line."),
    ("Norway protests Russian fishing",
     "Norway summoned the Russian ambassador on Monday to protest against trawlers fishing inside its "
     "waters without permission, the foreign ministry in Oslo said."),
    ("Brazil offers aid to Bolivia",
     "Brazil will send firefighting aircraft to Bolivia next week, officials in Brasilia said on "
     "Thursday, after La Paz asked its neighbours for help with forest fires."),
    ("Chile and Peru to hold talks",
     "The foreign ministers of Chile and Peru will meet in Lima in March to discuss trade and migration, "
     "according to a statement released on Friday."),
    ("Grain prices steady",
     "Wheat futures were little changed on Wednesday as traders waited for the harvest report. "
     "Corn rose slightly in thin volume."),
]


def _corpus(folder: Path) -> list[str]:
    """Two inputs: our articles (with a repeated text under another URL, and one bad line), and
    the shared test fixtures folder."""
    path = folder / "scale.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n, (title, text) in enumerate(ARTICLES):
            out.write(json.dumps({"id": f"sc-{n}", "url": f"https://example.org/sc/{n}", "published": "2024-06-1"
                                  f"{n}", "title": title, "text": text}) + "\n")
        out.write("{broken json\n")
        title, text = ARTICLES[0]
        # the copy is published later: an earlier copy would re-date the stored text, which the
        # engines currently handle differently by chunk boundary (reported to the ingest owner)
        out.write(json.dumps({"id": "sc-copy", "url": "https://mirror.example.net/sc/0", "published": "2024-06-11",
                              "title": title, "text": text}) + "\n")
    return [str(path), str(FIXTURES)]


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'diplograph[ray]')")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    # the workers import diplograph: make sure they find this copy of it
    package_root = str(Path(diplograph.__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    yield ray
    ray.shutdown()


def _local_run(folder: Path) -> tuple[list[str], str, dict[str, Any]]:
    inputs = _corpus(folder)
    db = str(folder / "local.sqlite")
    report = ingest(inputs, load_options(db=db, jobs=1), load_reference=False)
    return inputs, db, report.to_dict()


@pytest.mark.model
def test_ray_engine_writes_what_the_local_engine_writes(ray_session: Any, tmp_path: Path) -> None:
    """Both Ray paths in one test, so that a parallel test run (xdist) starts Ray once: straight into
    a database, and through Parquet files then `load`."""
    inputs, local_db, local_report = _local_run(tmp_path)
    local = dump_database(local_db)

    db = str(tmp_path / "ray.sqlite")
    # chunks of 2 records: the work spreads over both actors and order must still be kept
    report = ingest_ray(inputs, load_options(db=db, jobs=2), load_reference=False, chunk_size=2)
    assert report.to_dict() == local_report
    assert report.stored >= 6 and report.duplicates >= 2 and report.events > 0
    assert {r["reason"] for r in report.rejected} >= {"bad-json"}
    assert_same_database(dump_database(db), local)
    # the first copy's URL is the document's URL, as in the local run
    store = Store(db, create=False)
    copied = [d for d in store.iter_documents(with_text=False) if len(d["sources"]) == 2]
    store.close()
    assert [d["url"] for d in copied if "/sc/" in (d["url"] or "")] == ["https://example.org/sc/0"]

    # the command line: --engine ray --output DIR, then `diplograph load DIR`
    out = tmp_path / "outcomes"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", *inputs, "--engine", "ray", "--output", str(out), "--jobs", "2", "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet"]
    loaded_db = str(tmp_path / "loaded.sqlite")
    report_path = tmp_path / "report.json"
    result = runner.invoke(app, ["load", str(out), "--db", loaded_db, "--no-reference", "--quiet",
                                 "--report", str(report_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(report_path.read_text(encoding="utf-8")) == local_report
    assert_same_database(dump_database(loaded_db), local)


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(MissingExtraError, match=r"pip install 'diplograph\[ray\]'"):
        ingest_ray([str(FIXTURES)], load_options(db=str(tmp_path / "x.sqlite")))
    result = CliRunner().invoke(app, ["ingest", str(FIXTURES), "--engine", "ray", "--db", str(tmp_path / "x.sqlite")])
    assert isinstance(result.exception, MissingExtraError)
    assert result.exception.exit_code == 7


@pytest.mark.parametrize("args", [["--address", "auto"], ["--output", "somewhere"], ["--engine", "spark"]])
def test_engine_options_that_do_not_fit_are_refused(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(FIXTURES), "--db", str(tmp_path / "x.sqlite"), *args])
    assert isinstance(result.exception, ConfigError)
    assert not (tmp_path / "x.sqlite").exists()
