// Small behaviours of the site's pages, attached from data attributes: the Content Security
// Policy forbids inline scripts and on...= handlers in the templates.
"use strict";

document.addEventListener("change", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  // <select data-submit-on-change>: send its form as soon as a value is chosen.
  if (target.matches("[data-submit-on-change]") && target.form) {
    target.form.requestSubmit();
  }
  // <input type="checkbox" data-select-all="NAME">: tick or clear every box called NAME.
  const name = target.dataset.selectAll;
  if (name && target instanceof HTMLInputElement) {
    for (const box of document.querySelectorAll(`input[type=checkbox][name="${CSS.escape(name)}"]`)) {
      box.checked = target.checked;
    }
  }
});

document.addEventListener("click", (event) => {
  const target = event.target;
  if (!(target instanceof Element)) return;
  // <button data-nav-toggle aria-controls="ID">: folds and unfolds the navigation (narrow screens).
  const toggle = target.closest("[data-nav-toggle]");
  if (toggle) {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    document.getElementById(toggle.getAttribute("aria-controls"))?.classList.toggle("open", open);
  }
});
