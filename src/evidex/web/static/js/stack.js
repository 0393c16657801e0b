// The stack builder answers on the same page: bring the answer (or what to fix) into view and
// move keyboard and screen-reader focus to it. Without JavaScript the form's #stack-result
// fragment still scrolls to the answer.
(function () {
  "use strict";
  function focusAnswer() {
    var target = document.getElementById("stack-errors") || document.getElementById("stack-result");
    if (!target) { return; }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusAnswer);
  } else {
    focusAnswer();
  }
})();
