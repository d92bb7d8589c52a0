// Progressive enhancement of the upload form: drop a file on the zone to fill the normal
// file input. Without this script the plain file picker works exactly the same.
(function () {
  "use strict";
  if (!window.DataTransfer || !window.FileList) {
    return;
  }
  document.querySelectorAll("[data-dropzone]").forEach(function (zone) {
    var input = zone.querySelector('input[type="file"]');
    var hint = zone.querySelector("[data-drop-hint]");
    var chosen = zone.querySelector("[data-drop-chosen]");
    if (!input) {
      return;
    }
    zone.classList.add("ws-dropzone--ready");
    if (hint) {
      hint.hidden = false;
    }
    function show() {
      if (chosen) {
        chosen.textContent = input.files.length
          ? zone.getAttribute("data-chosen-label") + " " + input.files[0].name
          : "";
      }
    }
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("ws-dropzone--over");
      });
    });
    ["dragleave", "dragend", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () {
        zone.classList.remove("ws-dropzone--over");
      });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) {
        return;
      }
      var transfer = new DataTransfer();
      transfer.items.add(files[0]);
      input.files = transfer.files;
      show();
      input.focus();
    });
    input.addEventListener("change", show);
  });
})();
