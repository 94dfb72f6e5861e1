// The compare view, enhanced. Without JavaScript every quote is a link to its counterpart's
// anchor and :target highlights it; with it, a click highlights every counterpart, scrolls
// each column smoothly, and moves focus; j/k (and the buttons) step through the pairs.
(function () {
  "use strict";

  var current = -1; // index of the current pair among the rows the list shows

  function motion() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  }

  function clearActive() {
    document.querySelectorAll(".q.is-active, .para.is-active, .q.is-source").forEach(function (el) {
      el.classList.remove("is-active", "is-source");
    });
  }

  // Scroll `el` into view inside its column when the column scrolls by itself (desktop),
  // without moving the page; otherwise (phone, stacked columns) scroll the page.
  function reveal(el) {
    var box = el.closest(".article-text");
    if (box && box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== "visible") {
      var top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: motion() });
    } else {
      el.scrollIntoView({ block: "center", behavior: motion() });
    }
  }

  function quoteElement(anchor) {
    return document.getElementById(anchor);
  }

  function allPieces(anchor) {
    return document.querySelectorAll('[data-quote="' + anchor + '"]');
  }

  function showCounterparts(source) {
    var anchors = (source.getAttribute("data-counterparts") || "").split(" ").filter(Boolean);
    if (!anchors.length) return false;
    clearActive();
    allPieces(source.getAttribute("data-quote")).forEach(function (el) { el.classList.add("is-source"); });
    anchors.forEach(function (anchor) {
      allPieces(anchor).forEach(function (el) { el.classList.add("is-active"); });
    });
    var first = quoteElement(anchors[0]);
    if (first) {
      reveal(first);
      first.focus({ preventScroll: true });
    }
    var status = document.getElementById("nav-status");
    if (status) {
      status.textContent = anchors.length > 1
        ? anchors.length + " counterparts highlighted"
        : "Counterpart highlighted";
    }
    return true;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#pairs-region .pair[data-left]"));
  }

  function selectPair(index, options) {
    var list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(index, list.length - 1));
    var row = list[current];
    list.forEach(function (r) { r.classList.remove("is-current"); r.removeAttribute("aria-current"); });
    row.classList.add("is-current");
    row.setAttribute("aria-current", "true");
    clearActive();
    var left = quoteElement(row.getAttribute("data-left"));
    var right = quoteElement(row.getAttribute("data-right"));
    [row.getAttribute("data-left"), row.getAttribute("data-right")].forEach(function (anchor) {
      allPieces(anchor).forEach(function (el) { el.classList.add("is-active"); });
    });
    if (left) reveal(left);
    if (right) reveal(right);
    var focusTarget = (options && options.focusRow) ? row : left;
    if (focusTarget) focusTarget.focus({ preventScroll: true });
    var status = document.getElementById("nav-status");
    if (status) {
      var kind = row.querySelector(".pair-title .tag");
      status.textContent = "Pair " + (current + 1) + " of " + list.length + (kind ? ": " + kind.textContent.trim() : "");
    }
  }

  function step(delta) {
    var list = rows();
    if (!list.length) return;
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".pair[data-left]");
    if (focused && list.indexOf(focused) >= 0 && list.indexOf(focused) !== current) current = list.indexOf(focused);
    selectPair(current < 0 ? (delta > 0 ? 0 : list.length - 1) : current + delta);
  }

  document.addEventListener("click", function (event) {
    var quote = event.target.closest(".q[data-counterparts], .para[data-counterparts]");
    if (quote && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      if (showCounterparts(quote)) {
        event.preventDefault();
        history.replaceState(null, "", "#" + quote.getAttribute("data-quote"));
      }
      return;
    }
    var goto = event.target.closest("a.goto[data-pair]");
    if (goto) {
      var index = rows().indexOf(document.getElementById(goto.getAttribute("data-pair")));
      if (index >= 0) {
        event.preventDefault();
        selectPair(index);
      }
      return;
    }
    var nav = event.target.closest("[data-nav]");
    if (nav) step(nav.getAttribute("data-nav") === "next" ? 1 : -1);
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var t = event.target;
    if (t.closest && t.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "j") { event.preventDefault(); step(1); }
    else if (event.key === "k") { event.preventDefault(); step(-1); }
    else if (event.key === "Escape") { clearActive(); }
  });

  // New content from htmx: the list of rows may have changed.
  document.addEventListener("htmx:afterSwap", function (event) {
    var id = event.detail.target && event.detail.target.id;
    if (id === "pairs-region" || id === "compare-body") current = -1;
  });
})();
