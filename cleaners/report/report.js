(function () {
  "use strict";
  var source = document.getElementById("f-source");
  var sim = document.getElementById("f-sim");
  var simOut = document.getElementById("f-sim-value");
  var query = document.getElementById("f-query");
  var shownOut = document.getElementById("shown-count");
  function apply() {
    var s = source.value, q = query.value.trim().toLowerCase(), min = parseFloat(sim.value);
    simOut.textContent = min.toFixed(2);
    var shown = 0;
    document.querySelectorAll(".cluster").forEach(function (c) {
      var rows = c.querySelectorAll(".member");
      var anyRow = false;
      rows.forEach(function (r) {
        var ok = parseFloat(r.dataset.sim) >= min && (!s || r.dataset.source === s || c.dataset.keeperSource === s);
        r.hidden = !ok;
        anyRow = anyRow || ok;
      });
      var text = (c.dataset.ids || "").toLowerCase();
      var visible = anyRow && (!q || text.indexOf(q) >= 0) && (!s || (" " + c.dataset.sources + " ").indexOf(" " + s + " ") >= 0);
      c.hidden = !visible;
      if (visible) { shown += 1; }
    });
    shownOut.textContent = String(shown);
  }
  [source, sim, query].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
})();
