// Filters and keyboard navigation of the tqa HTML report. Plain
// JavaScript, no library, nothing loaded: the page works offline.
(function () {
  "use strict";

  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".doc-findings"));
  var proposals = Array.prototype.slice.call(document.querySelectorAll(".proposal"));
  var severities = Array.prototype.slice.call(document.querySelectorAll("input[name=severity]"));
  var checkSelect = document.getElementById("filter-check");
  var fileSelect = document.getElementById("filter-file");
  var reset = document.getElementById("filter-reset");
  var shown = document.getElementById("shown-count");
  var noMatch = document.getElementById("no-match");
  var selected = null;

  // apply shows the findings that pass every filter and hides the others,
  // with the document groups left empty; the file filter also applies to
  // the proposed retranslations.
  function apply() {
    var wanted = {};
    severities.forEach(function (box) { wanted[box.value] = box.checked; });
    var check = checkSelect.value;
    var file = fileSelect.value;
    var n = 0;
    findings.forEach(function (el) {
      var ok = wanted[el.dataset.severity] === true &&
        (check === "" || el.dataset.check === check) &&
        (file === "" || el.dataset.file === file);
      el.hidden = !ok;
      if (ok) { n++; }
    });
    groups.forEach(function (g) {
      g.hidden = g.querySelector(".finding:not([hidden])") === null;
    });
    proposals.forEach(function (p) {
      p.hidden = file !== "" && p.dataset.file !== file;
    });
    shown.textContent = String(n);
    noMatch.hidden = n > 0 || findings.length === 0;
    if (selected !== null && selected.hidden) { select(null); }
  }

  function select(el) {
    if (selected !== null) {
      selected.classList.remove("selected");
      selected.removeAttribute("aria-current");
    }
    selected = el;
    if (el === null) { return; }
    el.classList.add("selected");
    el.setAttribute("aria-current", "true");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  // move selects the next (+1) or previous (-1) finding that is shown.
  function move(step) {
    var visible = findings.filter(function (el) { return !el.hidden; });
    if (visible.length === 0) { return; }
    var i = visible.indexOf(selected);
    if (i < 0) {
      i = step > 0 ? 0 : visible.length - 1;
    } else {
      i = Math.min(visible.length - 1, Math.max(0, i + step));
    }
    select(visible[i]);
  }

  severities.forEach(function (box) { box.addEventListener("change", apply); });
  checkSelect.addEventListener("change", apply);
  fileSelect.addEventListener("change", apply);
  reset.addEventListener("click", function () {
    severities.forEach(function (box) { box.checked = true; });
    checkSelect.value = "";
    fileSelect.value = "";
    apply();
  });

  // A file's name in the table of files filters the findings to it.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-file]"), function (a) {
    a.addEventListener("click", function () {
      fileSelect.value = a.dataset.file;
      apply();
    });
  });

  findings.forEach(function (el) {
    el.addEventListener("click", function (e) {
      if (e.target.closest("a") === null) { select(el); }
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t.tagName === "SELECT" || t.tagName === "TEXTAREA" ||
      (t.tagName === "INPUT" && t.type !== "checkbox") || t.isContentEditable) {
      return;
    }
    switch (e.key) {
      case "j":
      case "ArrowDown":
        move(1);
        break;
      case "k":
      case "ArrowUp":
        move(-1);
        break;
      case "Escape":
        select(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  apply();
})();
