"""Bad input loses nothing: every input is stored or rejected with a reason, and the batch goes on."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.store import Store

pytestmark = pytest.mark.model

GOOD = ("Kenya and Ethiopia sign water accord\n\nKenyan President William Ruto and Ethiopian Prime "
        "Minister Abiy Ahmed signed a water-sharing accord in Nairobi on Tuesday.\n")
SPANISH = ("Chile y Argentina firman un acuerdo\n\nLos presidentes de Chile y Argentina firmaron el martes "
           "un acuerdo de cooperación energética en la ciudad de Santiago, según informaron los ministerios "
           "de relaciones exteriores de ambos países, que destacaron la importancia del pacto para la región.\n")


def build_bad_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(("Peru and Bolivia talks\n\nPeru's foreign minister met his Bolivian "
                                         "counterpart in La Paz on Monday, a caf\u00e9 meeting.\n").encode("cp1252"))
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    full = gzip.compress(GOOD.replace("Nairobi", "Mombasa").encode())
    (folder / "truncated.txt.gz").write_bytes(full[: len(full) // 2])
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 30_000_000))
    (folder / "broken.html").write_text("<html><head><title>Broken page</title><body><p>Norway and Sweden "
                                        "agreed on Monday to cooperate on Arctic research.<div><p>Unclosed",
                                        encoding="utf-8")
    (folder / "lol.rss").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
        '&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
        '&lol2;">]>\n<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title>'
        '<description>&lol3;</description></item></channel></rss>\n', encoding="utf-8")
    (folder / "big.txt").write_text("Ghana and Togo talks. " * 200_000, encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "published": "2024-02-02", "text": "Fiji and Tonga agreed on Friday to "
                    "share coastguard patrols."}) + "\n{not json\n", encoding="utf-8")


def test_every_bad_input_is_accounted_for(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    build_bad_folder(folder)
    db = tmp_path / "bad.sqlite"
    report_path = tmp_path / "report.json"
    env_cmd = [sys.executable, "-m", "diplograph", "ingest", str(folder), str(tmp_path / "missing.txt"),
               "--db", str(db), "--no-reference", "--report", str(report_path), "--jobs", "1"]
    import os

    env = dict(os.environ, DIPLOGRAPH_MAX_BYTES="2000000")
    run = subprocess.run(env_cmd, capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr
    report = json.loads(report_path.read_text())
    reasons = {Path(r["input"].split("#")[0]).name: r["reason"] for r in report["rejected"]}
    assert reasons["empty.txt"] == "empty"
    assert reasons["binary.txt"] == "binary"
    assert reasons["truncated.txt.gz"] == "truncated-gzip"
    assert reasons["bomb.txt.gz"] in {"decompression-bomb", "too-large"}
    assert reasons["big.txt"] == "too-large"
    assert reasons["missing.txt"] == "not-found"
    assert reasons["lines.jsonl"] == "bad-json"
    assert "lol.rss" in reasons  # entity expansion refused, not expanded
    # good.txt, latin1.txt, spanish.txt, broken.html, the good JSONL line
    assert report["stored"] == 5
    assert report["read"] == report["stored"] + report["duplicates"] + len(report["rejected"])
    store = Store(str(db))
    languages = {d["title"]: d["language"] for d in store.iter_documents()}
    assert languages["Chile y Argentina firman un acuerdo"] not in (None, "en")
    assert languages["Kenya and Ethiopia sign water accord"] == "en"
    assert any("café" in d["text"] for d in store.iter_documents())
    # the summary names the rejects and their reasons
    assert "rejected" in run.stderr and "too-large" in run.stderr
    # a re-run records nothing twice
    subprocess.run(env_cmd, capture_output=True, text=True, timeout=600, env=env, check=True)
    assert Store(str(db)).counts()["rejects"] == len(report["rejected"])
