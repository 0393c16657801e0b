// Progressive enhancement for the dose tools: recompute as the reader types.
// The server does the arithmetic (the same code as without JavaScript); this only fetches it.
(function () {
  "use strict";

  function line(parent, text, className, role) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) { p.className = className; }
    if (role) { p.setAttribute("role", role); }
    parent.appendChild(p);
  }

  function show(target, status, data) {
    while (target.firstChild) { target.removeChild(target.firstChild); }
    if (status !== 200) {
      line(target, data.detail || "Check the numbers entered.", "errors", "alert");
      return;
    }
    line(target, data.summary, "", "");
    var outside = data.range_warnings || [];
    if (data.out_of_range) {
      var box = document.createElement("div");
      box.className = "alert dose-out-of-range";
      box.setAttribute("role", "alert");
      line(box, "Outside the documented doses" + (data.compound ? " of " + data.compound : "") +
        ". Do not take this dose without a clinician's advice.", "", "");
      outside.forEach(function (w) { line(box, w, "", ""); });
      target.appendChild(box);
    }
    (data.warnings || []).forEach(function (w) {
      if (outside.indexOf(w) < 0) { line(target, w, "warning", "alert"); }
    });
  }

  function enhance(form) {
    var target = document.getElementById(form.getAttribute("data-result"));
    var api = form.getAttribute("data-api");
    if (!target || !api || !window.fetch) { return; }
    var timer = null;
    var latest = 0;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (!form.checkValidity()) { return; }
        var query = new URLSearchParams(new FormData(form)).toString();
        var ticket = ++latest;
        fetch(api + "?" + query, { headers: { "Accept": "application/json" } })
          .then(function (response) {
            return response.json().then(function (data) { return [response.status, data]; });
          })
          .then(function (pair) { if (ticket === latest) { show(target, pair[0], pair[1]); } })
          .catch(function () { /* the form still works by submitting */ });
      }, 250);
    });
  }

  document.querySelectorAll("form[data-api]").forEach(enhance);
})();
