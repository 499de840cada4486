// Countries: every country and organisation the knowledge base holds frameworks or events of,
// each a link to its partners page.
"use strict";

(() => {
  const { el, api, clear } = dg;
  const box = document.getElementById("countries");
  const filter = document.getElementById("filter");
  const includeReference = document.getElementById("include-reference");
  const summary = document.getElementById("summary");
  let rows = [];

  function render() {
    const wanted = filter.value.trim().toLowerCase();
    const shown = rows.filter((row) => !wanted || row.name.toLowerCase().includes(wanted)
      || row.code.toLowerCase() === wanted);
    clear(box);
    if (!rows.length) {
      box.appendChild(el("p", { class: "muted" }, "The knowledge base holds no frameworks or events yet."));
      return;
    }
    box.appendChild(el("table", { class: "countries" },
      el("thead", {}, el("tr", {}, el("th", {}, "Country or organisation"), el("th", {}, "Code"),
        el("th", {}, "Framework partners"), el("th", {}, "Event reports"))),
      el("tbody", {}, shown.map((row) => el("tr", { dataset: { code: row.code } },
        el("td", {}, el("a", { href: `/country/${encodeURIComponent(row.code)}` }, row.name)),
        el("td", { class: "muted" }, row.code),
        el("td", {}, String(row.partners)),
        el("td", {}, String(row.events)))))));
    summary.textContent = shown.length === rows.length ? `${rows.length} countries and organisations`
      : `${shown.length} of ${rows.length} countries and organisations`;
  }

  async function load() {
    box.dataset.state = "loading";
    try {
      const data = await api("/api/countries", { include_reference: includeReference.checked ? "true" : "false" });
      rows = data.countries;
      render();
      box.dataset.state = "ready";
    } catch (error) {
      summary.textContent = "";
      dg.showError(box, error);
      box.dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    filter.addEventListener("input", render);
    includeReference.addEventListener("change", load);
    document.getElementById("countries-form").addEventListener("submit", (event) => event.preventDefault());
    load();
  });
})();
