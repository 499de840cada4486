// Claim check: POST the article to /api/check and show each claim's verdict beside the KB's answer.
"use strict";

(() => {
  const { el, api, clear } = dg;
  const form = document.getElementById("check-form");
  const result = document.getElementById("result");

  function claimView(claim) {
    const kb = Array.isArray(claim.kb) ? claim.kb.map((r) => r.partner).join(", ") : claim.kb ? `${claim.kb.tier} ${claim.kb.label || ""}` : "nothing";
    return el("li", { class: "card" },
      el("p", {}, el("span", { class: `verdict verdict-${claim.verdict}` }, claim.verdict), " ", `“${claim.text}”`),
      el("p", { class: "muted" }, `${claim.kind} claim about ${claim.country} at tier ${claim.tier}; the knowledge base on ${claim.as_of}: ${kb}`),
      claim.reason ? el("p", {}, claim.reason) : null);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(result);
    const body = { text: form.elements.text.value };
    if (form.elements.title.value.trim()) body.title = form.elements.title.value.trim();
    if (form.elements.published.value) body.published = form.elements.published.value;
    try {
      const data = await api("/api/check", {}, body);
      result.appendChild(el("h2", {}, "Verdict: ", el("span", { class: `verdict verdict-${data.verdict}` }, data.verdict)));
      if (!data.claims.length) result.appendChild(el("p", { class: "muted" }, "No claims about partnership tiers were found."));
      result.appendChild(el("ul", { class: "evidence-list" }, data.claims.map(claimView)));
      result.dataset.state = "ready";
    } catch (error) {
      dg.showError(result, error);
    }
  });
})();
