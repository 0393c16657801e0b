// Starts Swagger UI from a file (not inline) so the Content-Security-Policy holds.
window.addEventListener("load", function () {
  var node = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: node.getAttribute("data-spec-url"), dom_id: "#swagger-ui" });
});
