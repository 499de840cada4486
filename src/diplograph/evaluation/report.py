"""The evaluation report as rich tables (the CLI prints them; this module only builds them)."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _of(value: float | None, numerator: int, denominator: int) -> str:
    return f"{_f(value)}  ({numerator}/{denominator})"


def _table(title: str, *columns: str, text_columns: int = 1) -> Table:
    """A table whose first ``text_columns`` columns are text (left) and the rest numbers (right)."""
    table = Table(title=title, title_justify="left")
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i < text_columns else "right", no_wrap=i == 0)
    return table


def events_summary(section: dict[str, Any]) -> Table:
    c, f = section["counts"], section["figures"]
    table = Table(title="events", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("articles / sentences", f"{c['articles']} / {c['sentences']}")
    table.add_row("gold events / system events", f"{c['gold_events']} / {c['system_events']}")
    table.add_row("precision (types per sentence)", _of(f["precision"], c["matched_system"], c["system_events"]))
    table.add_row("recall", _of(f["recall"], c["found"], c["gold_events"]))
    table.add_row("  of which headline events folded into the body", str(c["headline_folded"]))
    table.add_row("F1", _f(f["f1"]))
    table.add_row("dyad accuracy (found events)", _of(f["dyad_accuracy"], c["dyad_right"], c["found"]))
    table.add_row("sector accuracy (gold with sectors)", _of(f["sector_accuracy"], c["sector_right"], c["sector_gold"]))
    table.add_row("system events giving sectors", _of(f["sector_given_share"], c["system_with_sectors"],
                                                      c["system_events"]))
    table.add_row("modality accuracy", _of(f["modality_accuracy"], c["modality_right"], c["found"]))
    table.add_row("date accuracy (value and precision)", _of(f["date_accuracy"], c["date_right"], c["found"]))
    table.add_row("sentences without events that got one", _of(f["quiet_sentence_false_alarm_rate"],
                                                              c["quiet_sentences_with_system_events"],
                                                              c["quiet_sentences"]))
    return table


def events_by_type(section: dict[str, Any]) -> Table:
    table = _table("events by type", "type", "gold", "found", "recall", "system", "precision", "F1",
                   "false alarms", "confused as")
    table.columns[-1].justify = "left"
    for name, t in section["by_type"].items():
        confused = ", ".join(f"{k} {n}" for k, n in sorted(t["confused_as"].items(), key=lambda kv: -kv[1]))
        table.add_row(name, str(t["gold"]), str(t["found"]), _f(t["recall"]), str(t["system"]), _f(t["precision"]),
                      _f(t["f1"]), str(t["false_alarms"]), confused)
    return table


def event_errors(section: dict[str, Any], top: int = 12) -> Table:
    table = _table("event errors", "kind", "count")
    for kind, n in section["errors"].items():
        table.add_row(kind, str(n))
    for item in section["confusions"][:top]:
        table.add_row(f"  {item['gold']} -> {item['system']}", str(item["count"]))
    return table


def events_by_tag(section: dict[str, Any]) -> Table:
    table = _table("event recall by tag", "tag", "gold", "found", "recall", "dyad accuracy", "errors")
    table.columns[-1].justify = "left"
    for tag, t in section["by_tag"].items():
        errors = ", ".join(f"{k} {n}" for k, n in t["errors"].items())
        table.add_row(tag, str(t["gold"]), str(t["found"]), _f(t["recall"]), _f(t["dyad_accuracy"]), errors)
    return table


def frameworks_summary(section: dict[str, Any]) -> Table:
    c, f, up = section["counts"], section["figures"], section["false_upgrades"]
    table = Table(title="frameworks (per article, by pair and tier)", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("articles", str(c["articles"]))
    table.add_row("established precision", _of(f["established_precision"],
                                               c["established_hits"] + c["disagreement_in_title"],
                                               c["system_established"]))
    table.add_row("  of which headline disagreements kept in the title", str(c["disagreement_in_title"]))
    table.add_row("established recall", _of(f["established_recall"], c["established_hits"], c["gold_established"]))
    table.add_row("established F1", _f(f["established_f1"]))
    table.add_row("label match (found facts)", _of(f["label_accuracy"], c["label_right"], c["matched_facts"]))
    table.add_row("date accuracy (found facts)", _of(f["date_accuracy"], c["date_right"], c["matched_facts"]))
    table.add_row("intended facts not established", _of(f["intended_not_established_share"],
                                                        c["intended_not_established"], c["gold_intended"]))
    table.add_row("  intentions stored as established", _of(f["intended_established_share"],
                                                            c["gold_intended"] - c["intended_not_established"],
                                                            c["gold_intended"]))
    table.add_row("  found facts with a wrong date", _of(f["wrong_date_share"], c["matched_facts"] - c["date_right"],
                                                         c["matched_facts"]))
    table.add_row("existing recall", _of(f["existing_recall"], c["existing_found"], c["gold_existing"]))
    table.add_row("false upgrades", f"{c['false_upgrades']}  (gold: " + ", ".join(f"{k} {n}" for k, n in up.items()) + ")")
    return table


def frameworks_by_tag(section: dict[str, Any]) -> Table:
    table = _table("framework facts right, by tag", "tag", "facts", "right", "share")
    for tag, t in section["by_tag"].items():
        table.add_row(tag, str(t["facts"]), str(t["right"]), _f(t["share"]))
    return table


def by_article(report: dict[str, Any]) -> Table:
    table = _table("articles", "article", "gold", "found", "precision", "recall", "dyad", "est. P", "est. R",
                   "false upgrades")
    for item in report["articles"]:
        ev, fw = item["events"], item["frameworks"]
        table.add_row(item["id"], str(ev["counts"]["gold_events"]), str(ev["counts"]["found"]),
                      _f(ev["figures"]["precision"]), _f(ev["figures"]["recall"]), _f(ev["figures"]["dyad_accuracy"]),
                      _f(fw["figures"]["established_precision"]), _f(fw["figures"]["established_recall"]),
                      str(fw["counts"]["false_upgrades"]))
    return table


def error_details(report: dict[str, Any]) -> Table:
    table = _table("errors by article", "article", "where", "kind", "gold", "system", text_columns=5)
    for item in report["articles"]:
        details = item.get("error_list") or {}
        for e in details.get("events", []):
            table.add_row(item["id"], f"s{e['sentence']}", e["kind"], e["gold"] or "", e["system"] or "")
        for e in details.get("frameworks", []):
            gold = e.get("gold")
            system = e.get("system")
            table.add_row(item["id"], f"{e['pair']} {e['tier']}", e["kind"], str(gold or ""),
                          ", ".join(system) if isinstance(system, list) else str(system or ""))
    return table


def skipped(report: dict[str, Any]) -> Table:
    table = _table(f"skipped ({len(report['skipped'])})", "file", "reason", text_columns=2)
    for item in report["skipped"]:
        table.add_row(item["path"], item["reason"])
    return table


def tables(report: dict[str, Any], *, by_tag: bool = False, articles: bool = False) -> list[Table]:
    """The tables of one report (``Evaluation.to_dict()``), in reading order."""
    out: list[Table] = []
    if report["articles"]:
        ev, fw = report["events"], report["frameworks"]
        out += [events_summary(ev), events_by_type(ev), event_errors(ev)]
        if by_tag and ev["by_tag"]:
            out.append(events_by_tag(ev))
        out.append(frameworks_summary(fw))
        if by_tag and fw["by_tag"]:
            out.append(frameworks_by_tag(fw))
        if articles:
            out.append(by_article(report))
        if any(item.get("error_list") for item in report["articles"]):
            out.append(error_details(report))
    if report["skipped"]:
        out.append(skipped(report))
    return out
