"""The built wheel works outside the source tree: it finds its data files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_wheel_installs_into_a_clean_venv_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist)], check=True, cwd=tmp_path, timeout=300)
    (wheel,) = dist.glob("diplograph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data_file in ("diplograph/settings.cfg", "diplograph/py.typed", "diplograph/data/tiers.json",
                      "diplograph/data/reference/frameworks.csv", "diplograph/code/data/event_classifier.zip",
                      "diplograph/store/migrations/versions/0001_initial.py"):
        assert data_file in names, data_file
    assert any(n.startswith("diplograph/web/static/vendor/") for n in names)
    # nothing of the source tree may leak in: the test environment's PYTHONPATH is dropped
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env_dir = tmp_path / "clean-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=300, env=env)
    # the dependencies (not diplograph itself) come from the test environment's site-packages,
    # appended after the clean venv's own, so that the package under test is the wheel's copy
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, env=env).stdout.strip()
    Path(site, "zz-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    exe = env_dir / "bin" / "diplograph"
    where = subprocess.run([str(py), "-c", "import diplograph; print(diplograph.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout.strip()
    assert where.startswith(str(env_dir)), where
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip().startswith("diplograph ")
    sample = tmp_path / "sample.txt"
    sample.write_text("Chile and Peru sign fisheries pact\n\nChile and Peru signed a fisheries agreement in "
                      "Lima on Friday, officials said.\n\nShare this article\n", encoding="utf-8")
    cleaned = subprocess.run([str(exe), "clean", str(sample), "--format", "jsonl"], capture_output=True,
                             text=True, cwd=tmp_path, timeout=120, env=env)
    assert cleaned.returncode == 0, cleaned.stderr
    (record,) = [json.loads(line) for line in cleaned.stdout.splitlines() if line.strip()]
    assert record["title"] == "Chile and Peru sign fisheries pact"
    assert "signed a fisheries agreement" in record["text"]
    # the shipped data files are found from the installed package
    coded = subprocess.run([str(exe), "code", "--text", "Chile and Peru signed a fisheries agreement on Friday.",
                            "--format", "jsonl"], capture_output=True, text=True, cwd=tmp_path, timeout=300, env=env)
    assert coded.returncode == 0, coded.stderr
    (out,) = [json.loads(line) for line in coded.stdout.splitlines() if line.strip()]
    assert any({"CHL", "PER"} <= set(e["actor"]) | set(e["recipient"]) for e in out["events"]), out
