// Pair page: the framework in force on a date with its evidence, a strip of event reports per
// month, and a timeline of framework levels (bands coloured by tier) and events (cooperation
// green, conflict red). The history comes from the API a page at a time (a big pair has tens of
// thousands of events): the first page on load, the next ones with "Load more".
"use strict";

(() => {
  const { el, api, clear, tierBadge, evidenceSource, TIER_NAMES } = dg;
  const [first, second] = dg.pathArgs();
  const pairApi = `/api/pairs/${encodeURIComponent(first)}/${encodeURIComponent(second)}`;
  const dateInput = document.getElementById("as-of");
  const entriesBox = document.getElementById("entries");
  const timelineBox = document.getElementById("timeline");
  const densityBox = document.getElementById("density");
  const countLine = document.getElementById("entries-count");
  const moreButtons = [document.getElementById("more-entries"), document.getElementById("more-entries-below")];
  // what has been loaded of the pair's history: pages are only ever appended, so an entry's index
  // in `entries` is stable and names its timeline item
  const loaded = { a: first, b: second, entries: [], months: null, cursor: null, pages: 0, busy: false };
  let timelineWidget = null;
  let timelineItems = null;
  let timelineMoved = false; // the reader zoomed or panned: a new page must not reset the view

  function text(value) {
    // vis-timeline renders strings as HTML: give it DOM nodes built from text instead
    return el("span", {}, value);
  }

  function plural(n, word, words) {
    return `${n.toLocaleString("en")} ${n === 1 ? word : (words || `${word}s`)}`;
  }

  function sum(rows, value) {
    return rows.reduce((total, row) => total + value(row), 0);
  }

  /** The date of the last loaded entry that has one (null: none has). */
  function lastDate() {
    for (let index = loaded.entries.length - 1; index >= 0; index -= 1) {
      if (loaded.entries[index].date) return loaded.entries[index].date;
    }
    return null;
  }

  /** The API's list of every framework fact of the pair, each with its evidence count and a
   * cursor for the evidence records beyond the first few. */
  function factsHref(a, b) {
    return `/api/facts?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  }

  /** The API's pages of one fact's evidence records. */
  function evidenceHref(factId) {
    return `/api/facts/${encodeURIComponent(factId)}/evidence?limit=200`;
  }

  /** How many reports stand behind an entry (its evidence list may be cut short by the API). */
  function reportCount(entry) {
    return entry.evidence_total ?? (entry.evidence || []).length;
  }

  function evidenceItem(item) {
    return el("li", { class: `tier-${item.tier || "none"}` },
      item.sentence ? el("blockquote", { class: "sentence" }, `“${item.sentence}”`) : null,
      el("div", { class: "muted" },
        item.label ? `${item.label}${item.date ? ` · ${item.date}` : ""} · ` : "",
        evidenceSource(item),
        item.in_title ? " · in the headline" : ""));
  }

  /** " (+N more)" when a list holds fewer items than the API counted. */
  function moreThan(shown, total) {
    return total > shown ? ` (+${total - shown} more)` : "";
  }

  function renderState(data, names) {
    const box = clear(document.getElementById("state"));
    const state = data.state;
    if (!state || !state.tier) {
      box.appendChild(el("p", {}, `No partnership framework between ${names[data.a]} and ${names[data.b]} is known on ${data.as_of}.`));
      return;
    }
    const totals = state.totals || {};
    const pending = state.pending || [];
    const disagreements = state.conflicts_with_reference || [];
    box.appendChild(el("dl", {},
      el("dt", {}, "Framework"), el("dd", {}, tierBadge(state.tier), " ", state.label || ""),
      el("dt", {}, "Tier"), el("dd", {}, TIER_NAMES[state.tier] || state.tier),
      el("dt", {}, "Since"), el("dd", {}, state.since || (state.in_force_by ? `in force by ${state.in_force_by}` : "unknown")),
      state.labels && state.labels.length ? [el("dt", {}, "Also"), el("dd", {}, state.labels.join("; "))] : [],
      el("dt", {}, "Sources"), el("dd", {}, `${state.sources} independent (${state.articles} articles${state.reference ? ", reference table" : ""})`),
      pending.length
        ? [el("dt", {}, "Intended"), el("dd", {}, pending.map((p) => `${p.label} (${p.date || "undated"})`).join("; "),
          moreThan(pending.length, totals.pending || 0))] : [],
      disagreements.length
        ? [el("dt", {}, "Disagreement"), el("dd", { class: "error" },
          disagreements.map((c) => c.problem || "news and the reference table disagree").join("; "),
          moreThan(disagreements.length, totals.conflicts_with_reference || 0))] : [],
    ));
  }

  function renderEvidence(data) {
    const target = clear(document.getElementById("evidence-list"));
    const state = data.state;
    const items = (state && state.evidence) || [];
    if (!items.length) {
      target.appendChild(el("p", { class: "muted" }, "No evidence for a framework on this date."));
      return;
    }
    target.appendChild(el("ul", { class: "evidence-list" }, items.map(evidenceItem)));
    const total = (state.totals && state.totals.evidence) ?? state.evidence_total ?? items.length;
    if (total > items.length) {
      target.appendChild(el("p", { class: "more-reports", dataset: { more: total - items.length } },
        `${plural(total - items.length, "more report")} not shown here: `,
        el("a", { href: factsHref(data.a, data.b) }, "the facts and their evidence (JSON)")));
    }
  }

  function eventClass(entry) {
    if (entry.quad_class === 3 || entry.quad_class === 4) return "conflict";
    return "coop";
  }

  /** Timeline items: every framework band (a new page may end the last band) and the points of
   * the entries from ``start`` on. */
  function timelineItemsFrom(start) {
    const entries = loaded.entries;
    const items = [];
    const levels = entries.filter((e) => e.kind === "framework" && e.date && ["established", "ended"].includes(e.status));
    levels.forEach((entry, index) => {
      if (entry.status === "ended") return;
      const next = levels[index + 1]; // a relabel within the tier ends this band too
      items.push({
        id: `f${index}`, group: "framework", start: entry.date, end: next ? next.date : dg.today(), type: "range",
        className: `tier-${entry.tier}`, content: text(`${entry.label} (${entry.change})`),
        title: text(`${entry.date}: ${entry.label}, ${TIER_NAMES[entry.tier] || entry.tier}`),
      });
    });
    for (let index = start; index < entries.length; index += 1) {
      const entry = entries[index];
      if (entry.kind === "framework" && entry.status === "intended" && entry.date) {
        items.push({ id: `i${index}`, group: "framework", start: entry.date, type: "point", className: "intention",
          content: text(`intended: ${entry.label}`) });
      }
      if (entry.kind === "event" && entry.date) {
        const kind = eventClass(entry);
        const sentence = (entry.evidence && entry.evidence[0] && entry.evidence[0].sentence) || "";
        items.push({
          id: `e${index}`, group: kind === "conflict" ? "conflict" : "cooperation", start: entry.date, type: "box",
          className: kind, content: text(`${entry.event} ${dg.actorLabel(entry.actor)} → ${dg.actorLabel(entry.recipient)}`),
          title: text(sentence),
        });
      }
    }
    return items;
  }

  function renderTimeline(start) {
    const items = timelineItemsFrom(start);
    if (timelineWidget) {
      timelineItems.update(items);
      if (!timelineMoved) timelineWidget.fit({ animation: false });
    } else if (items.length) {
      const groups = [
        { id: "framework", content: text("Framework") },
        { id: "cooperation", content: text("Cooperation") },
        { id: "conflict", content: text("Conflict") },
      ];
      clear(timelineBox);
      timelineItems = new vis.DataSet(items);
      timelineWidget = new vis.Timeline(timelineBox, timelineItems, new vis.DataSet(groups), {
        stack: true, zoomable: true, orientation: "top", margin: { item: 6 }, tooltip: { followMouse: true, delay: 150 },
      });
      timelineWidget.on("rangechanged", (change) => {
        if (change.byUser) timelineMoved = true;
      });
    } else {
      clear(timelineBox).appendChild(el("p", { class: "muted" },
        loaded.cursor ? "Nothing dated on the pages loaded so far." : "Nothing dated to show."));
    }
    timelineBox.dataset.state = "ready";
    timelineBox.dataset.items = String(timelineItems ? timelineItems.length : 0);
  }

  /** Show one month of the timeline (a click on the density strip). */
  function showMonth(month) {
    if (!timelineWidget) return;
    const [year, number] = month.split("-").map(Number);
    timelineMoved = true;
    timelineWidget.setWindow(new Date(Date.UTC(year, number - 1, 1)), new Date(Date.UTC(year, number, 1)),
      { animation: false });
  }

  /** The leading sentence of an entry, and the rest of its reports folded away. */
  function rowEvidence(entry) {
    const records = entry.evidence || [];
    const total = reportCount(entry);
    const lead = records.find((record) => record.sentence) || records[0] || null;
    const others = records.filter((record) => record !== lead);
    const unsent = total - records.length; // reports the API counted but did not send
    const parts = [];
    if (lead && lead.sentence) {
      parts.push(el("br"), el("span", { class: "muted" }, lead.sentence),
        lead.doc_id ? [" ", el("a", { href: dg.documentPath(lead.doc_id, { sentence: lead.sentence }), class: "doc-link" },
          "document")] : []);
    } else if (lead) {
      parts.push(el("br"), el("span", { class: "muted" }, evidenceSource(lead)));
    }
    const more = total - (lead ? 1 : 0);
    if (more > 0 && (others.length || unsent > 0)) {
      const full = entry.kind === "framework"
        ? (entry.fact_id ? evidenceHref(entry.fact_id) : factsHref(loaded.a, loaded.b))
        : `/events?party=${encodeURIComponent(loaded.a)}&type=${encodeURIComponent(entry.event)}`;
      parts.push(el("details", { class: "more-reports", dataset: { more } },
        el("summary", {}, plural(more, "more report")),
        others.length ? el("ul", { class: "evidence-list" }, others.map(evidenceItem)) : null,
        unsent > 0 ? el("p", {}, `${plural(unsent, "report")} not listed here: `,
          el("a", { href: full }, entry.kind === "framework" ? "all evidence (JSON)" : "search the events")) : null));
    }
    return parts;
  }

  function entryRow(entry) {
    const attrs = (kindClass) => ({
      class: kindClass, dataset: { kind: entry.kind, date: entry.date || "", key: entry.fact_id || entry.event_id || "" },
    });
    if (entry.kind === "framework") {
      return el("tr", attrs("row-framework"),
        el("td", {}, entry.date || "undated"),
        el("td", {}, tierBadge(entry.tier), ` ${entry.change}`),
        el("td", {}, `${entry.label} (${entry.status})`, rowEvidence(entry)),
        el("td", {}, `${entry.sources}${entry.reference ? " (ref)" : ""}`));
    }
    return el("tr", attrs(`row-${eventClass(entry)}`),
      el("td", {}, entry.date || "undated"),
      el("td", {}, `${entry.event}${entry.mode ? ` (${entry.mode})` : ""}`),
      el("td", {}, `${dg.actorLabel(entry.actor)} → ${dg.actorLabel(entry.recipient)} · ${entry.modality}`,
        rowEvidence(entry)),
      el("td", {}, String(entry.sources)));
  }

  function appendRows(entries) {
    let body = document.getElementById("entries-body");
    if (!body) {
      clear(entriesBox);
      if (!entries.length && !loaded.cursor) {
        entriesBox.appendChild(el("p", { class: "muted" }, "No history recorded for this pair."));
        return;
      }
      body = el("tbody", { id: "entries-body" });
      entriesBox.appendChild(el("table", {},
        el("thead", {}, el("tr", {}, ["Date", "What", "Detail", "Sources"].map((h) => el("th", {}, h)))), body));
    }
    for (const entry of entries) body.appendChild(entryRow(entry));
  }

  /** The honest count: event reports shown out of the pair's total (from the monthly counts). */
  function renderCount() {
    const events = loaded.entries.filter((e) => e.kind === "event");
    const dated = events.filter((e) => e.date);
    const shown = sum(dated, reportCount);
    const undated = sum(events.filter((e) => !e.date), reportCount);
    const frameworks = loaded.entries.length - events.length;
    const total = loaded.months ? sum(loaded.months, (m) => m.events) : null;
    const through = lastDate();
    const merged = `${plural(dated.length, "event")} after merging; ${plural(frameworks, "framework entry", "framework entries")}`;
    let line;
    if (total === null) line = `${plural(shown, "dated event report")} shown (${merged})`;
    else if (loaded.cursor) {
      line = `Showing ${shown.toLocaleString("en")} of ${plural(total, "dated event report")} (${merged})` +
        `${through ? `, up to ${through}` : ""}. Load more for the rest.`;
    } else if (shown === total) line = `Showing all ${plural(total, "dated event report")} (${merged}).`;
    else line = `Showing ${plural(shown, "dated event report")} (${merged}); the monthly counts list ${total.toLocaleString("en")}.`;
    if (undated) line += ` Also ${plural(undated, "undated report")}.`;
    countLine.classList.remove("error");
    countLine.textContent = line;
    countLine.dataset.shown = String(shown);
    if (total !== null) countLine.dataset.total = String(total);
  }

  function updatePager() {
    for (const button of moreButtons) {
      button.hidden = !loaded.cursor;
      button.disabled = loaded.busy;
    }
  }

  function timelineParams(cursor) {
    const params = { cursor, limit: dg.query("limit") };
    for (const name of ["since", "until"]) {
      const value = dg.query(name);
      if (dg.isDay(value)) params[name] = value;
    }
    return params;
  }

  function addPage(data) {
    const start = loaded.entries.length;
    for (const entry of data.entries) loaded.entries.push(entry);
    loaded.cursor = data.next_cursor || null;
    loaded.pages += 1;
    renderTimeline(start);
    appendRows(data.entries);
    renderCount();
    updatePager();
    dgDensity.markLoaded(densityBox, loaded.cursor ? (lastDate() || "0000") : null);
    entriesBox.dataset.pages = String(loaded.pages);
    entriesBox.dataset.rows = String(loaded.entries.length);
    entriesBox.dataset.state = "ready";
    window.dgPair = { loaded, timeline: timelineWidget };
  }

  async function loadMore() {
    if (loaded.busy || !loaded.cursor) return;
    loaded.busy = true;
    entriesBox.dataset.state = "loading";
    updatePager();
    try {
      addPage(await api(`${pairApi}/timeline`, timelineParams(loaded.cursor)));
    } catch (error) {
      countLine.textContent = `Could not load more: ${error.message || error}`;
      countLine.classList.add("error");
      entriesBox.dataset.state = "error";
    } finally {
      loaded.busy = false;
      updatePager();
    }
  }

  async function loadState() {
    const asOf = dateInput.value;
    if (!dg.isDay(asOf)) return;
    try {
      const data = await api(pairApi, { as_of: asOf });
      renderState(data, data.names);
      renderEvidence(data);
      dg.setQuery({ as_of: asOf });
      document.getElementById("evidence-section").dataset.state = "ready";
      if (window.location.hash === "#evidence") document.getElementById("evidence").scrollIntoView();
    } catch (error) {
      dg.showError(document.getElementById("state"), error);
    }
  }

  async function loadTimeline() {
    try {
      const data = await api(`${pairApi}/timeline`, timelineParams(null));
      const names = data.names;
      loaded.a = data.a;
      loaded.b = data.b;
      loaded.months = data.months || null;
      document.getElementById("title").textContent = `${names[data.a]} – ${names[data.b]}`;
      document.title = `${names[data.a]} – ${names[data.b]} · diplograph`;
      const swap = document.getElementById("swap-country");
      swap.textContent = `all partners of ${names[data.b]}`;
      swap.setAttribute("href", `/country/${encodeURIComponent(data.b)}?as_of=${dateInput.value}`);
      if (loaded.months) dgDensity.render(densityBox, loaded.months, showMonth);
      else {
        clear(densityBox).appendChild(el("p", { class: "muted" }, "No monthly counts for this view."));
        densityBox.dataset.state = "ready";
      }
      addPage(data);
    } catch (error) {
      dg.showError(entriesBox, error);
      timelineBox.dataset.state = "error";
      densityBox.dataset.state = "error";
      entriesBox.dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    dateInput.value = dg.queryDay("as_of", dg.today());
    dateInput.addEventListener("change", loadState);
    document.getElementById("as-of-form").addEventListener("submit", (event) => {
      event.preventDefault();
      loadState();
    });
    for (const button of moreButtons) button.addEventListener("click", loadMore);
    loadState();
    loadTimeline();
  });
})();
