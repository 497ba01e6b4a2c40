(function () {
  "use strict";
  // Marks live in localStorage under this report's token (the report's pages share them)
  // until exported as verdicts.json; values are only ever read from data-* attributes and
  // written as text or JSON, never as markup.
  var body = document.body;
  var run = body.dataset.run || "";
  var token = body.dataset.token || "";
  var storeKey = "presswash-review:" + token;
  var memory = null; // when the browser refuses localStorage (marks then last for this page only)

  function load() {
    var raw = null;
    try { raw = window.localStorage.getItem(storeKey); } catch (e) { raw = memory; }
    if (raw === null && memory !== null) { raw = memory; }
    try {
      var state = raw ? JSON.parse(raw) : null;
      if (state && state.v === 1 && state.clusters) { return state; }
    } catch (e) { /* a damaged entry starts afresh */ }
    return { v: 1, run: run, clusters: {} };
  }

  function save(state) {
    var raw = JSON.stringify(state);
    memory = raw;
    try { window.localStorage.setItem(storeKey, raw); } catch (e) { /* kept in memory */ }
  }

  function keyOf(ref) { return ref.digest + "\n" + ref.id; }

  function clusterOf(el) { return el.closest(".cluster"); }

  function keeperRef(c) { return { digest: c.dataset.kd, id: c.dataset.ki, run: c.dataset.kr }; }

  function memberRef(row) { return { digest: row.dataset.d, id: row.dataset.i, run: run }; }

  function entry(state, c) {
    var id = c.dataset.c;
    if (!state.clusters[id]) {
      state.clusters[id] = { keeper: keeperRef(c), sampled: c.dataset.s === "1", correct: null, apart: [], choose: null };
    }
    return state.clusters[id];
  }

  function without(list, ref) {
    return list.filter(function (x) { return keyOf(x) !== keyOf(ref); });
  }

  function has(list, ref) {
    return list.some(function (x) { return keyOf(x) === keyOf(ref); });
  }

  function prune(state, id) {
    var e = state.clusters[id];
    if (e && !e.correct && !e.apart.length && !e.choose) { delete state.clusters[id]; }
  }

  function verdicts(state) {
    var out = [];
    Object.keys(state.clusters).sort().forEach(function (id) {
      var e = state.clusters[id];
      var base = function (kind, members) {
        return { kind: kind, run: state.run || run, cluster: id, sampled: e.sampled, keeper: e.keeper, members: members };
      };
      e.apart.forEach(function (m) { out.push(base("apart", [m])); });
      if (e.choose) { out.push(base("keeper", [e.choose])); }
      if (e.correct) {
        var ok = e.correct.filter(function (m) { return !has(e.apart, m); });
        if (ok.length) { out.push(base("correct", ok)); }
      }
    });
    return out;
  }

  // the marking buttons are made here rather than written into every row of every page:
  // the summary pages of a large run hold tens of thousands of rows
  function button(act, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.dataset.act = act;
    b.textContent = label;
    return b;
  }

  function addButtons() {
    document.querySelectorAll(".cluster[data-c]").forEach(function (c) {
      if (!c.dataset.kd) { return; } // clusters.jsonl of an older presswash: no digests to name texts by
      var slot = c.querySelector(".cacts");
      if (slot && !slot.firstChild) { slot.appendChild(button("correct", "cluster correct")); }
      c.querySelectorAll(".member[data-d]").forEach(function (row) {
        var acts = row.querySelector(".acts");
        if (row.dataset.d && acts && !acts.firstChild) {
          acts.appendChild(button("apart", "not a duplicate"));
          acts.appendChild(button("keeper", "better keeper"));
        }
      });
    });
  }

  function press(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function refresh() {
    var state = load();
    document.querySelectorAll(".cluster[data-c]").forEach(function (c) {
      var e = state.clusters[c.dataset.c] || null;
      var correct = c.querySelector('button[data-act="correct"]');
      if (correct) { press(correct, !!(e && e.correct)); }
      c.classList.toggle("is-correct", !!(e && e.correct));
      c.querySelectorAll(".member[data-d]").forEach(function (row) {
        var ref = memberRef(row);
        var apart = !!(e && has(e.apart, ref));
        var chosen = !!(e && e.choose && keyOf(e.choose) === keyOf(ref));
        row.classList.toggle("is-apart", apart);
        row.classList.toggle("is-keeper", chosen);
        row.querySelectorAll("button[data-act]").forEach(function (b) {
          press(b, b.dataset.act === "apart" ? apart : chosen);
        });
      });
    });
    var n = String(verdicts(state).length);
    document.querySelectorAll(".marks-count").forEach(function (el) { el.textContent = n; });
  }

  function mark(button) {
    var c = clusterOf(button);
    if (!c || !c.dataset.kd) { return; }
    var state = load();
    var e = entry(state, c);
    var act = button.dataset.act;
    if (act === "correct") {
      e.correct = e.correct ? null : Array.prototype.map.call(c.querySelectorAll(".member[data-d]"), memberRef)
        .filter(function (m) { return m.digest; });
    } else {
      var row = button.closest(".member");
      if (!row || !row.dataset.d) { return; }
      var ref = memberRef(row);
      if (act === "apart") {
        e.apart = has(e.apart, ref) ? without(e.apart, ref) : e.apart.concat([ref]);
        if (e.choose && keyOf(e.choose) === keyOf(ref)) { e.choose = null; }
      } else if (act === "keeper") {
        e.choose = e.choose && keyOf(e.choose) === keyOf(ref) ? null : ref;
        e.apart = without(e.apart, ref);
      }
    }
    prune(state, c.dataset.c);
    save(state);
    refresh();
  }

  function exportVerdicts() {
    var state = load();
    var doc = { presswash_verdicts: 1, run: state.run || run, report: token, verdicts: verdicts(state) };
    var blob = new Blob([JSON.stringify(doc, null, 1) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "verdicts.json";
    body.appendChild(a);
    a.click();
    body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  var clearArmed = false;
  function clearMarks(button) {
    if (!clearArmed) { // a second click within 4 s clears: no dialog, no accident
      clearArmed = true;
      button.textContent = "click again to clear";
      window.setTimeout(function () { clearArmed = false; button.textContent = "clear marks"; }, 4000);
      return;
    }
    clearArmed = false;
    button.textContent = "clear marks";
    save({ v: 1, run: run, clusters: {} });
    refresh();
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var b = t.closest("button");
    if (!b) { return; }
    if (b.dataset.act) {
      ev.preventDefault(); // a button inside <summary> must not fold the cluster
      mark(b);
    } else if (b.id === "export") {
      exportVerdicts();
    } else if (b.id === "clear") {
      clearMarks(b);
    }
  });
  window.addEventListener("storage", function (ev) { if (ev.key === storeKey) { refresh(); } });

  // filters of the cluster pages: source (where known), similarity, document id
  var source = document.getElementById("f-source");
  var sim = document.getElementById("f-sim");
  var simOut = document.getElementById("f-sim-value");
  var query = document.getElementById("f-query");
  var shownOut = document.getElementById("shown-count");
  function filter() {
    var s = source ? source.value : "", q = query.value.trim().toLowerCase(), min = parseFloat(sim.value);
    simOut.textContent = min.toFixed(2);
    var shown = 0;
    document.querySelectorAll(".cluster[data-c]").forEach(function (c) {
      var anyRow = false, idHit = (c.dataset.ki || "").toLowerCase().indexOf(q) >= 0;
      c.querySelectorAll(".member").forEach(function (r) {
        var ok = parseFloat(r.dataset.sim) >= min && (!s || r.dataset.source === s || c.dataset.keeperSource === s);
        r.hidden = !ok;
        anyRow = anyRow || ok;
        idHit = idHit || (r.dataset.i || "").toLowerCase().indexOf(q) >= 0;
      });
      var sources = " " + (c.dataset.sources || "") + " ";
      var visible = anyRow && (!q || idHit) && (!s || sources.indexOf(" " + s + " ") >= 0);
      c.hidden = !visible;
      if (visible) { shown += 1; }
    });
    shownOut.textContent = String(shown);
  }
  if (sim && query && shownOut) {
    [source, sim, query].forEach(function (el) { if (el) { el.addEventListener("input", filter); } });
    filter();
  }

  // the index's "go to cluster": the summary page whose range holds it
  var go = document.getElementById("goto");
  if (go) {
    go.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") { return; }
      var m = /^c?(\d+)$/i.exec(go.value.trim());
      if (!m) { return; }
      var pos = parseInt(m[1], 10), cid = String(pos);
      while (cid.length < 6) { cid = "0" + cid; }
      document.querySelectorAll("a[data-first]").forEach(function (a) {
        if (parseInt(a.dataset.first, 10) <= pos && pos <= parseInt(a.dataset.last, 10)) {
          window.location.href = a.getAttribute("href") + "#c" + cid;
        }
      });
    });
  }

  addButtons();
  refresh();
})();
