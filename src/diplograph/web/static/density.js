// A strip of event reports per month for the pair page, drawn from the timeline API's `months`
// (the whole pair, known before the events are paged in). One slot per calendar month from the
// first month to the last, so gaps show as gaps; a stacked bar per month that has reports:
// cooperation (QuadClass 1-2) at the bottom, conflict (3-4) above it, uncoded on top.
// SVG built with createElementNS; every text goes through textContent.
"use strict";

const dgDensity = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const HEIGHT = 40; // viewBox units; the strip is stretched to the container's width
  const BAR = 0.8; // of a month's slot
  const MIN_BAR = 1.5; // a month with one report stays visible next to a peak of thousands

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    for (const child of children) if (child) node.appendChild(child);
    return node;
  }

  function monthIndex(month) {
    const [year, number] = month.split("-").map(Number);
    return year * 12 + number - 1;
  }

  function plural(n, word) {
    return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
  }

  function describe(row) {
    const [unknown, verbalCoop, materialCoop, verbalConflict, materialConflict] = row.quad;
    const parts = [`${row.month}: ${plural(row.events, "event report")}`];
    if (verbalCoop + materialCoop) parts.push(`${verbalCoop + materialCoop} cooperation`);
    if (verbalConflict + materialConflict) parts.push(`${verbalConflict + materialConflict} conflict`);
    if (unknown) parts.push(`${unknown} uncoded`);
    return parts.join(" · ");
  }

  /** Draw ``months`` into ``container``; ``onPick(month)`` is called when a month is clicked. */
  function render(container, months, onPick) {
    const { el, clear } = dg;
    clear(container);
    container.dataset.months = String(months.length);
    if (!months.length) {
      container.appendChild(el("p", { class: "muted" }, "No dated event reports for this pair."));
      container.dataset.state = "ready";
      return;
    }
    const first = monthIndex(months[0].month);
    const slots = monthIndex(months[months.length - 1].month) - first + 1;
    const peak = months.reduce((best, row) => (row.events > best.events ? row : best), months[0]);
    const chart = svg("svg", {
      class: "density-chart", viewBox: `0 0 ${slots} ${HEIGHT}`, preserveAspectRatio: "none",
      role: "img", "aria-label": "Event reports per month",
    });
    for (const row of months) {
      const x = monthIndex(row.month) - first;
      const height = Math.max(MIN_BAR, (row.events / peak.events) * HEIGHT);
      const [unknown, q1, q2, q3, q4] = row.quad;
      const group = svg("g", { class: "month", "data-month": row.month, "data-events": row.events },
        svg("title"));
      group.firstChild.textContent = describe(row);
      // a full-height target, so that a thin month is still easy to point at
      group.appendChild(svg("rect", { class: "hit", x, y: 0, width: 1, height: HEIGHT }));
      let top = HEIGHT;
      for (const [count, kind] of [[q1 + q2, "coop"], [q3 + q4, "conflict"], [unknown, "uncoded"]]) {
        if (!count) continue;
        const part = (count / row.events) * height;
        top -= part;
        group.appendChild(svg("rect", { class: `bar ${kind}`, x: x + (1 - BAR) / 2, y: top, width: BAR, height: part }));
      }
      if (onPick) group.addEventListener("click", () => onPick(row.month));
      chart.appendChild(group);
    }
    const total = months.reduce((sum, row) => sum + row.events, 0);
    container.appendChild(chart);
    container.appendChild(el("div", { class: "density-axis" },
      el("span", {}, months[0].month),
      el("span", { class: "muted" },
        `${plural(total, "event report")} in ${plural(months.length, "month")}; at most ${peak.events} (${peak.month})`),
      el("span", {}, months[months.length - 1].month)));
    container.dataset.state = "ready";
  }

  /** Dim the months after ``through`` (YYYY-MM-DD or YYYY-MM; null: everything is loaded). */
  function markLoaded(container, through) {
    const limit = through ? through.slice(0, 7) : null;
    for (const group of container.querySelectorAll("g.month")) {
      group.classList.toggle("not-loaded", limit !== null && group.dataset.month > limit);
    }
  }

  return { render, markLoaded };
})();
