// The API page (/api/v1/): Swagger UI from drf-spectacular-sidecar, served by Koers itself.
// A file of its own, so the page needs no inline script under the site's CSP.
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return; // the page's own text and links still say where the document is
  }
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: false, // its links sit inside the operation buttons (axe: nested-interactive)
    // reading is public; writing needs a token and is done by a province's own system
    supportedSubmitMethods: ["get"],
    validatorUrl: null, // never call swagger.io
    onComplete: () => {
      const servers = document.getElementById("servers");
      if (servers) {
        servers.setAttribute("aria-label", root.dataset.serversLabel);
      }
    },
  });
});
