// Helpers shared by every page. Rule: text from the API (article text above all) is only ever
// inserted with textContent / createTextNode, never as HTML; links only to http(s) or this site.
"use strict";

const dg = (() => {
  const TIER_NAMES = {
    CSP: "Comprehensive strategic",
    SP: "Strategic",
    CP: "Comprehensive",
    OTHER: "Other",
  };
  const TIER_ORDER = ["CSP", "SP", "CP", "OTHER"];

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "href") {
        const safe = safeHref(value);
        if (safe) node.setAttribute("href", safe);
      } else if (key.startsWith("on") && typeof value === "function") {
        node.addEventListener(key.slice(2), value);
      } else if (key === "dataset") {
        for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
      } else node.setAttribute(key, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Only same-site paths and http(s) URLs may become links (no javascript:, data:, ...). */
  function safeHref(value) {
    const text = String(value || "");
    if (text.startsWith("/") && !text.startsWith("//")) return text;
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch (_err) {
      /* not a URL */
    }
    return null;
  }

  /** A link that leaves the site: no referrer, no opener. */
  function externalLink(url, label) {
    const href = safeHref(url);
    if (!href) return document.createTextNode(label || String(url || ""));
    return el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", class: "external" },
      label || href);
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** GET (or POST with a JSON body) an API path; rejects with ApiError carrying the error body. */
  async function api(path, params, body) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
    }
    const init = body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    };
    const response = await fetch(url, init);
    let data = null;
    try {
      data = await response.json();
    } catch (_err) {
      throw new ApiError(response.status, "bad_response", `the server answered ${response.status}`);
    }
    if (!response.ok) {
      throw new ApiError(response.status, data.code || "error", data.message || `error ${response.status}`);
    }
    return data;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function showError(target, error) {
    clear(target);
    target.appendChild(el("p", { class: "error", role: "alert", text: error.message || String(error) }));
  }

  function query(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  /** Path segments after the page name: /pair/JPN/VNM -> ["JPN", "VNM"]. */
  function pathArgs() {
    return window.location.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  }

  function setQuery(values) {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(values)) {
      if (value === null || value === undefined || value === "") url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    window.history.replaceState(null, "", url);
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /** A real calendar day written YYYY-MM-DD (not 2023-02-30, which Date.parse rolls over). */
  function isDay(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return false;
    const time = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
  }

  /** The day the query parameter ``name`` asks for, or ``fallback`` when it asks for none; a value
   * that is not a real YYYY-MM-DD day is said on the page (under its heading), and the fallback shown. */
  function queryDay(name, fallback) {
    const asked = query(name);
    if (asked === null || asked === "") return fallback;
    if (isDay(asked)) return asked;
    const notice = el("p", { class: "error date-notice", role: "alert" },
      `${name}=${asked} is not a valid date (YYYY-MM-DD): showing ${fallback} instead.`);
    const heading = document.querySelector("main h1");
    if (heading) heading.after(notice);
    else document.querySelector("main").prepend(notice);
    return fallback;
  }

  function tierBadge(tier) {
    return el("span", { class: `tier tier-${tier || "none"}`, title: TIER_NAMES[tier] || "" }, tier || "—");
  }

  function pairPath(a, b, asOf) {
    const path = `/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
    return asOf ? `${path}?as_of=${encodeURIComponent(asOf)}` : path;
  }

  // how much of a sentence a document link carries: enough to tell sentences apart, short
  // enough for a readable URL (the sentence's length settles the rare shared beginning)
  const SENTENCE_PREFIX = 80;

  /** The fragment naming one sentence of a document: "s" its start offset when known, "q" the
   * beginning of its text, "n" its length (see document.js for how the page finds it). */
  function sentenceFragment(sentence) {
    const params = new URLSearchParams();
    const start = sentence && sentence.start;
    if (Number.isInteger(start) && start >= 0) params.set("s", String(start));
    const text = sentence && typeof sentence.sentence === "string" ? sentence.sentence : "";
    if (text) {
      // cut at code points, not UTF-16 units: half a surrogate pair would not survive the URL
      params.set("q", Array.from(text).slice(0, SENTENCE_PREFIX).join(""));
      params.set("n", String(text.length));
    }
    const fragment = params.toString();
    return fragment ? `#${fragment}` : "";
  }

  /** The document page; with ``sentence`` ({sentence: text, start: offset}, either may be
   * missing) the page scrolls to that sentence and marks it. */
  function documentPath(docId, sentence) {
    return `/document/${encodeURIComponent(docId)}${sentenceFragment(sentence)}`;
  }

  /** The source of one evidence record: a link to the document page, or to the reference source. */
  function evidenceSource(item) {
    if (item.doc_id) {
      return el("a", { href: documentPath(item.doc_id, { sentence: item.sentence, start: item.sentence_start }),
        class: "doc-link" }, item.published ? `article of ${item.published}` : "article");
    }
    if (item.source === "reference") {
      return el("span", { class: "reference" }, "reference table",
        item.url ? [" · ", externalLink(item.url, hostOf(item.url))] : []);
    }
    return item.url ? externalLink(item.url, hostOf(item.url)) : document.createTextNode("");
  }

  function hostOf(url) {
    try {
      return new URL(url).hostname;
    } catch (_err) {
      return String(url);
    }
  }

  function actorLabel(codes) {
    return (codes || []).join(", ") || "—";
  }

  /** Navigation to a country page from a free-text name. */
  function wireCountryForm(form) {
    if (!form) return;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = form.querySelector("input[name=country]");
      const status = form.querySelector(".form-status");
      try {
        const actor = await api(`/api/actors/${encodeURIComponent(input.value.trim())}`);
        window.location.assign(`/country/${encodeURIComponent(actor.code)}`);
      } catch (error) {
        if (status) status.textContent = error.message;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    wireCountryForm(document.getElementById("nav-country"));
  });

  return {
    TIER_NAMES, TIER_ORDER, ApiError, api, actorLabel, clear, documentPath, el, evidenceSource, externalLink,
    hostOf, isDay, pairPath, pathArgs, query, queryDay, safeHref, setQuery, showError, tierBadge, today,
  };
})();
