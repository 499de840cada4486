"""Convert the PETRARCH2 CAMEO verb dictionary into diplograph trigger-lexicon data.

    python tools/cameo_lexicon.py [--cameo PATH] [--output PATH] [--report]

Reads ``CAMEO.2.0.txt`` (github.com/openeventdata/petrarch2, MIT; a copy is in
``../shared/third_party/petrarch2/``) and writes ``src/diplograph/code/data/triggers_cameo.json``:
one lexicon entry per CAMEO verb that the hand-written lexicon (``triggers.json``) does not have,
in the entry format of ``triggers.json``, with the PLOVER type and mode of its CAMEO code through
the crosswalk ``src/diplograph/code/data/cameo2plover.json``.

What the parse-based matcher can use, and so what is converted:
- a verb line (``KILL``, ``MURDER [190]``, ``+SHOOT_DOWN {...}``): its lemma (a two-word form
  becomes a verb with a particle: "shoot down"), its code or the block's;
- a pattern whose only words follow the verb and start with its direct object
  (``- * PRISONERS [0841]``, ``- * &HOSTAGE [0841]``, ``- * {HUMANITARIAN AID} [0233]``): the
  object's head lemma chooses the type (a ``[---]`` code or a statement code cancels the verb);
- irregular forms (``{SLAYS SLAIN SLAYING}``) feed the candidate filter's form table.

Not converted: patterns with words before the verb (subject nouns), patterns that start with a
preposition, verbs of more than two words, verbs whose words are the hand lexicon's light verbs or
reporting verbs (they carry or report other triggers), verbs whose code and patterns map to no
PLOVER type. The additions fall in groups by PLOVER type and kind (``TYPE/coded``: the code is on
the verb's own line or the verb heads its block; ``TYPE/synonym``: another verb of the block, many
from WordNet synonym sets; ``TYPE/objects``: only the verb's objects give it a type). ``--keep``
lists the groups to switch on; the output keeps each group's flag and measured effect
(``groups``) from one run to the next."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "diplograph" / "code" / "data"
DEFAULT_CAMEO = ROOT.parent / "shared" / "third_party" / "petrarch2" / "CAMEO.2.0.txt"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"

MIT_NOTICE = (
    "Derived from CAMEO.2.0.txt of PETRARCH2 (github.com/openeventdata/petrarch2, commit "
    f"{SOURCE_COMMIT}, petrarch2/data/dictionaries/). The MIT License (MIT). Copyright (c) 2015 Open "
    "Event Data Alliance. Permission is hereby granted, free of charge, to any person obtaining a copy "
    "of this software and associated documentation files (the \"Software\"), to deal in the Software "
    "without restriction, including without limitation the rights to use, copy, modify, merge, "
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to "
    "whom the Software is furnished to do so, subject to the following conditions: The above "
    "copyright notice and this permission notice shall be included in all copies or substantial "
    "portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, "
    "EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR "
    "A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE "
    "LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
    "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS "
    "IN THE SOFTWARE."
)

# particles a two-word CAMEO verb may end in to be matched as a verb with its particle
PARTICLES = frozenset({"up", "down", "off", "out", "in", "on", "over", "back", "away", "for", "to", "with",
                       "against", "into", "through", "around", "aside", "apart", "forward", "free"})
_CODE = re.compile(r"\[([^\]]*)\]")
# words a pattern may hold where an object noun is expected ("- * FROM &DETENTION"): not objects
FUNCTION_WORDS = frozenset({"from", "to", "in", "on", "at", "by", "with", "for", "of", "into", "over", "off", "out",
                            "up", "down", "new", "it", "them", "him", "her", "itself", "themselves", "that", "this",
                            "a", "an", "the", "and", "or", "not", "no", "as", "back", "away", "all"})


@dataclass
class Pattern:
    pre: list[str]
    post: list[str]
    code: str


@dataclass
class Block:
    name: str
    code: str
    verbs: list[tuple[str, str | None, list[str]]] = field(default_factory=list)  # (word, code, forms)
    patterns: list[Pattern] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _tokens(text: str) -> list[str]:
    """Pattern words, keeping {phrases} and (prepositional phrases) together."""
    out: list[str] = []
    depth_brace = depth_paren = 0
    current = ""
    for ch in text:
        if ch == "{":
            depth_brace += 1
        elif ch == "}":
            depth_brace -= 1
        elif ch == "(":
            depth_paren += 1
        elif ch == ")":
            depth_paren -= 1
        if ch.isspace() and not depth_brace and not depth_paren:
            if current:
                out.append(current)
            current = ""
        else:
            current += ch
    if current:
        out.append(current)
    return out


def parse(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets and the verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    in_verbs = False
    current_set: str | None = None
    block: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        line = _strip_comment(raw)
        if not line.strip():
            current_set = None if not in_verbs else current_set
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip()
                synsets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                synsets[current_set].append(line[1:].strip())
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                block = Block(m.group(1), m.group(2))
                blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("- "):
            body = line[2:]
            codes = _CODE.findall(body)
            if not codes:
                continue
            words = _tokens(_CODE.sub(" ", body))
            if "*" not in words:
                continue
            star = words.index("*")
            block.patterns.append(Pattern(words[:star], words[star + 1:], codes[-1].strip()))
            continue
        m = re.match(r"^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line.strip())
        if m:
            forms = (m.group(2) or "{}")[1:-1].split()
            code = m.group(3)[1:-1].strip() if m.group(3) else None
            block.verbs.append((m.group(1), code, forms))
    return synsets, blocks


def _word(raw: str) -> str:
    return raw.strip("+_").replace("_", " ").lower()


def singular(word: str) -> str:
    """A simple lemma for a CAMEO object noun (they are written in either number)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word in {"news", "series", "species", "means", "headquarters", "whereabouts"}:
        return word
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")) and len(word) > 3:
        return word[:-1]
    return word


def object_heads(item: str, synsets: dict[str, list[str]]) -> list[str]:
    """The head lemmas a pattern's object element stands for."""
    if item.startswith("{"):
        words = item.strip("{}").split()
        if not words:
            return []
        return object_heads(words[-1], synsets)
    if item.startswith("&"):
        out: list[str] = []
        for member in synsets.get(item, []):
            out.extend(object_heads(member.replace("_", " ").split()[-1] if member.strip("_") else "", synsets))
        return out
    word = _word(item)
    if not word or not re.fullmatch(r"[a-z][a-z\-']*", word) or word in FUNCTION_WORDS:
        return []
    return [singular(word)]


class Crosswalk:
    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.codes: dict[str, tuple[str, str | None]] = {c: (v[0], v[1]) for c, v in data["codes"].items()}

    def map(self, code: str) -> tuple[str, str | None] | None:
        """PLOVER (type, mode) of a CAMEO code; the code before a colon (source side) for the
        paired codes of reciprocal patterns ("042:043")."""
        code = code.split(":")[0].strip()
        if not code or code == "---" or not code.isdigit():
            return None
        while code:
            if code in self.codes:
                return self.codes[code]
            code = code[:-1] if len(code) > 3 else ""
        return None


def convert(cameo: Path, crosswalk: Crosswalk, hand: dict, modes: dict[str, set[str]]
            ) -> tuple[dict[str, list[dict]], dict[str, list[str]], Counter[str], dict[str, dict[str, list[str]]]]:
    synsets, blocks = parse(cameo)
    have = {(e["w"], e.get("pos", "VERB")) for entries in hand["types"].values() for e in entries}
    # hand verbs whose entries need a listed object: the CAMEO objects of their block can extend them
    object_verbs = {e["w"] for entries in hand["types"].values() for e in entries
                    if e.get("pos", "VERB") == "VERB" and e.get("need_obj") and " " not in e["w"]}
    objects: dict[str, dict[str, list[str]]] = {}
    have_lemmas = {w.split()[0] for w, pos in have if pos == "VERB"}
    blocked = set(hand.get("light", ())) | set(hand["word_lists"].get("saying_verbs", ())) | {
        "be", "have", "do", "say", "will", "would", "go", "get", "make", "take", "give", "put", "set", "come"}
    stats: Counter[str] = Counter()
    out: dict[str, list[dict]] = {}
    irregular: dict[str, list[str]] = {}
    seen: set[str] = set()
    for block in blocks:
        # objects named by the block's patterns (shared by all its verbs, as in PETRARCH)
        obj_codes: dict[str, str] = {}
        for pattern in block.patterns:
            if pattern.pre or not pattern.post:
                stats["pattern skipped (subject words or no object)"] += 1
                continue
            first = pattern.post[0]
            if first.startswith("(") or first in {"+", "$", "%", "^"}:
                stats["pattern skipped (preposition or role marker)"] += 1
                continue
            heads = object_heads(first, synsets)
            if not heads:
                stats["pattern skipped (unreadable object)"] += 1
                continue
            for head in heads:
                obj_codes.setdefault(head, pattern.code)
            stats["object pattern used"] += 1
        for position, (raw, own_code, forms) in enumerate(block.verbs):
            word = _word(raw)
            parts = word.split()
            if len(parts) > 2 or (len(parts) == 2 and parts[1] not in PARTICLES):
                stats["verb skipped (phrase)"] += 1
                continue
            if word in seen:
                continue
            seen.add(word)
            lemma = parts[0]
            if word in object_verbs and lemma not in blocked:
                for head, code in sorted(obj_codes.items()):
                    mapped = crosswalk.map(code)
                    if mapped is not None:
                        objects.setdefault(word, {}).setdefault(head, [mapped[0], code.split(":")[0]])
                stats["hand verb given the objects of its block"] += 1
            if (word, "VERB") in have or (len(parts) == 1 and lemma in have_lemmas) or lemma in blocked:
                stats["verb skipped (in the hand lexicon, light or reporting)"] += 1
                continue
            default = crosswalk.map(own_code or block.code)
            objs: dict[str, str] = {}
            not_obj: list[str] = []
            obj_cameo: dict[str, str] = {}
            for head, code in sorted(obj_codes.items()):
                mapped = crosswalk.map(code)
                if mapped is None:
                    if default is not None:
                        not_obj.append(head)
                elif default is None or mapped[0] != default[0]:
                    objs[head] = mapped[0]
                    obj_cameo[head] = code
            if default is None and not objs:
                stats["verb skipped (no PLOVER type)"] += 1
                continue
            entry: dict = {"w": word}
            if default is not None:
                group = default[0]
                mode = default[1] if default[1] in modes.get(default[0], set()) else None
                if mode:
                    entry["m"] = mode
                entry["cameo"] = (own_code or block.code).split(":")[0]
            else:
                group = Counter(objs.values()).most_common(1)[0][0]
                entry["need_obj"] = True
                entry["cameo"] = "---"
            if default is None:
                kind = "objects"
            elif own_code is not None or position == 0 or word == _word(block.name):
                kind = "coded"  # a code written on the verb's own line, or the block's head verb
            else:
                kind = "synonym"  # a synonym listed under the block (many come from WordNet sets)
            entry["g"] = f"{group}/{kind}"
            if objs:
                entry["obj"] = objs
            if not_obj:
                entry["not_obj"] = not_obj
            entry["t"] = group
            out.setdefault(group, []).append(entry)
            stats[f"verb converted ({kind})"] += 1
            regular = {f.lower() for f in forms if f.isalpha()}
            if regular:
                irregular[lemma] = sorted(regular)
    return out, irregular, stats, objects


def dump(data: dict) -> str:
    """JSON with one entry (or one group, one irregular verb) a line: readable diffs, a small file."""
    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=False)

    lines = ["{"]
    keys = list(data)
    for n, key in enumerate(keys):
        value = data[key]
        end = "," if n < len(keys) - 1 else ""
        if isinstance(value, dict) and key in {"groups", "irregular", "objects"}:
            inner = [f"  {one(k)}: {one(v)}" for k, v in value.items()]
            lines.append(f" {one(key)}: {{\n" + ",\n".join(inner) + f"\n }}{end}")
        elif isinstance(value, dict) and key == "types":
            blocks = []
            for t, entries in value.items():
                body = ",\n".join(f"   {one(e)}" for e in entries)
                blocks.append(f"  {one(t)}: [\n{body}\n  ]")
            lines.append(f" {one(key)}: {{\n" + ",\n".join(blocks) + f"\n }}{end}")
        else:
            lines.append(f" {one(key)}: {one(value)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO)
    ap.add_argument("--output", type=Path, default=DATA / "triggers_cameo.json")
    ap.add_argument("--keep", default=None,
                    help="comma-separated groups (TYPE/coded, TYPE/synonym, TYPE/objects) switched on (default: as recorded in the output)")
    ap.add_argument("--report", action="store_true", help="print what was converted and skipped")
    args = ap.parse_args(argv)
    if not args.cameo.is_file():
        print(f"no CAMEO dictionary at {args.cameo}", file=sys.stderr)  # noqa: T201 - a tool's own output
        return 2
    hand = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))
    ontology = json.loads((DATA / "plover.json").read_text(encoding="utf-8"))
    modes = {t: set(v.get("modes", ())) for t, v in ontology["types"].items()}
    crosswalk = Crosswalk(DATA / "cameo2plover.json")
    types, irregular, stats, objects = convert(args.cameo, crosswalk, hand, modes)
    previous = json.loads(args.output.read_text(encoding="utf-8")) if args.output.is_file() else {}
    groups = previous.get("groups", {})
    names = sorted({e["g"] for entries in types.values() for e in entries}
                   | {f"{t}/hand-objects" for objs in objects.values() for t, _code in objs.values()})
    if args.keep is not None:
        keep = {k.strip() for k in args.keep.split(",") if k.strip()}
        groups = {g: {**groups.get(g, {}), "keep": g in keep} for g in names}
    groups = {g: groups.get(g, {"keep": False, "measured": "not measured"}) for g in names}
    data = {
        "version": "1",
        "about": ("Trigger entries converted by tools/cameo_lexicon.py from the CAMEO verb dictionary of "
                  "PETRARCH2: CAMEO verbs that triggers.json lacks, with their CAMEO code mapped to a PLOVER "
                  "type and mode by cameo2plover.json, and the objects their patterns name. Entry fields as "
                  "in triggers.json, plus 'cameo' (the verb's CAMEO code, '---' when only its objects give "
                  "a type) and 'g', its group: the PLOVER type and 'coded' (a code on the verb's own line, "
                  "or the head verb of its block), 'synonym' (another verb of the block) or 'objects' (a "
                  "verb that only its objects give a type). 'objects': for hand-lexicon verbs that need a listed object, "
                  "the objects of their CAMEO block with their PLOVER type and CAMEO code (group 'TYPE/hand-objects': "
                  "added to the hand entry's objects, never replacing one). 'groups' switches each group on or off, with the measured "
                  "effect that decided it (docs/evaluation.md). Regenerate with the tool; do not edit the "
                  "entries by hand."),
        "licence": MIT_NOTICE,
        "groups": dict(sorted(groups.items())),
        "measured_all": previous.get("measured_all", "not measured"),
        "irregular": dict(sorted(irregular.items())),
        "objects": {w: dict(sorted(o.items())) for w, o in sorted(objects.items())},
        "types": {t: sorted(v, key=lambda e: e["w"]) for t, v in sorted(types.items())},
    }
    args.output.write_text(dump(data), encoding="utf-8")
    if args.report:
        for k, v in sorted(stats.items()):
            print(f"{v:6d}  {k}")  # noqa: T201
        for t, v in sorted(types.items()):
            print(f"{t:10s} {len(v):4d}  " + ", ".join(e["w"] for e in v[:40]))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
