// Progressive enhancement of the validation report: scroll each wide row from the file so
// the marked cell is in view. Without this script the row simply starts at its first column.
(function () {
  "use strict";
  document.querySelectorAll(".ws-source").forEach(function (box) {
    var cell = box.querySelector(".ws-bad-cell, .ws-bad-column");
    if (cell && box.scrollWidth > box.clientWidth) {
      box.scrollLeft = Math.max(0, cell.offsetLeft - (box.clientWidth - cell.offsetWidth) / 2);
    }
  });
})();
