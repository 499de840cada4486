"""Lists of annotated real articles (eval/real/README.md): files that carry no article text.

    python tools/real_articles.py strip DRAFT_OR_BUILT.json --output FILE.json
    python tools/real_articles.py check DIR... --texts TEXTS_DIR
    python tools/real_articles.py ids DIR...

``strip`` drops every piece of article text from an annotated article (a draft is built first,
so its offsets and hashes come from its text); ``check`` verifies rebuilt texts
(TEXTS_DIR/<record id>.txt) against the offsets and hashes of each listed file; ``ids`` prints
id, URL and search query of each file, one tab-separated line each, to rebuild the texts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.evaluation.annotations import (
    build,
    check_article,
    cleaned_text,
    iter_article_files,
    sentence_hash,
    sha256_hex,
)

# record keys that hold article text (never kept in a list of real articles)
TEXT_KEYS = ("text", "html", "title")


def _read_json(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc})", reason="bad-annotation") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a JSON object", reason="bad-annotation")
    return data


def _is_built(article: dict[str, Any]) -> bool:
    sentences = article.get("sentences") or []
    return bool(article.get("text_sha256")) and bool(sentences) and all(
        isinstance(s, dict) and {"start", "end", "sha256"} <= s.keys() for s in sentences
    )


def strip_text(article: dict[str, Any]) -> dict[str, Any]:
    """The article without any of its text: record text, HTML and title, and every sentence's
    text. A draft (no offsets yet) is built from its text first, so nothing but text is lost."""
    if not _is_built(article):
        article = build(article)
    out = dict(article)
    out["record"] = {k: v for k, v in (article.get("record") or {}).items() if k not in TEXT_KEYS}
    out["sentences"] = [{k: v for k, v in s.items() if k != "text"} for s in article.get("sentences") or []]
    return out


@dataclass
class TextCheck:
    """What ``check`` found for one listed file."""

    path: str
    id: str
    missing: bool = False          # no TEXTS_DIR/<id>.txt
    text_changed: bool = False     # the cleaned text's SHA-256 differs from text_sha256
    changed_sentences: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # annotation problems and text left in the file

    @property
    def text_matches(self) -> bool:
        return not (self.missing or self.text_changed or self.changed_sentences)

    @property
    def ok(self) -> bool:
        return self.text_matches and not self.problems

    def describe(self) -> str:
        if self.ok:
            return f"{self.path}: ok"
        parts = []
        if self.missing:
            parts.append(f"no text file {self.id}.txt")
        if self.text_changed:
            parts.append("the cleaned text differs (text_sha256)")
        if self.changed_sentences:
            shown = ", ".join(str(i) for i in self.changed_sentences[:20])
            more = "" if len(self.changed_sentences) <= 20 else ", ..."
            parts.append(f"{len(self.changed_sentences)} sentence(s) differ: {shown}{more}")
        parts.extend(self.problems)
        return f"{self.path}: " + "; ".join(parts)


def check_one(path: str | Path, texts_dir: str | Path) -> TextCheck:
    """Check one listed file against its rebuilt text ``texts_dir/<record id>.txt``."""
    data = _read_json(path)
    record = dict(data.get("record") or {})
    rid = str(record.get("id") or data.get("id"))
    result = TextCheck(str(path), rid)
    if any(record.get(k) for k in TEXT_KEYS) or any("text" in s for s in data.get("sentences") or [] if isinstance(s, dict)):
        result.problems.append("the file carries article text (a list of real articles must not)")
    text_path = Path(texts_dir) / f"{rid}.txt"
    if not text_path.is_file():
        result.missing = True
        return result
    record = {k: v for k, v in record.items() if k not in TEXT_KEYS}
    record["text"] = text_path.read_text(encoding="utf-8")
    text = cleaned_text(record)
    result.text_changed = data.get("text_sha256") != sha256_hex(text)
    for i, sentence in enumerate(data.get("sentences") or []):
        start, end = sentence.get("start"), sentence.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)) \
                or sentence.get("sha256") != sentence_hash(text[start:end]):
            result.changed_sentences.append(i)
    if not result.text_changed:
        # offsets and hashes hold: what is left to report is the annotation itself
        result.problems.extend(check_article(data, text))
    return result


def check_texts(paths: Iterable[str | Path], texts_dir: str | Path) -> list[TextCheck]:
    """``check_one`` for every ``*.json`` file named or found under ``paths``."""
    if not Path(texts_dir).is_dir():
        raise InputError(f"{texts_dir}: no such folder", reason="not-found")
    return [check_one(path, texts_dir) for path in iter_article_files(paths)]


def list_ids(paths: Iterable[str | Path]) -> list[tuple[str, str, str]]:
    """(id, url, query) of every listed file, to rebuild its text."""
    rows = []
    for path in iter_article_files(paths):
        data = _read_json(path)
        record = data.get("record") or {}
        meta = data.get("meta") or {}
        rows.append((str(record.get("id") or data.get("id")), str(record.get("url") or ""), str(meta.get("query") or "")))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("strip", help="drop all article text from a draft or built file")
    p.add_argument("file")
    p.add_argument("--output", required=True)
    p = sub.add_parser("check", help="check rebuilt texts against the listed offsets and hashes")
    p.add_argument("paths", nargs="+")
    p.add_argument("--texts", required=True, help="folder of <record id>.txt files")
    p = sub.add_parser("ids", help="print id, url and query of each listed file")
    p.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    try:
        if args.command == "strip":
            stripped = strip_text(_read_json(args.file))
            Path(args.output).write_text(json.dumps(stripped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        elif args.command == "check":
            results = check_texts(args.paths, args.texts)
            for result in results:
                sys.stdout.write(result.describe() + "\n")
            matching = sum(r.text_matches for r in results)
            flawed = sum(bool(r.problems) for r in results)
            sys.stdout.write(f"{len(results)} file(s): {matching} match their texts, {len(results) - matching} "
                             f"missing or changed; {flawed} with other problems\n")
            return 0 if all(r.ok for r in results) else 1
        else:
            for rid, url, query in list_ids(args.paths):
                sys.stdout.write(f"{rid}\t{url}\t{query}\n")
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
