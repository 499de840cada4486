// What changed: framework changes and notable events between two dates.
"use strict";

(() => {
  const { el, api, clear, tierBadge } = dg;
  const since = document.getElementById("since");
  const until = document.getElementById("until");
  const includeReference = document.getElementById("include-reference");
  const summary = document.getElementById("summary");

  function yearBefore(day) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() - 1);
    return date.toISOString().slice(0, 10);
  }

  function renderFrameworks(entries) {
    const target = clear(document.getElementById("frameworks"));
    if (!entries.length) {
      target.appendChild(el("p", { class: "muted" }, "No framework changes in this period."));
      return;
    }
    target.appendChild(el("table", { class: "changes" },
      el("thead", {}, el("tr", {}, ["Date", "Pair", "Change", "Framework", "Sources", "Evidence"].map((h) => el("th", {}, h)))),
      el("tbody", {}, entries.map((entry) => {
        const first = (entry.evidence || []).find((e) => e.sentence);
        return el("tr", { dataset: { pair: `${entry.a}-${entry.b}` } },
          el("td", {}, entry.date || "—"),
          el("td", {}, el("a", { href: dg.pairPath(entry.a, entry.b, entry.date && entry.date.length === 10 ? entry.date : null) },
            `${entry.a}–${entry.b}`)),
          el("td", {}, entry.change),
          el("td", {}, tierBadge(entry.tier), ` ${entry.label} (${entry.status})`),
          el("td", {}, `${entry.sources}${entry.reference ? " (ref)" : ""}`),
          el("td", {}, first ? [first.sentence, " ", dg.evidenceSource(first)]
            : (entry.evidence || []).slice(0, 1).map(dg.evidenceSource)));
      }))));
  }

  function renderEvents(entries) {
    const target = clear(document.getElementById("events"));
    if (!entries.length) {
      target.appendChild(el("p", { class: "muted" }, "No notable events in this period."));
      return;
    }
    target.appendChild(el("table", {},
      el("thead", {}, el("tr", {}, ["Date", "Event", "Parties", "Sources", "Sentence"].map((h) => el("th", {}, h)))),
      el("tbody", {}, entries.map((entry) => {
        const sentence = entry.evidence && entry.evidence[0];
        const conflict = entry.quad_class === 3 || entry.quad_class === 4;
        return el("tr", { class: conflict ? "row-conflict" : "row-coop" },
          el("td", {}, entry.date || "—"),
          el("td", {}, `${entry.event}${entry.mode ? ` (${entry.mode})` : ""}`),
          el("td", {}, `${dg.actorLabel(entry.actor)} → ${dg.actorLabel(entry.recipient)}`),
          el("td", {}, String(entry.sources)),
          el("td", {}, sentence ? [sentence.sentence, " ", sentence.doc_id
            ? el("a", { href: dg.documentPath(sentence.doc_id, { sentence: sentence.sentence }), class: "doc-link" },
              "document") : null] : ""));
      }))));
  }

  async function load() {
    if (!dg.isDay(since.value) || !dg.isDay(until.value)) return;
    const box = document.getElementById("frameworks");
    try {
      const data = await api("/api/changes", { since: since.value, until: until.value,
        include_reference: includeReference.checked ? "true" : "false" });
      summary.textContent = `${data.frameworks.length} framework change${data.frameworks.length === 1 ? "" : "s"} and ${data.events.length} notable event${data.events.length === 1 ? "" : "s"} from ${data.since} to ${data.until}`;
      renderFrameworks(data.frameworks);
      renderEvents(data.events);
      dg.setQuery({ since: data.since, until: data.until });
      box.dataset.state = "ready";
    } catch (error) {
      summary.textContent = "";
      dg.showError(box, error);
      box.dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const askedUntil = dg.query("until");
    const askedSince = dg.query("since");
    until.value = dg.isDay(askedUntil) ? askedUntil : dg.today();
    since.value = dg.isDay(askedSince) ? askedSince : yearBefore(until.value);
    document.getElementById("period-form").addEventListener("submit", (event) => {
      event.preventDefault();
      load();
    });
    includeReference.addEventListener("change", load);
    load();
  });
})();
