// Document page: the cleaned text with actor mentions and evidence sentences highlighted.
// The text is untrusted: it is cut into segments at span boundaries and each segment is a text
// node inside a <span> or <mark> made here, so nothing in it can become markup.
"use strict";

(() => {
  const { el, api, clear } = dg;
  const docId = dg.pathArgs()[0] || "";
  const textBox = document.getElementById("text");

  /** Segments [start, end) where the set of covering spans is constant. */
  function segments(length, spans) {
    const cuts = new Set([0, length]);
    for (const span of spans) {
      cuts.add(Math.max(0, Math.min(length, span.start)));
      cuts.add(Math.max(0, Math.min(length, span.end)));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const start = points[i];
      const end = points[i + 1];
      if (end > start) out.push({ start, end, spans: spans.filter((s) => s.start <= start && s.end >= end) });
    }
    return out;
  }

  function renderText(doc, focus) {
    clear(textBox);
    const spans = [];
    if (doc.title_end) spans.push({ start: 0, end: doc.title_end, cls: "title-text" });
    for (const m of doc.mentions) {
      spans.push({ start: m.start, end: m.end, cls: "mention", title: `${m.codes.join(", ")} (${m.kind}, ${m.via || "name"})` });
    }
    for (const e of doc.evidence) {
      const focused = focus && focus[0] === e.start && focus[1] === e.end;
      spans.push({ start: e.start, end: e.end, cls: `evidence evidence-${e.kind}${focused ? " focus" : ""}`, title: e.summary });
    }
    for (const seg of segments(doc.text.length, spans)) {
      const piece = doc.text.slice(seg.start, seg.end);
      if (!seg.spans.length) {
        textBox.appendChild(document.createTextNode(piece));
        continue;
      }
      const classes = seg.spans.map((s) => s.cls).join(" ");
      const titles = seg.spans.map((s) => s.title).filter(Boolean).join("\n");
      const node = el(seg.spans.some((s) => s.cls.startsWith("evidence")) ? "mark" : "span",
        { class: classes, title: titles || null }, piece);
      textBox.appendChild(node);
    }
    const focused = textBox.querySelector(".focus");
    if (focused) focused.scrollIntoView({ block: "center" });
  }

  function renderMeta(doc) {
    document.getElementById("title").textContent = doc.title || "(untitled document)";
    document.title = `${doc.title || doc.doc_id} · diplograph`;
    const meta = clear(document.getElementById("meta"));
    meta.append(
      doc.published ? `Published ${doc.published}` : "Publication date unknown",
      ...(doc.url ? [" · ", dg.externalLink(doc.url, dg.hostOf(doc.url))] : []),
      ` · ${doc.sources.length} source record${doc.sources.length === 1 ? "" : "s"}`,
      ` · id ${doc.doc_id}`,
    );
  }

  function renderLists(doc) {
    const frameworks = clear(document.getElementById("frameworks"));
    if (doc.frameworks.length) {
      frameworks.appendChild(el("table", {},
        el("thead", {}, el("tr", {}, ["Pair", "Label", "Tier", "Status", "Date", "Evidence"].map((h) => el("th", {}, h)))),
        el("tbody", {}, doc.frameworks.map((f) => el("tr", {},
          el("td", {}, el("a", { href: dg.pairPath(f.a, f.b) }, `${f.a}–${f.b}`)),
          el("td", {}, f.label), el("td", {}, dg.tierBadge(f.tier)), el("td", {}, f.status), el("td", {}, f.date || "—"),
          el("td", {}, f.evidence))))));
    } else frameworks.appendChild(el("p", { class: "muted" }, "None."));
    const events = clear(document.getElementById("events"));
    if (doc.events.length) {
      events.appendChild(el("table", {},
        el("thead", {}, el("tr", {}, ["Date", "Actor", "Event", "Recipient", "Modality", "Sentence"].map((h) => el("th", {}, h)))),
        el("tbody", {}, doc.events.map((e) => el("tr", {},
          el("td", {}, e.date || "—"), el("td", {}, dg.actorLabel(e.actor)),
          el("td", {}, `${e.event}${e.mode ? ` (${e.mode})` : ""}`), el("td", {}, dg.actorLabel(e.recipient)),
          el("td", {}, e.modality), el("td", {}, e.sentence))))));
    } else events.appendChild(el("p", { class: "muted" }, "None."));
    const removed = clear(document.getElementById("removed"));
    for (const line of doc.removed) removed.appendChild(el("li", {}, typeof line === "string" ? line : JSON.stringify(line)));
    if (!doc.removed.length) removed.appendChild(el("li", {}, "Nothing."));
  }

  async function load() {
    const span = /^(\d+)-(\d+)$/.exec(dg.query("span") || "");
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      renderMeta(doc);
      renderText(doc, span ? [Number(span[1]), Number(span[2])] : null);
      renderLists(doc);
      textBox.dataset.state = "ready";
    } catch (error) {
      dg.showError(textBox, error);
      textBox.dataset.state = "error";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("show-mentions").addEventListener("change", (event) => {
      textBox.classList.toggle("hide-mentions", !event.target.checked);
    });
    document.getElementById("show-evidence").addEventListener("change", (event) => {
      textBox.classList.toggle("hide-evidence", !event.target.checked);
    });
    load();
  });
})();
