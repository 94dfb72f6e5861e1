// Small enhancements for every page. No inline script anywhere (CSP): behaviour lives here.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // A "Cancel" link inside a slot that htmx filled empties the slot instead of leaving the page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-dismiss]");
    if (!link) return;
    var slot = link.closest(link.getAttribute("data-dismiss"));
    if (!slot) return;
    event.preventDefault();
    var owner = slot.closest("[id]");
    slot.replaceChildren();
    if (owner && owner !== slot) owner.focus({ preventScroll: true });
  });

  // After htmx swaps content in, move focus to what the server marked (data-focus), so
  // keyboard and screen-reader users land on the result of what they did.
  document.addEventListener("htmx:afterSettle", function (event) {
    var marker = event.detail.target && event.detail.target.querySelector("[data-focus]");
    if (!marker) return;
    var target = document.getElementById(marker.getAttribute("data-focus"));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
    target.focus({ preventScroll: true });
  });

  function reducedMotion() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }
})();
