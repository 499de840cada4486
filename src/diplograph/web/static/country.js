// Country page: partners by tier as of a date (date picker + slider), as a graph and a table.
// Every edge, node and row leads to the pair page's evidence section.
"use strict";

(() => {
  const { el, api, clear, pairPath, tierBadge, TIER_NAMES, TIER_ORDER } = dg;
  const FIRST_DAY = Date.UTC(1990, 0, 1);
  const DAY_MS = 86400000;
  const TIER_COLOURS = { CSP: "#8b1e3f", SP: "#d9822b", CP: "#2b6cb0", OTHER: "#718096" };

  const country = dg.pathArgs()[0] || "VNM";
  const dateInput = document.getElementById("as-of");
  const slider = document.getElementById("as-of-slider");
  const includeReference = document.getElementById("include-reference");
  const graph = document.getElementById("graph");
  const table = document.getElementById("partners");
  const summary = document.getElementById("summary");
  let cy = null;
  let request = 0;
  let timer = null;

  function dayIndex(text) {
    return Math.round((Date.parse(`${text}T00:00:00Z`) - FIRST_DAY) / DAY_MS);
  }

  function dayText(index) {
    return new Date(FIRST_DAY + index * DAY_MS).toISOString().slice(0, 10);
  }

  function evidenceHref(partner, asOf) {
    return `${pairPath(country, partner, asOf)}#evidence`;
  }

  /** One ring per tier (best tier innermost); each ring turned by its own offset so that an
   * edge to an outer partner does not run straight through an inner one. */
  function ringPositions(data) {
    const positions = { [data.country]: { x: 0, y: 0 } };
    const rings = TIER_ORDER.filter((tier) => data.partners.some((row) => row.tier === tier));
    rings.forEach((tier, ring) => {
      const members = data.partners.filter((row) => row.tier === tier);
      const radius = 120 + ring * 95 + Math.max(0, members.length - 12) * 6;
      const step = (2 * Math.PI) / members.length;
      const offset = -Math.PI / 2 + ring * 0.61;
      members.forEach((row, i) => {
        positions[row.partner] = { x: radius * Math.cos(offset + i * step), y: radius * Math.sin(offset + i * step) };
      });
    });
    return positions;
  }

  function renderGraph(data) {
    const elements = [{ data: { id: data.country, label: data.name || data.country, kind: "focus" } }];
    for (const row of data.partners) {
      elements.push({ data: { id: row.partner, label: row.name || row.partner, tier: row.tier, kind: "partner" } });
      elements.push({
        data: { id: `${data.country}-${row.partner}`, source: data.country, target: row.partner, tier: row.tier,
          partner: row.partner },
      });
    }
    if (cy) cy.destroy();
    cy = cytoscape({
      container: graph,
      elements,
      userZoomingEnabled: true,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, color: "#1a202c",
          width: 18, height: 18, "background-color": "#718096" } },
        { selector: "node[kind = 'focus']", style: { width: 34, height: 34, "background-color": "#1a202c",
          "font-size": 14, "font-weight": "bold" } },
        ...TIER_ORDER.map((tier) => ({ selector: `node[tier = '${tier}']`,
          style: { "background-color": TIER_COLOURS[tier] } })),
        { selector: "edge", style: { width: 2, "line-color": "#a0aec0", "curve-style": "straight" } },
        ...TIER_ORDER.map((tier) => ({ selector: `edge[tier = '${tier}']`,
          style: { "line-color": TIER_COLOURS[tier], width: tier === "CSP" ? 4 : tier === "SP" ? 3 : 2 } })),
        { selector: "edge:active, edge.hover", style: { "overlay-opacity": 0.2, "overlay-color": "#000" } },
      ],
      layout: { name: "preset", positions: ringPositions(data), fit: true, padding: 30, animate: false },
    });
    const asOf = data.as_of;
    cy.on("tap", "edge", (event) => window.location.assign(evidenceHref(event.target.data("partner"), asOf)));
    cy.on("tap", "node[kind = 'partner']", (event) => window.location.assign(evidenceHref(event.target.id(), asOf)));
    cy.on("mouseover", "edge, node[kind = 'partner']", (event) => {
      event.target.addClass("hover");
      graph.style.cursor = "pointer";
    });
    cy.on("mouseout", "edge, node[kind = 'partner']", (event) => {
      event.target.removeClass("hover");
      graph.style.cursor = "";
    });
    window.dgCountry = { cy, data };
  }

  /** "rung 2 of 8 on China's ladder" (or why the partner has no rung). */
  function rungTitle(data, row) {
    const steps = (data.ladder || []).length;
    const whose = data.own_ladder ? `${data.name}'s ladder` : "the default ladder";
    return row.rung ? `rung ${row.rung} of ${steps} on ${whose}` : `not ranked on ${whose}`;
  }

  function renderTable(data) {
    clear(table);
    for (const tier of TIER_ORDER) {
      const rows = data.partners.filter((row) => row.tier === tier);
      if (!rows.length) continue;
      const body = el("tbody", {}, rows.map((row) => el("tr", { dataset: { partner: row.partner, tier } },
        el("td", {}, el("a", { href: pairPath(country, row.partner, data.as_of) }, row.name || row.partner),
          " ", el("span", { class: "muted" }, row.partner)),
        el("td", { class: "rung", title: rungTitle(data, row) }, row.rung ? String(row.rung) : "–"),
        el("td", {}, row.label || ""),
        el("td", {}, row.since || (row.in_force_by ? `by ${row.in_force_by}` : "")),
        el("td", {}, el("a", { href: evidenceHref(row.partner, data.as_of), class: "evidence-link" },
          `${row.sources} source${row.sources === 1 ? "" : "s"}${row.reference ? " (ref)" : ""}`)),
      )));
      table.appendChild(el("table", { class: "partners", dataset: { tier } },
        el("caption", {}, tierBadge(tier), ` ${TIER_NAMES[tier]} (${rows.length})`),
        el("thead", {}, el("tr", {}, el("th", {}, "Partner"), el("th", {}, "Rung"), el("th", {}, "Label"), el("th", {}, "Since"),
          el("th", {}, "Evidence"))),
        body));
    }
    if (!data.partners.length) table.appendChild(el("p", { class: "muted" }, "No partnership frameworks known on this date."));
  }

  async function load() {
    const asOf = dateInput.value;
    if (!dg.isDay(asOf)) return;
    const mine = ++request;
    graph.dataset.state = "loading";
    try {
      const data = await api(`/api/countries/${encodeURIComponent(country)}/partners`,
        { as_of: asOf, include_reference: includeReference.checked ? "true" : "false", evidence: "false" });
      if (mine !== request) return; // a later date was asked for meanwhile
      document.getElementById("title").textContent = `Partners of ${data.name} (${data.country})`;
      document.title = `${data.name} · diplograph`;
      const top = data.partners.filter((row) => row.tier === "CSP").length;
      summary.textContent = `${data.partners.length} partners as of ${data.as_of}, ${top} at the top tier`;
      renderTable(data);
      renderGraph(data);
      graph.dataset.asOf = data.as_of;
      graph.dataset.state = "ready";
      dg.setQuery({ as_of: data.as_of, include_reference: includeReference.checked ? null : "false" });
    } catch (error) {
      if (mine !== request) return;
      graph.dataset.state = "error";
      dg.showError(table, error);
      summary.textContent = "";
    }
  }

  function legend() {
    const list = document.getElementById("legend");
    for (const tier of TIER_ORDER) {
      list.appendChild(el("li", {}, el("span", { class: `swatch tier-${tier}` }), TIER_NAMES[tier]));
    }
  }

  function setDate(text, fromSlider) {
    dateInput.value = text;
    if (!fromSlider) slider.value = String(dayIndex(text));
    clearTimeout(timer);
    timer = setTimeout(load, fromSlider ? 200 : 0);
  }

  document.addEventListener("DOMContentLoaded", () => {
    legend();
    const start = dg.queryDay("as_of", dg.today());
    slider.min = "0";
    slider.max = String(dayIndex(dg.today()));
    dateInput.max = dg.today();
    includeReference.checked = dg.query("include_reference") !== "false";
    slider.addEventListener("input", () => setDate(dayText(Number(slider.value)), true));
    dateInput.addEventListener("change", () => {
      if (dg.isDay(dateInput.value)) setDate(dateInput.value, false);
    });
    includeReference.addEventListener("change", load);
    document.getElementById("as-of-form").addEventListener("submit", (event) => event.preventDefault());
    setDate(start, false);
  });
})();
