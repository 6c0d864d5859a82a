// The plan editor's drawing: drag a booth with the mouse (or a finger), or focus it and move
// it with the arrow keys (0.5 m a step). Each move is sent to the server, which checks it
// (overlap, hall walls, stale page) and answers with the editor redrawn, the refusal or
// success shown above the plan. Without this script the side form does the same.
"use strict";

(() => {
  const STEP = 0.5; // metres
  let drag = null;
  let suppressClick = false;
  let refocus = null;

  const editor = () => document.querySelector("[data-plan-editor]");

  function svgPoint(svg, event) {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function snap(value) {
    return Math.round(value / STEP) * STEP;
  }

  function send(booth, x, y) {
    const root = editor();
    const form = root?.querySelector("[data-move-form]");
    if (!form) return;
    form.elements.x.value = Math.max(0, x).toFixed(2);
    form.elements.y.value = Math.max(0, y).toFixed(2);
    form.elements.version.value = booth.dataset.version;
    const url = root.dataset.moveUrl.replace(/\/0\/$/, `/${booth.dataset.booth}/`);
    refocus = booth.id;
    htmx.ajax("POST", url, { source: form, target: "#plan-editor", swap: "innerHTML" });
  }

  document.addEventListener("pointerdown", (event) => {
    const booth = event.target instanceof Element && event.target.closest("[data-plan-editor] a.booth");
    if (!booth || event.button !== 0) return;
    const svg = booth.ownerSVGElement;
    drag = { booth, svg, start: svgPoint(svg, event), moved: false, dx: 0, dy: 0 };
    booth.setPointerCapture?.(event.pointerId);
  });

  document.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const now = svgPoint(drag.svg, event);
    drag.dx = snap(now.x - drag.start.x);
    drag.dy = snap(now.y - drag.start.y);
    if (drag.dx || drag.dy) {
      drag.moved = true;
      drag.booth.classList.add("dragging");
    }
    drag.booth.setAttribute("transform", `translate(${drag.dx} ${drag.dy})`);
    event.preventDefault();
  });

  document.addEventListener("pointerup", () => {
    if (!drag) return;
    const { booth, moved, dx, dy } = drag;
    drag = null;
    if (!moved) return;
    suppressClick = true;
    send(booth, parseFloat(booth.dataset.x) + dx, parseFloat(booth.dataset.y) + dy);
  });

  document.addEventListener("click", (event) => {
    if (suppressClick && event.target instanceof Element && event.target.closest("a.booth")) {
      event.preventDefault();
    }
    suppressClick = false;
  }, true);

  const KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  document.addEventListener("keydown", (event) => {
    const booth = event.target instanceof Element && event.target.closest("[data-plan-editor] a.booth");
    if (!booth || !(event.key in KEYS)) return;
    event.preventDefault();
    const [dx, dy] = KEYS[event.key];
    send(booth, parseFloat(booth.dataset.x) + dx * STEP, parseFloat(booth.dataset.y) + dy * STEP);
  });

  // After the editor is redrawn, keyboard users keep their place on the moved booth.
  document.addEventListener("htmx:afterSwap", () => {
    if (refocus) {
      document.getElementById(refocus)?.focus();
      refocus = null;
    }
  });
})();
