// Filter and focus for the static edition: state lives in the URL (?country=KAZ&country=TJK&focus=TJK).
// Link values are only compared with the five codes the page lists; they are never written into the page.
(() => {
  "use strict";
  const doc = document;
  const boxes = [...doc.querySelectorAll('input[name="country"]')];
  const CODES = boxes.map((b) => b.value);
  const NAMES = Object.fromEntries(boxes.map((b) => [b.value, b.dataset.name]));
  const MAX_VALUES = Number(doc.querySelector("[data-max-values]").dataset.maxValues);
  const state = { countries: [], focus: null };

  const clean = (v) => String(v).trim().toUpperCase();
  const shown = () => (state.countries.length ? state.countries : CODES);

  function readUrl() {
    const params = new URLSearchParams(location.search);
    let ignored = 0;
    // The same rules as the dashboard's components/links.py: any case, duplicates merged, empty values
    // skipped; unknown values, values past MAX_VALUES and a second focus are counted as ignored.
    const countries = params.getAll("country");
    for (const v of countries.slice(0, MAX_VALUES)) {
      const c = clean(v);
      if (!c) continue;
      if (!CODES.includes(c)) ignored += 1;
      else if (!state.countries.includes(c)) state.countries.push(c);
    }
    ignored += Math.max(0, countries.length - MAX_VALUES);
    for (const v of params.getAll("focus")) {
      const c = clean(v);
      if (CODES.includes(c) && !state.focus) state.focus = c;
      else if (c) ignored += 1;
    }
    state.countries = CODES.filter((c) => state.countries.includes(c));
    if (ignored) {
      const notice = doc.getElementById("notice");
      notice.textContent = `Ignored ${ignored} unrecognised value(s) in the link.`;
      notice.hidden = false;
    }
  }

  function writeUrl() {
    const params = new URLSearchParams(location.search);
    params.delete("country");
    params.delete("focus");
    for (const c of CODES) if (state.countries.includes(c)) params.append("country", c);
    if (state.focus) params.set("focus", state.focus);
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? `?${query}` : "") + location.hash);
    const dashboard = doc.getElementById("dashboard");
    if (dashboard) {
      const link = new URL(dashboard.href);
      link.search = query;
      dashboard.href = link.href;
    }
  }

  function restack(svg) {
    const step = Number(svg.dataset.row);
    let y = 0;
    for (const row of svg.querySelectorAll(".row")) {
      if (row.classList.contains("out")) continue;
      row.setAttribute("transform", `translate(0 ${y})`);
      y += step;
    }
    svg.setAttribute("height", String(y + Number(svg.dataset.pad)));
  }

  function render() {
    const visible = shown();
    // As in the dashboard, a focus outside the filter is kept (and said so); it dims nothing then.
    const hiddenFocus = Boolean(state.focus) && !visible.includes(state.focus);
    const f = hiddenFocus ? null : state.focus;
    for (const el of doc.querySelectorAll(".c[data-iso]")) {
      const iso = el.dataset.iso;
      const out = !visible.includes(iso);
      const on = f === iso;
      el.classList.toggle("out", out);
      el.classList.toggle("on", on);
      el.classList.toggle("dim", Boolean(f) && !on);
      if (el.hasAttribute("aria-pressed")) {
        el.setAttribute("aria-pressed", String(on));
        el.setAttribute("tabindex", out ? "-1" : "0");
      }
    }
    doc.querySelectorAll("svg.chart").forEach(restack);
    for (const el of doc.querySelectorAll("[data-profile]")) {
      const iso = el.dataset.profile;
      el.hidden = !visible.includes(iso) || (Boolean(f) && f !== iso);
      if (f === iso) el.open = true;
    }
    for (const el of doc.querySelectorAll("[data-isos]")) {
      el.hidden = !el.dataset.isos.split(" ").some((c) => visible.includes(c));
    }
    for (const b of boxes) b.checked = state.countries.includes(b.value);
    doc.getElementById("clear").disabled = !state.focus;
    const which = state.countries.length ? state.countries.map((c) => NAMES[c]).join(", ") : "all five countries";
    let focusText = "No country in focus.";
    if (hiddenFocus) focusText = `${NAMES[state.focus]} is focused but filtered out; tick it to see it.`;
    else if (f) focusText = `In focus: ${NAMES[f]}.`;
    doc.getElementById("status").textContent = `Showing ${which}. ${focusText}`;
    writeUrl();
  }

  function setMap(option) {
    const ind = option.value;
    for (const shape of doc.querySelectorAll(".map .shape")) {
      shape.setAttribute("fill", shape.getAttribute(`data-f-${ind}`));
      const label = doc.querySelector(`.map .lbl[data-iso="${shape.dataset.iso}"] .lv`);
      label.textContent = shape.getAttribute(`data-l-${ind}`);
    }
    for (const el of doc.querySelectorAll("[data-legend]")) el.hidden = el.dataset.legend !== option.dataset.kind;
    doc.getElementById("map-title").textContent = option.dataset.title;
    doc.getElementById("map-src").textContent = option.dataset.source;
    doc.getElementById("map-alt").textContent = option.dataset.alt;
  }

  const toggle = (iso) => {
    state.focus = state.focus === iso ? null : iso;
    render();
  };
  doc.addEventListener("click", (e) => {
    const target = e.target.closest('[data-act="focus"]');
    if (target) toggle(target.dataset.iso);
  });
  doc.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const target = e.target.closest('[data-act="focus"]');
    if (!target) return;
    e.preventDefault();
    toggle(target.dataset.iso);
  });
  for (const b of boxes) {
    b.addEventListener("change", () => {
      state.countries = boxes.filter((x) => x.checked).map((x) => x.value);
      render();
    });
  }
  doc.getElementById("clear").addEventListener("click", () => {
    state.focus = null;
    render();
  });
  const mapSelect = doc.getElementById("map-ind");
  mapSelect.addEventListener("change", () => setMap(mapSelect.selectedOptions[0]));

  readUrl();
  render();
  setMap(mapSelect.selectedOptions[0]);
})();
