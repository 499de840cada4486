// What changed: framework changes and notable events between two dates, a page at a time (the API
// gives at most 100 entries a page, oldest first; "Load more" follows its cursor).
"use strict";

(() => {
  const { el, api, clear, tierBadge } = dg;
  const since = document.getElementById("since");
  const until = document.getElementById("until");
  const includeReference = document.getElementById("include-reference");
  const summary = document.getElementById("summary");
  const more = document.getElementById("more");
  const pagerStatus = document.getElementById("pager-status");
  // what is shown: the period asked for, the entries loaded so far, the cursor of the next page
  let loaded = null;
  let request = 0;
  // entries a page (the API's default, 100, unless the address asks for fewer: ?limit=)
  const limit = /^\d+$/.test(dg.query("limit") || "") ? dg.query("limit") : null;

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

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
  }

  function render() {
    const { data, frameworks, events, next } = loaded;
    const period = `from ${data.since} to ${data.until}`;
    summary.textContent = next
      ? `${plural(frameworks.length, "framework change")} and ${plural(events.length, "notable event")} so far, ${period}`
      : `${plural(frameworks.length, "framework change")} and ${plural(events.length, "notable event")} ${period}`;
    renderFrameworks(frameworks);
    renderEvents(events);
    more.hidden = !next;
    const last = [...frameworks, ...events].map((entry) => entry.date || "").sort().pop();
    pagerStatus.textContent = next ? `Shown up to ${last || "the first dates"}; load more for the rest.` : "";
  }

  async function load() {
    if (!dg.isDay(since.value) || !dg.isDay(until.value)) return;
    const box = document.getElementById("frameworks");
    const mine = ++request;
    box.dataset.state = "loading";
    try {
      const data = await api("/api/changes", { since: since.value, until: until.value, limit,
        include_reference: includeReference.checked ? "true" : "false" });
      if (mine !== request) return;
      loaded = { data, frameworks: data.frameworks, events: data.events, next: data.next_cursor };
      render();
      dg.setQuery({ since: data.since, until: data.until });
      box.dataset.state = "ready";
    } catch (error) {
      if (mine !== request) return;
      summary.textContent = "";
      more.hidden = true;
      dg.showError(box, error);
      box.dataset.state = "error";
    }
  }

  async function loadMore() {
    if (!loaded || !loaded.next) return;
    const mine = request;
    more.disabled = true;
    try {
      const data = await api("/api/changes", { since: loaded.data.since, until: loaded.data.until, limit,
        include_reference: includeReference.checked ? "true" : "false", cursor: loaded.next });
      if (mine !== request) return;
      loaded.frameworks = loaded.frameworks.concat(data.frameworks);
      loaded.events = loaded.events.concat(data.events);
      loaded.next = data.next_cursor;
      render();
    } catch (error) {
      pagerStatus.textContent = error.message;
    } finally {
      more.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    until.value = dg.queryDay("until", dg.today());
    since.value = dg.queryDay("since", yearBefore(until.value));
    document.getElementById("period-form").addEventListener("submit", (event) => {
      event.preventDefault();
      load();
    });
    includeReference.addEventListener("change", load);
    more.addEventListener("click", loadMore);
    load();
  });
})();
