// Small enhancements; every page works without them.
(function () {
  "use strict";
  // Normally already there, from the line in the page's <head>.
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("is-open");
        toggle.focus();
      }
    });
  }

  // The map contacts OpenStreetMap only once the visitor asks for it.
  function setUpMaps() {
    document.querySelectorAll("[data-map-src]").forEach(function (button) {
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.src = button.getAttribute("data-map-src");
        frame.title = button.getAttribute("data-map-title");
        frame.loading = "lazy";
        frame.referrerPolicy = "no-referrer";
        var holder = button.closest("[data-map-frame]");
        holder.replaceChildren(frame);
      });
    });
  }

  function focusFormErrors() {
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMenu();
    setUpMaps();
    focusFormErrors();
  });
})();
