/* Koers charts: swap each static SVG chart for an interactive one (tooltips), using the
   locally served Vega bundle. Without JavaScript the static SVG, summary and table stay. */
(function () {
  "use strict";
  function quietMarks(svg, labelledBy) {
    svg.setAttribute("role", "img");
    if (labelledBy) svg.setAttribute("aria-labelledby", labelledBy);
    svg.querySelectorAll("[role], [aria-roledescription], [aria-label]").forEach(function (node) {
      node.removeAttribute("role");
      node.removeAttribute("aria-roledescription");
      node.removeAttribute("aria-label");
    });
  }
  function enhance(canvas) {
    var source = document.getElementById(canvas.dataset.vegaSpec);
    if (!source || !window.vegaEmbed) return;
    var spec = JSON.parse(source.textContent);
    spec.width = "container";
    var fallback = canvas.innerHTML;
    // Under the Content-Security-Policy: Vega's expression interpreter instead of eval,
    // and the embed and tooltip styles from koers.css instead of injected <style> elements.
    var options = {
      actions: false,
      renderer: "svg",
      ast: true,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true }
    };
    window.vegaEmbed(canvas, spec, options)
      .then(function () {
        var svg = canvas.querySelector("svg");
        if (svg) quietMarks(svg, canvas.dataset.labelledby);
        canvas.classList.add("chart__canvas--interactive");
      })
      .catch(function () { canvas.innerHTML = fallback; });
  }
  function start() {
    document.querySelectorAll("[data-vega-spec]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
