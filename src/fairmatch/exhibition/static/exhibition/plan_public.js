// The published plan: selecting a booth (click, Enter) shows its exhibitor's panel beside
// the plan. Without this script the booth's link jumps to the panel (CSS :target shows it).
"use strict";

(() => {
  function show(id) {
    const panel = document.getElementById(id);
    if (!panel || !panel.matches("[data-panel]")) return false;
    for (const other of document.querySelectorAll("[data-panel].shown")) other.classList.remove("shown");
    for (const booth of document.querySelectorAll("a.booth.selected")) booth.classList.remove("selected");
    panel.classList.add("shown");
    document.querySelector(`a.booth[href="#${CSS.escape(id)}"]`)?.classList.add("selected");
    document.querySelector("[data-panel-hint]")?.setAttribute("hidden", "");
    panel.focus({ preventScroll: window.matchMedia("(min-width: 60rem)").matches });
    return true;
  }

  document.addEventListener("click", (event) => {
    const booth = event.target instanceof Element && event.target.closest(".floorplan-public a.booth");
    if (!booth) return;
    const id = booth.getAttribute("href").slice(1);
    if (show(id)) {
      event.preventDefault();
      history.replaceState(null, "", `#${id}`);
    }
  });

  if (location.hash.length > 1) show(decodeURIComponent(location.hash.slice(1)));
})();
