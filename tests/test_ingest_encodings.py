"""Names in legacy code pages and UTF-16 without a BOM reach the database intact, on both backends
(issue 16 item 3). Real pipeline: reader, cleaner, model, coder, store."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.ingest import ingest
from diplograph.settings import load_options
from diplograph.store import Store

pytestmark = pytest.mark.model

FILES = {
    "latin1.txt": ("latin-1", "Peru's foreign minister, Señor Andrés Muñoz, met Chile's envoy in Valparaíso on Monday."),
    "cp1252.txt": ("cp1252", "Señora Núñez said the “new chapter” in ties with Colombia – after a long freeze – had begun."),
    "cp1250.txt": ("cp1250", "Poland's envoy Paweł Wołoszyński met Czech officials in Brno on Friday to discuss rail links."),
    "utf16.txt": ("utf-16-le", "Vietnam and Japan held talks in Hà Nội on Thursday, the ministry of Việt Nam said."),
}


def test_names_are_stored_intact_on_both_backends(tmp_path: Path, store_db: str) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name, (encoding, text) in FILES.items():
        (folder / name).write_bytes((text + "\n").encode(encoding))
    report = ingest([str(folder)], load_options(db=store_db, jobs=1), load_reference=False)
    assert (report.read, report.stored, report.rejected) == (4, 4, [])
    store = Store(store_db)
    try:
        stored = {Path(d["sources"][0]["input"]).name: d["text"] for d in store.iter_documents()}
    finally:
        store.close()
    for name, (_, text) in FILES.items():
        assert stored[name] == text, name
