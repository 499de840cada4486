// Home page: what the database holds.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const target = document.getElementById("counts");
  try {
    const health = await dg.api("/api/health");
    const c = health.counts;
    target.textContent = `The database holds ${c.documents} documents, ${c.events} events and ${c.frameworks} framework observations.`;
  } catch (error) {
    dg.showError(target, error);
  }
});
