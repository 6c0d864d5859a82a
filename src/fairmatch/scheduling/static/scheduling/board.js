// The schedule board: drag and drop (and the same with the keyboard) to move or swap
// meetings, each place checked by the server before anything is saved; a details panel;
// confirmations for destructive changes. No inline script: the Content Security Policy
// forbids it. The board's partial (#board-main) is replaced by htmx after every change.
"use strict";

(() => {
  // htmx copies "style" attributes while settling a swap, which the Content Security Policy
  // refuses (style-src-attr); the board settles classes only.
  if (window.htmx) window.htmx.config.attributesToSettle = ["class", "width", "height"];
  const main = () => document.getElementById("board-main");
  const statusLine = () => document.getElementById("board-status");
  const checks = new Map(); // "meeting:version:slot:table" -> Promise of the server's answer
  let picked = null; // {button, meeting, version} while a meeting is carried (keyboard or drag)
  let target = null; // the <td> the carried meeting would go to
  let focusAfterSwap = null; // a meeting to focus when the board comes back

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    } catch {
      return {};
    }
  }

  function say(text, kind) {
    const line = statusLine();
    if (!line) return;
    line.textContent = text;
    line.classList.toggle("refused", kind === "refused");
    line.classList.toggle("ok", kind === "ok");
  }

  function filters() {
    const form = document.getElementById("board-filters");
    const values = {};
    if (form) new FormData(form).forEach((value, key) => { values[key] = value; });
    return values;
  }

  function cellsOfGrid() {
    const grid = document.querySelector("#board.tables");
    if (!grid) return [];
    return Array.from(grid.tBodies[0].rows, (row) => Array.from(row.querySelectorAll("td.cell")));
  }

  function positionOf(cell) {
    const rows = cellsOfGrid();
    for (let r = 0; r < rows.length; r += 1) {
      const c = rows[r].indexOf(cell);
      if (c >= 0) return [r, c];
    }
    return null;
  }

  function clearMarks() {
    for (const cell of document.querySelectorAll("#board td.drop-ok, #board td.drop-refused, #board td.target")) {
      cell.classList.remove("drop-ok", "drop-refused", "target");
      cell.querySelector(".drop-note")?.remove();
    }
  }

  function check(meeting, cell) {
    const key = `${meeting.meeting}:${meeting.version}:${cell.dataset.slot}:${cell.dataset.table}`;
    if (!checks.has(key)) {
      const root = main();
      const query = new URLSearchParams({
        meeting: meeting.meeting,
        version: meeting.version,
        slot: cell.dataset.slot,
        table: cell.dataset.table,
      });
      checks.set(
        key,
        fetch(`${root.dataset.checkUrl}?${query}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
          .then((response) => response.json())
          .catch(() => ({ ok: false, message: "?" })),
      );
    }
    return checks.get(key);
  }

  async function showCheck(meeting, cell) {
    const answer = await check(meeting, cell);
    if (target !== cell && !cell.classList.contains("target")) return answer;
    cell.classList.remove("drop-ok", "drop-refused");
    cell.classList.add(answer.ok ? "drop-ok" : "drop-refused");
    let note = cell.querySelector(".drop-note");
    if (!note) {
      note = document.createElement("span");
      note.className = "drop-note";
      cell.append(note);
    }
    note.textContent = answer.ok ? "✓" : answer.message;
    say(`${cell.dataset.label}: ${answer.message}`, answer.ok ? "ok" : "refused");
    return answer;
  }

  function aim(cell) {
    clearMarks();
    target = cell;
    if (!cell) return;
    cell.classList.add("target");
    if (picked) showCheck(picked, cell);
  }

  async function drop(cell) {
    if (!picked || !cell) return;
    const carried = picked;
    const answer = await check(carried, cell);
    if (!answer.ok) {
      target = cell;
      cell.classList.add("target");
      await showCheck(carried, cell);
      return;
    }
    const root = main();
    let url;
    let values;
    if (answer.kind === "swap") {
      const other = cell.querySelector("button.meeting");
      url = root.dataset.swapUrl;
      values = {
        first: carried.meeting,
        first_version: carried.version,
        second: answer.other,
        second_version: other ? other.dataset.version : answer.other_version,
      };
    } else {
      url = root.dataset.moveUrl;
      values = { meeting: carried.meeting, version: carried.version, slot: cell.dataset.slot, table: cell.dataset.table };
    }
    focusAfterSwap = carried.meeting;
    putDown();
    checks.clear();
    window.htmx.ajax("POST", url, {
      target: "#board-main",
      swap: "outerHTML",
      values: { ...filters(), ...values },
      headers: csrfHeaders(),
    });
  }

  function pickUp(button) {
    putDown();
    picked = { button, meeting: button.dataset.meeting, version: button.dataset.version };
    button.classList.add("picked");
    button.setAttribute("aria-pressed", "true");
    const home = button.closest("td.cell");
    const first = cellsOfGrid()[0]?.[0];
    say(button.closest("#board") ? document.getElementById("board-help")?.textContent || "" : "", "");
    if (home || first) {
      const cell = home || first;
      cell.tabIndex = -1;
      target = cell;
      if (!home) aim(cell);
      cell.focus();
    }
  }

  function putDown() {
    if (picked) {
      picked.button.classList.remove("picked", "dragging");
      picked.button.removeAttribute("aria-pressed");
    }
    picked = null;
    target = null;
    clearMarks();
  }

  function showDetails(button, reveal) {
    const root = main();
    for (const other of document.querySelectorAll("button.meeting.selected")) other.classList.remove("selected");
    button.classList.add("selected");
    const url = root.dataset.detailsUrl.replace(/\/0\/$/, `/${button.dataset.meeting}/`);
    window.htmx.ajax("GET", url, { target: "#board-details", swap: "innerHTML" }).then(() => {
      // Below the grid (narrow screens), the panel is brought into view after a click.
      const panel = document.getElementById("board-details");
      if (reveal && panel && panel.getBoundingClientRect().top > window.innerHeight) {
        panel.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });
  }

  // --- Mouse and touch: click for details, drag and drop to move or swap -----------------
  // On a touch screen: "Move or swap" in the details picks the meeting up; a tap on a place
  // shows the server's answer there, a second tap on the same place puts the meeting there.
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const pick = event.target.closest("[data-board-pick]");
    if (pick) {
      const button = document.querySelector(
        `#board-main button.meeting[data-meeting="${CSS.escape(pick.dataset.boardPick)}"]`,
      );
      if (!button) return;
      pickUp(button);
      say(pick.dataset.help || "", "");
      document.getElementById("board-scroll")?.scrollIntoView({ block: "nearest" });
      return;
    }
    if (picked && !picked.button.classList.contains("dragging")) {
      const cell = event.target.closest("#board td.cell");
      if (cell) {
        event.preventDefault();
        if (cell === picked.button.closest("td.cell")) {
          putDown();
          say("", "");
        } else if (cell === target && cell.classList.contains("drop-ok")) drop(cell);
        else aim(cell);
        return;
      }
    }
    const button = event.target.closest("#board-main button.meeting");
    if (!button) return;
    showDetails(button, true);
  });

  document.addEventListener("dragstart", (event) => {
    const button = event.target instanceof Element && event.target.closest("#board-main button.meeting[draggable]");
    if (!button) return;
    putDown();
    picked = { button, meeting: button.dataset.meeting, version: button.dataset.version };
    button.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", button.dataset.meeting);
  });

  document.addEventListener("dragover", (event) => {
    if (!picked) return;
    const cell = event.target instanceof Element && event.target.closest("#board td.cell");
    if (!cell) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (cell !== target) aim(cell);
  });

  document.addEventListener("drop", (event) => {
    if (!picked) return;
    const cell = event.target instanceof Element && event.target.closest("#board td.cell");
    if (!cell) return;
    event.preventDefault();
    drop(cell);
  });

  document.addEventListener("dragend", () => {
    if (picked && picked.button.classList.contains("dragging")) {
      picked.button.classList.remove("dragging");
      // A refused drop keeps its answer on screen; the meeting is no longer carried.
      picked = null;
    }
  });

  // --- Keyboard: Enter/Space picks up, arrows aim, Enter drops, Escape gives up -----------
  const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  document.addEventListener("keydown", (event) => {
    const inBoard = event.target instanceof Element && event.target.closest("#board-main");
    if (!inBoard) return;
    const button = event.target.closest("button.meeting");
    if (event.key === "Escape" && picked) {
      const home = picked.button;
      putDown();
      say("", "");
      home.focus();
      event.preventDefault();
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && !picked && button) {
      event.preventDefault();
      pickUp(button);
      showDetails(button);
      return;
    }
    if (event.key === "Enter" && picked) {
      event.preventDefault();
      if (target && target !== picked.button.closest("td.cell")) drop(target);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    const from = (picked && target) || event.target.closest("td.cell");
    const at = from && positionOf(from);
    if (!at) return;
    const rows = cellsOfGrid();
    const row = rows[at[0] + move[0]];
    const cell = row && row[at[1] + move[1]];
    if (!cell) return;
    event.preventDefault();
    if (picked) {
      aim(cell);
      cell.tabIndex = -1;
      cell.focus();
    } else {
      const inside = cell.querySelector("button.meeting");
      if (inside) inside.focus();
      else {
        cell.tabIndex = -1;
        cell.focus();
      }
    }
  });

  // --- After htmx replaced the board: forget stale checks, give the focus back ------------
  document.addEventListener("htmx:afterSettle", (event) => {
    if (!(event.target instanceof Element) || event.target.id !== "board-main") return;
    checks.clear();
    picked = null;
    target = null;
    // Messages of the page's first load are old news once the board answered a change.
    for (const old of document.querySelectorAll("main > .messages")) old.remove();
    if (focusAfterSwap) {
      const again = document.querySelector(`#board-main button.meeting[data-meeting="${CSS.escape(focusAfterSwap)}"]`);
      focusAfterSwap = null;
      if (again) again.focus();
    }
  });

  // A filter changed: start again from the first page.
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.closest("#board-filters") && event.target.id !== "board-page") {
      const page = document.getElementById("board-page");
      if (page) page.value = "1";
    }
  });
  document.addEventListener("input", (event) => {
    if (event.target instanceof Element && event.target.id === "board-q") {
      const page = document.getElementById("board-page");
      if (page) page.value = "1";
    }
  });

  // --- Confirmations (hx-confirm) in the page's own dialog --------------------------------
  document.addEventListener("htmx:confirm", (event) => {
    const question = event.detail.question;
    const dialog = document.getElementById("board-confirm");
    if (!question || !dialog || typeof dialog.showModal !== "function") return;
    event.preventDefault();
    dialog.querySelector("#board-confirm-text").textContent = question;
    dialog.returnValue = "";
    dialog.addEventListener(
      "close",
      () => {
        if (dialog.returnValue === "yes") event.detail.issueRequest(true);
      },
      { once: true },
    );
    dialog.showModal();
  });
})();
