// Filter and focus for the static edition: state lives in the URL (?country=KAZ&country=TJK&focus=TJK).
// Link values are only compared with the five codes the page lists; they are never written into the page.
(() => {
  "use strict";
  const doc = document;
  const boxes = [...doc.querySelectorAll('input[name="country"]')];
  const CODES = boxes.map((b) => b.value);
  const NAMES = Object.fromEntries(boxes.map((b) => [b.value, b.dataset.name]));
  const MAX_VALUES = Number(doc.querySelector("[data-max-values]").dataset.maxValues);
  const sourceBoxes = [...doc.querySelectorAll('input[name="source"]')];
  const SOURCES = sourceBoxes.map((b) => b.value);
  const SOURCE_NAMES = Object.fromEntries(sourceBoxes.map((b) => [b.value, b.dataset.name]));
  const state = { countries: [], focus: null, sources: [] };
  const LABEL_WIDTH = Number(doc.querySelector(".map").dataset.labelWidth);

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
    // Sources: the seed file names the page lists, any case, with or without ".txt" (as links.py reads them).
    const spelled = Object.fromEntries(SOURCES.flatMap((s) => [[s.toLowerCase(), s], [`${s.toLowerCase()}.txt`, s]]));
    const sources = params.getAll("source");
    for (const v of sources.slice(0, MAX_VALUES)) {
      const s = String(v).trim().toLowerCase();
      if (!s) continue;
      if (!(s in spelled)) ignored += 1;
      else if (!state.sources.includes(spelled[s])) state.sources.push(spelled[s]);
    }
    ignored += Math.max(0, sources.length - MAX_VALUES);
    state.sources = SOURCES.filter((s) => state.sources.includes(s));
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
    params.delete("source");
    for (const c of CODES) if (state.countries.includes(c)) params.append("country", c);
    if (state.focus) params.set("focus", state.focus);
    for (const s of SOURCES) if (state.sources.includes(s)) params.append("source", s);
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? `?${query}` : "") + location.hash);
    const dashboard = doc.getElementById("dashboard");
    if (dashboard) {
      const link = new URL(dashboard.href);
      link.search = query;
      dashboard.href = link.href;
    }
  }

  // Sources ------------------------------------------------------------------------------------------------
  // Every figure is in the page; the reader's choice of articles decides which one each row, cell, map state and
  // profile line shows. Nothing here writes markup: only classes, `hidden` and text.
  const chosen = () => (state.sources.length ? state.sources : SOURCES);
  const said = (el, picked) =>
    !SOURCES.length || !el.dataset.src || el.dataset.src.split(" ").some((s) => picked.includes(s));
  const byIso = (rows) => rows.reduce((m, r) => m.set(r.dataset.iso, [...(m.get(r.dataset.iso) || []), r]), new Map());

  function yearsLabel(years) {
    const stated = [...new Set(years.filter((y) => y))].sort();
    let span = stated.length === 1 ? stated[0] : stated.length ? `${stated[0]} to ${stated[stated.length - 1]}` : "";
    if (years.includes("")) span = span ? `${span}; some with no year stated` : "no year stated";
    return span;
  }

  function chooseBars(section, picked) {
    const svg = section.querySelector("svg.chart");
    const years = [];
    const shown = [];
    for (const [, rows] of byIso([...svg.querySelectorAll(".row")])) {
      const candidates = rows.filter((r) => !r.classList.contains("none"));
      const open = candidates.filter((r) => said(r, picked));
      const none = rows.find((r) => r.classList.contains("none"));
      for (const r of rows) r.classList.add("alt");
      if (open.length) {
        open[0].classList.remove("alt");
        years.push(open[0].dataset.year);
        shown.push([open[0], open.length - 1]);
      } else if (none) none.classList.remove("alt");
    }
    const mixed = new Set(years).size > 1;
    svg.classList.toggle("mixed", mixed);
    for (const [row, n] of shown) {
      const more = row.querySelector(".more");
      if (more) more.textContent = n ? more.dataset.joint + svg.dataset.more.replace("{n}", n.toLocaleString("en-US")) : "";
    }
    const h = section.querySelector("h3");
    if (!years.length) return;
    if (mixed) h.textContent = h.dataset.tMixed.replace("{years}", yearsLabel(years));
    else if (years[0]) h.textContent = h.dataset.tOne.replace("{y}", years[0]);
    else h.textContent = h.dataset.tNone;
  }

  function chooseVotes(panel, picked) {
    for (const cell of panel.querySelectorAll(".cell")) {
      const marks = [...cell.querySelectorAll(".pos:not(.none)")];
      let n = 0;
      for (const m of marks) {
        const on = said(m, picked);
        m.classList.toggle("alt", !on);
        n += on;
      }
      const none = cell.querySelector(".pos.none");
      if (none) none.classList.toggle("alt", n > 0);
      cell.classList.toggle("differ", n > 1);
    }
    for (const li of panel.querySelectorAll(".differ-note li[data-cell]")) {
      const cell = [...panel.querySelectorAll(".cell")].find((c) => c.dataset.cell === li.dataset.cell);
      li.hidden = !cell || !cell.classList.contains("differ");
    }
    const note = panel.querySelector(".differ-note");
    if (note) note.hidden = !note.querySelector("li[data-cell]:not([hidden])");
  }

  function chooseMap(picked) {
    const map = doc.querySelector(".map");
    for (const shape of doc.querySelectorAll(".map .shape")) {
      for (const option of doc.getElementById("map-ind").options) {
        const ind = option.value;
        const candidates = JSON.parse(shape.getAttribute(`data-c-${ind}`) || "[]");
        const open = candidates.filter(([src]) => src.split(" ").some((s) => picked.includes(s)));
        let fill = map.dataset.noneFill;
        let label = "not reported";
        if (shape.getAttribute(`data-k-${ind}`) === "vote") {
          if (open.length === 1) [, fill, label] = open[0];
          else if (open.length > 1) {
            fill = map.dataset.differFill;
            label = `${open.map((c) => c[2]).join(" or ")} ≠`;
          }
        } else if (open.length) {
          const svg = doc.querySelector(`#panel-${ind} svg.chart`);
          const mixed = svg && svg.classList.contains("mixed");
          fill = open[0][1];
          label = open[0][2] + (mixed ? ` (${open[0][3] || map.dataset.noYear})` : "");
        }
        shape.setAttribute(`data-f-${ind}`, fill);
        shape.setAttribute(`data-l-${ind}`, label);
      }
    }
  }

  // Retelling: the summary, the credit line and the panels' source lines for the sources picked, filled in from the
  // wordings the page carries (data-texts: the same sentences the page was built with) and the figures left.
  const controls = doc.querySelector(".controls");
  const TEXTS = controls.dataset.texts ? JSON.parse(controls.dataset.texts) : null;
  const fill = (template, blanks) => template.replace(/\{(\w+)\}/g, (all, k) => (k in blanks ? blanks[k] : all));
  const count = (n) => n.toLocaleString("en-US");
  const outletOf = (s) => sourceBoxes.find((b) => b.value === s).dataset.outlet;
  const joinNames = (names) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);
  const original = new Map();

  function keep(el, text) {
    if (!original.has(el)) original.set(el, el.textContent);
    el.textContent = state.sources.length ? text : original.get(el);
  }

  function sourceLine(section, picked) {
    let cites = JSON.parse(section.dataset.cites).filter(([s]) => picked.includes(s));
    if (!cites.length) cites = picked.map((s) => [s, []]);  // none gives this indicator: they are its sources
    const credits = [...new Set(cites.flatMap(([, c]) => c))].sort();
    if (cites.length > 1) {
      if (cites.length > TEXTS.maxListed) return fill(TEXTS.lineCounted, { n: count(cites.length) });
      const names = [...new Set(cites.map(([s]) => outletOf(s)))].join("; ");
      const cited = credits.length ? fill(TEXTS.lineCiting, { credits: credits.join("; ") }) : "";
      return fill(TEXTS.lineListed, { names, cited });
    }
    const cited = credits.length ? fill(TEXTS.lineCitedBy, { credits: credits.join("; ") }) : "";
    return fill(TEXTS.lineOne, { cited, outlet: cites.length ? outletOf(cites[0][0]) : TEXTS.outlet });
  }

  function credit(picked) {
    if (picked.length === 1) return sourceBoxes.find((b) => b.value === picked[0]).dataset.credit;
    let listed = picked.map((s) => SOURCE_NAMES[s]).join("; ");
    if (picked.length > TEXTS.maxListed) {
      const outlets = new Set(picked.map((s) => sourceBoxes.find((b) => b.value === s).dataset.house)).size;
      listed = fill(TEXTS.outlets, { k: count(outlets), s: outlets === 1 ? "" : "s" });
    }
    return fill(TEXTS.manyCredit, { n: count(picked.length), listed });
  }

  // The largest of the countries' most recent figures drawn (a range is no single figure).
  function top(indicator) {
    let best = null;
    for (const row of doc.querySelectorAll(`#panel-${indicator} svg.chart .row:not(.alt):not(.none)`)) {
      if (row.dataset.v === "" || row.classList.contains("none")) continue;
      if (!best || Number(row.dataset.v) > Number(best.dataset.v)) best = row;
    }
    return best;
  }

  function voteSentence(panel, picked) {
    const columns = JSON.parse(panel.dataset.votes);
    const cells = new Map([...panel.querySelectorAll(".cell[data-cell]")].map((c) => [c.dataset.cell, c]));
    const shown = (iso, label) => {
      const cell = cells.get(`${iso}|${label}`);
      return cell ? [...cell.querySelectorAll(".pos:not(.none):not(.alt) title")].map((t) => t.textContent) : [];
    };
    let first = null;
    for (const iso of CODES) {
      for (const column of columns) if (!first && shown(iso, column.label).length) first = column;
    }
    if (!first) return "";
    const mention = [];
    for (const [s, iso] of JSON.parse(panel.dataset.order)) if (picked.includes(s) && !mention.includes(iso)) mention.push(iso);
    const groups = new Map();
    const disputed = [];
    for (const iso of mention) {
      const said = shown(iso, first.label);
      if (said.length > 1) disputed.push(NAMES[iso]);
      else if (said.length === 1) groups.set(said[0], [...(groups.get(said[0]) || []), NAMES[iso]]);
    }
    const parts = [...groups].map(([position, names]) => `${joinNames(names)} ${position}`);
    if (disputed.length) parts.push(fill(TEXTS.differOn, { names: joinNames(disputed) }));
    const date = first.dates.find(([s]) => picked.includes(s));
    const on = date ? fill(TEXTS.on, { date: date[1] }) : "";
    return fill(first.condemns ? TEXTS.condemned : TEXTS.inVote, { on, vote: first.label, groups: parts.join("; ") });
  }

  function retell(picked) {
    if (!TEXTS) return;
    const sentences = [];
    const workers = top("migrant_workers");
    const remit = top("remittances_share_of_gdp");
    if (workers && remit) {
      const y = workers.dataset.year ? fill(TEXTS.inYear, { year: workers.dataset.year }) : "";
      sentences.push(fill(TEXTS.figures, { who: workers.dataset.who, w: workers.dataset.said, wc: NAMES[workers.dataset.iso], y,
        r: remit.dataset.said, rc: NAMES[remit.dataset.iso] }));
    }
    const votes = doc.querySelector("section.panel[data-votes]");
    const vote = votes ? voteSentence(votes, picked) : "";
    if (vote) sentences.push(vote);
    keep(doc.getElementById("summary"), sentences.join(" "));
    keep(doc.getElementById("credit"), credit(picked));
    for (const section of doc.querySelectorAll("section.panel[data-cites]")) {
      keep(section.querySelector("p.src"), sourceLine(section, picked));
    }
  }

  function chooseSources() {
    if (!SOURCES.length) return;
    const picked = chosen();
    for (const section of doc.querySelectorAll("section.panel[id^='panel-']")) {
      if (section.querySelector("svg.votes")) chooseVotes(section, picked);
      else if (section.querySelector("svg.chart")) chooseBars(section, picked);
    }
    chooseMap(picked);
    for (const table of doc.querySelectorAll("table.profile")) {
      const rows = [...table.querySelectorAll("tr[data-src]")];
      for (const tr of rows) tr.hidden = !said(tr, picked);
      const groups = new Map();
      for (const tr of rows.filter((r) => !r.hidden && r.dataset.group)) {
        groups.set(tr.dataset.group, new Set([...(groups.get(tr.dataset.group) || []), tr.dataset.key]));
      }
      for (const tr of rows) {
        const tag = tr.querySelector(".differ");
        if (tag) tag.hidden = (groups.get(tr.dataset.group) || new Set()).size < 2;
      }
      for (const none of table.querySelectorAll("tr.none[data-ind]")) {
        none.hidden = rows.some((r) => !r.hidden && r.dataset.ind === none.dataset.ind);
      }
      for (const g of table.querySelectorAll(".trend g[data-src]")) g.classList.toggle("alt", !said(g, picked));
    }
    for (const el of doc.querySelectorAll("ul.arts li[data-src]")) el.hidden = !said(el, picked);
    retell(picked);
  }

  function restack(svg) {
    const step = Number(svg.dataset.row);
    let y = Number(svg.dataset.head || 0);
    for (const row of svg.querySelectorAll(".row")) {
      if (row.classList.contains("out") || row.classList.contains("alt")) continue;
      row.setAttribute("transform", `translate(0 ${y})`);
      y += Number(row.dataset.h || step);
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
    chooseSources();
    doc.querySelectorAll("svg.chart").forEach(restack);
    for (const el of doc.querySelectorAll("[data-profile]")) {
      const iso = el.dataset.profile;
      el.hidden = !visible.includes(iso) || (Boolean(f) && f !== iso);
      if (f === iso) el.open = true;
    }
    const picked = chosen();
    for (const el of doc.querySelectorAll(".context li")) {
      const country = !el.dataset.isos || el.dataset.isos.split(" ").some((c) => visible.includes(c));
      el.hidden = !country || !said(el, picked);
    }
    for (const b of boxes) b.checked = state.countries.includes(b.value);
    for (const b of sourceBoxes) b.checked = state.sources.includes(b.value);
    const list = doc.querySelector("details.srcs");
    if (list && state.sources.length) list.open = true;
    doc.getElementById("clear").disabled = !state.focus;
    const which = state.countries.length ? state.countries.map((c) => NAMES[c]).join(", ") : "all five countries";
    let focusText = "No country in focus.";
    if (hiddenFocus) focusText = `${NAMES[state.focus]} is focused but filtered out; tick it to see it.`;
    else if (f) focusText = `In focus: ${NAMES[f]}.`;
    const from = state.sources.length ? ` From ${state.sources.map((s) => SOURCE_NAMES[s]).join("; ")} only.` : "";
    doc.getElementById("status").textContent = `Showing ${which}. ${focusText}${from}`;
    writeUrl();
  }

  // A long label in two lines, cut at the space nearest its middle (as map_states.split_label does).
  function splitLabel(label) {
    if (label.length <= LABEL_WIDTH || !label.includes(" ")) return [label, ""];
    let cut = -1;
    for (let i = 0; i < label.length; i += 1) {
      if (label[i] === " " && (cut < 0 || Math.abs(i - label.length / 2) < Math.abs(cut - label.length / 2))) cut = i;
    }
    return [label.slice(0, cut), label.slice(cut + 1)];
  }

  function setMap(option) {
    const ind = option.value;
    for (const shape of doc.querySelectorAll(".map .shape")) {
      shape.setAttribute("fill", shape.getAttribute(`data-f-${ind}`));
      const [first, second] = doc.querySelectorAll(`.map .lbl[data-iso="${shape.dataset.iso}"] .lv`);
      [first.textContent, second.textContent] = splitLabel(shape.getAttribute(`data-l-${ind}`));
    }
    for (const el of doc.querySelectorAll("[data-legend]")) el.hidden = el.dataset.legend !== option.dataset.kind;
    // A quantity's map title is its panel's, which the sources choice may have retitled.
    const panelTitle = doc.querySelector(`#panel-${ind} h3[data-t-one]`);
    doc.getElementById("map-title").textContent = panelTitle ? panelTitle.textContent : option.dataset.title;
    const panel = doc.querySelector(`#panel-${ind}[data-cites]`);
    doc.getElementById("map-src").textContent =
      TEXTS && panel && state.sources.length ? sourceLine(panel, chosen()) : option.dataset.source;
    // The text alternative, as svg_charts.map_alt writes it, from what the map now shows.
    const states = [...doc.querySelectorAll(".map .shape")]
      .map((el) => `${NAMES[el.dataset.iso]}: ${el.getAttribute(`data-l-${ind}`)}`);
    doc.getElementById("map-alt").textContent =
      `Map of Central Asia: ${doc.getElementById("map-title").textContent}. ${states.join("; ")}.`;
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
  for (const b of sourceBoxes) {
    b.addEventListener("change", () => {
      state.sources = sourceBoxes.filter((x) => x.checked).map((x) => x.value);
      render();
      setMap(mapSelect.selectedOptions[0]);
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
