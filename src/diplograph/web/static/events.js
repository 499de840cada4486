// Event search: filters in the form (and the URL), results page by page with the API's cursor.
"use strict";

(() => {
  const { el, api, clear } = dg;
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const MODALITIES = ["asserted", "planned", "hypothetical", "negated", "background"];
  const FIELDS = ["actor", "recipient", "party", "type", "modality", "context", "since", "until", "q"];
  const form = document.getElementById("event-form");
  const results = document.getElementById("results");
  const more = document.getElementById("more");
  const summary = document.getElementById("summary");
  let cursor = null;
  let shown = 0;
  let tbody = null;

  function filters() {
    const values = {};
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) values[name] = value;
    }
    return values;
  }

  function row(event) {
    const conflict = event.quad_class === 3 || event.quad_class === 4;
    return el("tr", { class: conflict ? "row-conflict" : "row-coop", dataset: { eventId: event.id } },
      el("td", {}, event.date || (event.published ? `(${event.published})` : "—")),
      el("td", {}, dg.actorLabel(event.actor)),
      el("td", {}, `${event.event}${event.mode ? ` (${event.mode})` : ""}`),
      el("td", {}, dg.actorLabel(event.recipient)),
      el("td", {}, event.modality),
      el("td", { class: "sentence" }, event.sentence, " ",
        el("a", { href: dg.documentPath(event.doc_id, { sentence: event.sentence, start: event.sentence_start }),
          class: "doc-link" }, "document")));
  }

  async function search(fresh) {
    const params = filters();
    if (fresh) {
      cursor = null;
      shown = 0;
      clear(results);
      tbody = el("tbody");
      results.appendChild(el("table", { class: "events" },
        el("thead", {}, el("tr", {}, ["Date", "Actor", "Event", "Recipient", "Modality", "Sentence"].map((h) => el("th", {}, h)))),
        tbody));
      dg.setQuery(Object.fromEntries(FIELDS.map((name) => [name, params[name] || null])));
    }
    results.dataset.state = "loading";
    try {
      const page = await api("/api/events", { ...params, limit: 50, cursor });
      for (const event of page.items) tbody.appendChild(row(event));
      shown += page.items.length;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      summary.textContent = shown ? `${shown} event${shown === 1 ? "" : "s"}${cursor ? " (more available)" : ""}` : "No events match.";
      results.dataset.state = "ready";
    } catch (error) {
      dg.showError(results, error);
      summary.textContent = "";
      more.hidden = true;
      results.dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const type of TYPES) form.elements.type.appendChild(el("option", { value: type }, type));
    for (const modality of MODALITIES) form.elements.modality.appendChild(el("option", { value: modality }, modality));
    for (const name of FIELDS) {
      const value = dg.query(name);
      if (value) form.elements[name].value = value;
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      search(true);
    });
    more.addEventListener("click", () => search(false));
    search(true);
  });
})();
