"""Build and check annotated articles (eval/articles/README.md).

    python tools/article_annotations.py skeleton RECORD.json [--output DRAFT.json]
    python tools/article_annotations.py build DRAFT.json [--output FILE.json]
    python tools/article_annotations.py check PATH...

``skeleton`` takes a record (``{"id", "title", "published", "text"|"html"}``) and prints a draft
with the cleaned text split into sentences; ``build`` fills offsets and hashes into a filled-in
draft (or rebuilds an annotated file after its text changed); ``check`` validates files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from diplograph.errors import InputError
from diplograph.evaluation.annotations import build, iter_article_files, load_article, skeleton


def _write(obj: object, output: str | None) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("skeleton")
    p.add_argument("record")
    p.add_argument("--output")
    p = sub.add_parser("build")
    p.add_argument("draft")
    p.add_argument("--output")
    p = sub.add_parser("check")
    p.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    try:
        if args.command == "skeleton":
            record = json.loads(Path(args.record).read_text(encoding="utf-8"))
            _write(skeleton(record.get("record", record)), args.output)
        elif args.command == "build":
            _write(build(json.loads(Path(args.draft).read_text(encoding="utf-8"))), args.output)
        else:
            bad = 0
            for path in iter_article_files(args.paths):
                article = load_article(path)
                for problem in article.problems:
                    sys.stderr.write(f"{path}: {problem}\n")
                bad += bool(article.problems)
            sys.stderr.write(f"{bad} file(s) with problems\n")
            return 1 if bad else 0
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
