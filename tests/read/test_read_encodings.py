"""Text files in legacy code pages and UTF-16 without a BOM are read with their letters intact
(issue 16 item 3: Latin-1 "Señor Muñoz" used to come out as cp1250 "Seńor Muńoz", and UTF-16
without a BOM was refused as binary). The detection rate over a larger set of texts is measured
by bench/bench_encodings.py (docs/reading.md)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from diplograph.model import Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.read.decode import decode_text, detect_encoding
from diplograph.settings import Options

WESTERN = "Peru's envoy, Señor Muñoz, met the mayor of Zürich on Tuesday."
CASES = [
    ("latin-1", WESTERN),
    ("cp1252", "Señor Muñoz called the accord “a first step” – and said more talks would follow."),
    ("latin-1", "La delegación de México llegó a Bogotá el jueves para negociar un tratado comercial."),
    ("cp1250", "Delegacja z Łodzi przyjechała do Pragi; rozmowy o kolei trwały dwa dni."),
    ("cp1250", "Ministr zahraničí řekl, že dohoda s Rakouskem bude podepsána příští týden."),
    ("cp1251", "Делегации России и Казахстана обсудили в среду поставки зерна."),
    ("gb18030", "两国外长在会谈中同意扩大贸易往来，并加强人文交流。"),
    ("shift_jis", "両国の首脳は、経済協力の拡大について話し合った。"),
]


def read_file(path: Path) -> RawRecord | Rejected:
    (item,) = list(iter_records([str(path)], Options()))
    return item


@pytest.mark.parametrize(("encoding", "text"), CASES)
def test_legacy_code_pages_are_read_intact(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    record = read_file(path)
    assert isinstance(record, RawRecord), record
    assert record.text == text


@pytest.mark.parametrize("text", [WESTERN, CASES[3][1], CASES[5][1], CASES[6][1], CASES[7][1]])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes((text + "\n").encode(encoding))
    record = read_file(path)
    assert isinstance(record, RawRecord), record
    assert record.text == text + "\n"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_a_bom(tmp_path: Path, bom: bytes) -> None:
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    path = tmp_path / "story.txt"
    path.write_bytes(bom + WESTERN.encode(encoding))
    record = read_file(path)
    assert isinstance(record, RawRecord) and record.text == WESTERN


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 40,  # every byte value, as in a compressed or image file
    b"\x00\x01\x02PK\x03\x04" * 200,  # a zip header repeated
    b"\x00\xff" * 100,  # a 16-bit pattern: NULs at even offsets, but not UTF-16 text
    bytes((i * 7919) % 256 for i in range(6000)),  # pseudo-random bytes
])
def test_binary_is_still_refused(tmp_path: Path, data: bytes) -> None:
    assert detect_encoding(data) is None
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    rejected = read_file(path)
    assert isinstance(rejected, Rejected) and rejected.reason == "binary"


def test_a_declared_latin1_page_keeps_its_cp1252_quotes() -> None:
    """Browsers read ISO-8859-1 as windows-1252 (the WHATWG standard): so do we."""
    html = "<p>The minister called it “historic” – a first for both nations.</p>".encode("cp1252")
    assert "“historic” –" in decode_text(html, "ISO-8859-1")
