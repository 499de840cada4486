// Pair page: the framework in force on a date with its evidence, and a timeline of framework
// levels (bands coloured by tier) and events (cooperation green, conflict red).
"use strict";

(() => {
  const { el, api, clear, tierBadge, evidenceSource, TIER_NAMES } = dg;
  const [first, second] = dg.pathArgs();
  const dateInput = document.getElementById("as-of");
  let timelineWidget = null;

  function text(value) {
    // vis-timeline renders strings as HTML: give it DOM nodes built from text instead
    return el("span", {}, value);
  }

  function evidenceItem(item) {
    return el("li", { class: `tier-${item.tier || "none"}` },
      item.sentence ? el("blockquote", { class: "sentence" }, `“${item.sentence}”`) : null,
      el("div", { class: "muted" },
        item.label ? `${item.label}${item.date ? ` · ${item.date}` : ""} · ` : "",
        evidenceSource(item),
        item.in_title ? " · in the headline" : ""));
  }

  function renderState(data, names) {
    const box = clear(document.getElementById("state"));
    const state = data.state;
    if (!state || !state.tier) {
      box.appendChild(el("p", {}, `No partnership framework between ${names[data.a]} and ${names[data.b]} is known on ${data.as_of}.`));
      return;
    }
    box.appendChild(el("dl", {},
      el("dt", {}, "Framework"), el("dd", {}, tierBadge(state.tier), " ", state.label || ""),
      el("dt", {}, "Tier"), el("dd", {}, TIER_NAMES[state.tier] || state.tier),
      el("dt", {}, "Since"), el("dd", {}, state.since || (state.in_force_by ? `in force by ${state.in_force_by}` : "unknown")),
      state.labels && state.labels.length ? [el("dt", {}, "Also"), el("dd", {}, state.labels.join("; "))] : [],
      el("dt", {}, "Sources"), el("dd", {}, `${state.sources} independent (${state.articles} articles${state.reference ? ", reference table" : ""})`),
      state.pending && state.pending.length
        ? [el("dt", {}, "Intended"), el("dd", {}, state.pending.map((p) => `${p.label} (${p.date || "undated"})`).join("; "))] : [],
      state.conflicts_with_reference && state.conflicts_with_reference.length
        ? [el("dt", {}, "Disagreement"), el("dd", { class: "error" }, state.conflicts_with_reference.map((c) => c.problem || "news and the reference table disagree").join("; "))] : [],
    ));
  }

  function renderEvidence(state) {
    const target = clear(document.getElementById("evidence-list"));
    const items = (state && state.evidence) || [];
    if (!items.length) {
      target.appendChild(el("p", { class: "muted" }, "No evidence for a framework on this date."));
      return;
    }
    target.appendChild(el("ul", { class: "evidence-list" }, items.map(evidenceItem)));
  }

  function eventClass(entry) {
    if (entry.quad_class === 3 || entry.quad_class === 4) return "conflict";
    return "coop";
  }

  function renderTimeline(entries) {
    const container = document.getElementById("timeline");
    const groups = [
      { id: "framework", content: text("Framework") },
      { id: "cooperation", content: text("Cooperation") },
      { id: "conflict", content: text("Conflict") },
    ];
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
    entries.forEach((entry, index) => {
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
    });
    if (timelineWidget) timelineWidget.destroy();
    clear(container);
    if (!items.length) {
      container.appendChild(el("p", { class: "muted" }, "Nothing dated to show."));
      container.dataset.state = "ready";
      return;
    }
    timelineWidget = new vis.Timeline(container, new vis.DataSet(items), new vis.DataSet(groups), {
      stack: true, zoomable: true, orientation: "top", margin: { item: 6 }, tooltip: { followMouse: true, delay: 150 },
    });
    container.dataset.state = "ready";
    container.dataset.items = String(items.length);
  }

  function renderEntries(entries) {
    const target = clear(document.getElementById("entries"));
    if (!entries.length) {
      target.appendChild(el("p", { class: "muted" }, "No history recorded for this pair."));
      return;
    }
    target.appendChild(el("table", {},
      el("thead", {}, el("tr", {}, ["Date", "What", "Detail", "Sources"].map((h) => el("th", {}, h)))),
      el("tbody", {}, entries.map((entry) => {
        if (entry.kind === "framework") {
          return el("tr", { class: `row-framework` },
            el("td", {}, entry.date || "undated"),
            el("td", {}, tierBadge(entry.tier), ` ${entry.change}`),
            el("td", {}, `${entry.label} (${entry.status})`),
            el("td", {}, `${entry.sources}${entry.reference ? " (ref)" : ""}`));
        }
        const sentence = entry.evidence && entry.evidence[0];
        return el("tr", { class: `row-${eventClass(entry)}` },
          el("td", {}, entry.date || "undated"),
          el("td", {}, `${entry.event}${entry.mode ? ` (${entry.mode})` : ""}`),
          el("td", {}, `${dg.actorLabel(entry.actor)} → ${dg.actorLabel(entry.recipient)} · ${entry.modality}`,
            sentence ? [el("br"), el("span", { class: "muted" }, sentence.sentence),
              sentence.doc_id ? [" ", el("a", { href: dg.documentPath(sentence.doc_id) }, "document")] : []] : []),
          el("td", {}, String(entry.sources)));
      }))));
  }

  async function loadState() {
    const asOf = dateInput.value;
    if (!dg.isDay(asOf)) return;
    try {
      const data = await api(`/api/pairs/${encodeURIComponent(first)}/${encodeURIComponent(second)}`, { as_of: asOf });
      renderState(data, data.names);
      renderEvidence(data.state);
      dg.setQuery({ as_of: asOf });
      document.getElementById("evidence-section").dataset.state = "ready";
      if (window.location.hash === "#evidence") document.getElementById("evidence").scrollIntoView();
    } catch (error) {
      dg.showError(document.getElementById("state"), error);
    }
  }

  async function loadTimeline() {
    try {
      const data = await api(`/api/pairs/${encodeURIComponent(first)}/${encodeURIComponent(second)}/timeline`);
      const names = data.names;
      document.getElementById("title").textContent = `${names[data.a]} – ${names[data.b]}`;
      document.title = `${names[data.a]} – ${names[data.b]} · diplograph`;
      const swap = document.getElementById("swap-country");
      swap.textContent = `all partners of ${names[data.b]}`;
      swap.setAttribute("href", `/country/${encodeURIComponent(data.b)}?as_of=${dateInput.value}`);
      renderTimeline(data.entries);
      renderEntries(data.entries);
    } catch (error) {
      dg.showError(document.getElementById("entries"), error);
      document.getElementById("timeline").dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const asked = dg.query("as_of");
    dateInput.value = dg.isDay(asked) ? asked : dg.today();
    dateInput.addEventListener("change", loadState);
    document.getElementById("as-of-form").addEventListener("submit", (event) => {
      event.preventDefault();
      loadState();
    });
    loadState();
    loadTimeline();
  });
})();
