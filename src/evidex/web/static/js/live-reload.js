// `evidex dev` only: reload the page as soon as the server serves a build other than the one
// the page was loaded from (an editor saved a file and the rebuild succeeded).
(function () {
  "use strict";
  var script = document.currentScript;
  var health = script && script.dataset.health ? script.dataset.health : "/healthz";
  var loadedFrom = null;
  function check() {
    fetch(health, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (loadedFrom === null) {
          loadedFrom = state.build;
        } else if (state.build !== loadedFrom) {
          window.location.reload();
        }
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function () { window.setTimeout(check, 400); });
  }
  check();
})();
