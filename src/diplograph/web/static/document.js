// Document page: the cleaned text with actor mentions and evidence sentences highlighted.
// The text is untrusted: it is cut into segments at span boundaries and each segment is a text
// node inside a <span> or <mark> made here, so nothing in it can become markup.
"use strict";

(() => {
  const { el, api, clear } = dg;
  const docId = dg.pathArgs()[0] || "";
  const textBox = document.getElementById("text");

  /** Segments [start, end) where the set of covering spans is constant; ``cuts`` are further
   * points a segment must not cross (the edges of the focused sentence). */
  function segments(length, spans, cuts) {
    const points = new Set([0, length]);
    for (const point of [...cuts, ...spans.flatMap((span) => [span.start, span.end])]) {
      points.add(Math.max(0, Math.min(length, point)));
    }
    const sorted = [...points].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i + 1 < sorted.length; i += 1) {
      const start = sorted[i];
      const end = sorted[i + 1];
      if (end > start) out.push({ start, end, spans: spans.filter((s) => s.start <= start && s.end >= end) });
    }
    return out;
  }

  /** What the URL fragment names: {start, prefix, length}, each null when absent or malformed
   * (a garbled fragment then names nothing and the page just shows the text). */
  function fragmentTarget() {
    let params;
    try {
      params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    } catch (_err) {
      return { start: null, prefix: null, length: null };
    }
    const count = (name) => (/^\d{1,9}$/.test(params.get(name) || "") ? Number(params.get(name)) : null);
    let start = count("s");
    let length = count("n");
    // links made before fragments existed: ?span=start-end
    const span = /^(\d{1,9})-(\d{1,9})$/.exec(dg.query("span") || "");
    if (start === null && span) {
      start = Number(span[1]);
      length = Number(span[2]) - start;
    }
    return { start, prefix: params.get("q") || null, length: length > 0 ? length : null };
  }

  /** The [start, end) of the sentence ``target`` names: an evidence span first (by offset, then
   * by its beginning and length, then by its beginning alone), else the first place the text has
   * that beginning; null when nothing matches. */
  function resolveFocus(doc, target) {
    const text = doc.text;
    const spans = doc.evidence.filter((e) => e.start >= 0 && e.end > e.start && e.end <= text.length);
    const begins = (span) => target.prefix === null || text.startsWith(target.prefix, span.start);
    const sized = (span) => target.length === null || span.end - span.start === target.length;
    const picks = [
      (span) => span.start === target.start && begins(span) && sized(span),
      (span) => span.start === target.start && begins(span),
      (span) => target.prefix !== null && begins(span) && sized(span),
      (span) => target.prefix !== null && begins(span),
    ];
    if (target.start === null && target.prefix === null) return null;
    for (const pick of picks) {
      const found = spans.find(pick);
      if (found) return [found.start, found.end];
    }
    if (target.prefix === null) return null;
    const at = text.indexOf(target.prefix);
    if (at < 0) return null;
    const end = target.length !== null && target.length >= target.prefix.length ? at + target.length : at + target.prefix.length;
    return [at, Math.min(end, text.length)];
  }

  function renderText(doc, focus) {
    clear(textBox);
    const spans = [];
    if (doc.title_end) spans.push({ start: 0, end: doc.title_end, cls: "title-text" });
    for (const m of doc.mentions) {
      spans.push({ start: m.start, end: m.end, cls: "mention", title: `${m.codes.join(", ")} (${m.kind}, ${m.via || "name"})` });
    }
    for (const e of doc.evidence) {
      spans.push({ start: e.start, end: e.end, cls: `evidence evidence-${e.kind}`, title: e.summary });
    }
    // the focused sentence is one element holding its segments, so it can be scrolled to and
    // named to assistive technology as the current item
    const focused = focus
      ? el("span", { class: "focused", id: "focused-sentence", "aria-current": "location", tabindex: "-1" }) : null;
    for (const seg of segments(doc.text.length, spans, focus || [])) {
      const piece = doc.text.slice(seg.start, seg.end);
      let node;
      if (!seg.spans.length) node = document.createTextNode(piece);
      else {
        const classes = seg.spans.map((s) => s.cls).join(" ");
        const titles = seg.spans.map((s) => s.title).filter(Boolean).join("\n");
        node = el(seg.spans.some((s) => s.cls.startsWith("evidence")) ? "mark" : "span",
          { class: classes, title: titles || null }, piece);
      }
      if (focused && seg.start >= focus[0] && seg.end <= focus[1]) {
        if (!focused.parentNode) textBox.appendChild(focused);
        focused.appendChild(node);
      } else textBox.appendChild(node);
    }
    textBox.dataset.focus = focused ? `${focus[0]}-${focus[1]}` : "";
    if (focused) {
      focused.scrollIntoView({ block: "center" });
      focused.focus({ preventScroll: true });
    }
  }

  /** A link to a sentence of this document's text: only the fragment changes, so the page stays
   * and refocuses (hashchange). */
  function inTextLink(sentence, start) {
    if (!sentence) return null;
    return el("a", { href: dg.documentPath(docId, { sentence, start }), class: "in-text" }, "show in text");
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
          el("td", {}, f.evidence, " ", inTextLink(f.evidence, f.sentence_start)))))));
    } else frameworks.appendChild(el("p", { class: "muted" }, "None."));
    const events = clear(document.getElementById("events"));
    if (doc.events.length) {
      events.appendChild(el("table", {},
        el("thead", {}, el("tr", {}, ["Date", "Actor", "Event", "Recipient", "Modality", "Sentence"].map((h) => el("th", {}, h)))),
        el("tbody", {}, doc.events.map((e) => el("tr", {},
          el("td", {}, e.date || "—"), el("td", {}, dg.actorLabel(e.actor)),
          el("td", {}, `${e.event}${e.mode ? ` (${e.mode})` : ""}`), el("td", {}, dg.actorLabel(e.recipient)),
          el("td", {}, e.modality), el("td", {}, e.sentence, " ", inTextLink(e.sentence, e.sentence_start)))))));
    } else events.appendChild(el("p", { class: "muted" }, "None."));
    const removed = clear(document.getElementById("removed"));
    for (const line of doc.removed) removed.appendChild(el("li", {}, typeof line === "string" ? line : JSON.stringify(line)));
    if (!doc.removed.length) removed.appendChild(el("li", {}, "Nothing."));
  }

  async function load() {
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      renderMeta(doc);
      renderText(doc, resolveFocus(doc, fragmentTarget()));
      renderLists(doc);
      textBox.dataset.state = "ready";
      // another sentence of the same document (an in-page link, the back button): refocus
      window.addEventListener("hashchange", () => renderText(doc, resolveFocus(doc, fragmentTarget())));
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
