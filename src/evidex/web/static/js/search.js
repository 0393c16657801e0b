// Autocomplete for the search boxes: an ARIA 1.2 combobox fed by /api/v1/suggest.
// Without this script the boxes are plain GET forms to /search, which work on their own.
(function () {
  "use strict";

  var DELAY_MS = 120;
  var counter = 0;

  function suggestUrl(form) {
    var action = form.getAttribute("action") || "/search";
    return action.replace(/\/search\/?$/, "") + "/api/v1/suggest";
  }

  function enhance(input) {
    var form = input.form;
    if (!form || input.getAttribute("role") === "combobox") { return; }
    counter += 1;
    var listId = "suggest-list-" + counter;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var wrapper = input.parentNode;
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.className = "suggest-list";
    list.hidden = true;
    // CSSOM styles are allowed by the strict CSP (no inline style attributes in markup).
    list.style.position = "absolute";
    list.style.zIndex = "20";
    list.style.margin = "0";
    list.style.padding = "0";
    list.style.listStyle = "none";
    list.style.background = "#fff";
    list.style.border = "1px solid #6b7686";
    list.style.minWidth = "16rem";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    if (getComputedStyle(wrapper).position === "static") { wrapper.style.position = "relative"; }
    wrapper.style.overflow = "visible";
    list.style.top = "100%";
    list.style.left = "0";
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        var on = i === index;
        item.node.setAttribute("aria-selected", on ? "true" : "false");
        item.node.style.background = on ? "#e6eefb" : "";
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].node.id);
        items[index].node.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(item) {
      window.location.assign(item.url);
    }

    function render(suggestions) {
      // a later answer (the user kept typing) must not drop the option they moved to
      var chosen = active >= 0 && items[active] ? items[active].url : null;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      items = suggestions.map(function (s, i) {
        var node = document.createElement("li");
        node.id = listId + "-" + i;
        node.setAttribute("role", "option");
        node.setAttribute("aria-selected", "false");
        node.style.padding = "0.35rem 0.6rem";
        node.style.cursor = "pointer";
        node.textContent = s.name === s.title ? s.title : s.name + " — " + s.title;
        node.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          go(s);
        });
        list.appendChild(node);
        return { node: node, url: s.url };
      });
      var kept = -1;
      items.forEach(function (item, i) { if (item.url === chosen) { kept = i; } });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(kept);
        status.textContent = items.length + (items.length === 1 ? " suggestion" : " suggestions");
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (!text) { render([]); return; }
      latest += 1;
      var ticket = latest;
      fetch(suggestUrl(form) + "?q=" + encodeURIComponent(text.slice(0, 200)), {
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (ticket === latest && document.activeElement === input) {
            render(data.suggestions || []);
          }
        })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      if (event.key === "ArrowDown") {
        if (!open) { fetchSuggestions(); return; }
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          go(items[active]);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          input.value = "";
        }
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function init() {
    var inputs = document.querySelectorAll("form[role=search] input[type=search]");
    Array.prototype.forEach.call(inputs, enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
