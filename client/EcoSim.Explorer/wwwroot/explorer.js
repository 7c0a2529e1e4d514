// The explorer page: glue between the HTTP API (/api, see /openapi/v1.json) and uPlot charts.
"use strict";

const KEY_METRICS = ["knowledge_stock", "breakthroughs", "adoption_share", "firms", "venture_investment", "researchers", "wage", "value_added", "productivity"];
const COLORS = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0a7ea4", "#bf3989", "#57606a"];
const $ = (id) => document.getElementById(id);

const page = {
  metrics: [], index: {}, levers: [], scenarios: [],
  facility: null,           // GET /api/facilities: the large-facility lever
  talent: null,             // GET /api/talent-programmes: the talent-programme lever
  runs: new Map(),          // id -> { view, quarters: [], color, source }
  current: null,            // id of the run the buttons drive
  charts: new Map(),        // metric name -> uPlot
  clusterChart: null,
  drawPending: false,
  sent: [],                 // the levers of the last request, to place the server's messages
  ensemble: null,           // { view, quarters } of the session's ensemble
  limits: null,             // GET /api/limits
  sizesChart: null,         // the firm-size histogram
};

async function api(method, path, body) {
  const response = await fetch(path, {
    method, credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw Object.assign(new Error(data.error || `HTTP ${response.status}`), { status: response.status, problems: data.problems || [] });
  return data;
}

// Axis ticks: as few digits as the ticks need (100, 102.5, 25%, 1.6 M).
function tick(value, unit) {
  if (unit === "share") return `${+(value * 100).toPrecision(3)}%`;
  if (Math.abs(value) >= 1e6) return `${+(value / 1e6).toPrecision(3)} M`;
  return (+value.toPrecision(6)).toLocaleString("en", { maximumFractionDigits: 3 });
}

function fmt(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const abs = Math.abs(value);
  if (unit === "share") return (value * 100).toFixed(1) + "%";
  if (abs >= 1e6) return (value / 1e6).toFixed(2) + " M";
  if (abs >= 1e4) return Math.round(value).toLocaleString("en");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

// ---- errors shown beside the control they concern ----
function clearErrors() {
  $("error").textContent = "";
  $("scenario-text-errors").innerHTML = "";
  document.querySelectorAll("[data-error-for]").forEach((e) => { e.textContent = ""; });
}
// The server names a lever by its place in the request (levers[1].value); the page by its name.
function fieldOnPage(field) {
  const match = /^levers\[(\d+)\]\.(\w+)$/.exec(field);
  const lever = match && page.sent[Number(match[1])];
  return lever ? `lever:${lever.name}:${match[2]}` : field;
}
function showError(error) {
  const placed = [];
  for (const problem of error.problems || []) {
    const field = fieldOnPage(problem.field);
    const target = document.querySelector(`[data-error-for="${CSS.escape(field)}"]`)
      || document.querySelector(`[data-error-for="${CSS.escape(field.split(".")[0])}"]`);
    if (problem.field === "scenarioText" && problem.errors && problem.errors.length) { showScenarioErrors(problem.errors); placed.push(problem); continue; }
    if (target) { target.textContent = problem.message; placed.push(problem); }
  }
  if (placed.length < (error.problems || []).length || !(error.problems || []).length) $("error").textContent = error.message;
}

// A pasted scenario's errors, each with its line and column; a click selects the line in the box.
function showScenarioErrors(errors) {
  const list = $("scenario-text-errors");
  list.innerHTML = "";
  $("paste").open = true;
  for (const e of errors) {
    const li = document.createElement("li");
    const where = e.line > 0 ? `line ${e.line}, column ${e.column}` : "the whole text";
    const file = e.file && e.file !== "pasted.yaml" ? `${e.file}, ` : "";
    li.textContent = `${file}${where}: ${e.key ? e.key + ": " : ""}${e.message}`;
    li.dataset.line = e.line;
    li.dataset.column = e.column;
    if (e.line > 0 && !file) li.addEventListener("click", () => selectLine(e.line));
    list.appendChild(li);
  }
}
function selectLine(line) {
  const box = $("scenario-text");
  const lines = box.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  box.focus();
  box.setSelectionRange(start, start + (lines[line - 1] ?? "").length);
}

// ---- levers ----
function renderLevers() {
  const box = $("levers");
  box.innerHTML = "";
  page.levers.forEach((lever) => {
    const div = document.createElement("div");
    div.className = "lever";
    div.innerHTML = `<div class="name"></div><div class="unit"></div>
      <div class="row"><input type="range"><input type="number" class="value"><label class="hint">from <input class="from" placeholder="start"></label></div>
      <p class="error" data-error-for="lever:${lever.name}:value"></p><p class="error" data-error-for="lever:${lever.name}:from"></p><p class="error" data-error-for="lever:${lever.name}:name"></p>`;
    div.querySelector(".name").textContent = lever.label;
    div.querySelector(".unit").textContent = `${lever.description} (${lever.unit}; ${lever.min} to ${lever.max}; default ${lever.default})`;
    const range = div.querySelector("input[type=range]"), number = div.querySelector(".value");
    range.min = lever.sliderMin; range.max = lever.sliderMax; range.step = (lever.sliderMax - lever.sliderMin) / 200;
    range.value = lever.default; number.value = lever.default; number.step = "any";
    range.dataset.lever = lever.name; number.dataset.lever = lever.name;
    range.setAttribute("aria-label", lever.label);
    number.setAttribute("aria-label", `${lever.label} value`);
    range.addEventListener("input", () => { number.value = range.value; });
    number.addEventListener("input", () => { range.value = number.value; });
    div.dataset.lever = lever.name;
    box.appendChild(div);
  });
}
function leverInputs() {
  return page.levers.map((lever) => {
    const div = document.querySelector(`.lever[data-lever="${lever.name}"]`);
    return { lever, value: Number(div.querySelector(".value").value), from: div.querySelector(".from").value.trim() || null };
  });
}
// Levers that differ from the model's defaults (for a new run) or from the run's own values (for a branch).
function changedLevers(reference) {
  return leverInputs().filter(({ lever, value }) => value !== (reference.has(lever.name) ? reference.get(lever.name) : lever.default))
    .map(({ lever, value, from }) => ({ name: lever.name, value, from }));
}
function leversOf(view) {
  const values = new Map();
  for (const l of view.levers) values.set(l.name, l.value);
  return values;
}

// ---- event levers (scenario events, offered as GET /api/facilities and GET /api/talent-programmes describe them) ----
// One slider and box per number of an event; `attribute` names each control's data attribute, `field` the request's field.
function renderEventFields(box, fields, attribute, field) {
  box.innerHTML = "";
  for (const f of fields) {
    const div = document.createElement("div");
    div.className = "lever";
    div.setAttribute(attribute, f.name);
    div.innerHTML = `<div class="name"></div><div class="unit"></div>
      <div class="row"><input type="range"><input type="number" class="value"></div><p class="error" data-error-for="${field}[0].${f.name}"></p>`;
    div.querySelector(".name").textContent = f.label;
    div.querySelector(".unit").textContent = `${f.description} (${f.unit}; ${f.min} to ${f.max})`;
    const range = div.querySelector("input[type=range]"), number = div.querySelector(".value");
    range.min = f.sliderMin; range.max = f.sliderMax; range.step = (f.sliderMax - f.sliderMin) / 200;
    range.value = f.default; number.value = f.default; number.step = "any";
    range.setAttribute("aria-label", f.label);
    number.setAttribute("aria-label", `${f.label} value`);
    range.addEventListener("input", () => { number.value = range.value; });
    number.addEventListener("input", () => { range.value = number.value; });
    box.appendChild(div);
  }
}
// The numbers typed in an event's controls, by key (null where a box is empty, for the server to say it is required).
function eventNumbers(attribute, into) {
  for (const div of document.querySelectorAll(`[${attribute}]`)) {
    const typed = div.querySelector(".value").value.trim();
    into[div.getAttribute(attribute)] = typed === "" ? null : Number(typed);
  }
  return into;
}
// The clusters of the scenario chosen in a select, the one kept (or proposed) selected when it is there.
function clusterChoices(select, clusters, proposed) {
  const kept = select.value || proposed;
  select.innerHTML = "";
  for (const id of clusters) select.add(new Option(id, id, id === kept, id === kept));
}

// ---- the large facility ----
function renderFacility() {
  const info = page.facility;
  $("facility-name").value = info.name;
  $("facility-from").value = info.from;
  renderEventFields($("facility-fields"), info.fields, "data-facility-field", "facilities");
  $("facility-on").addEventListener("change", () => { $("facility").hidden = !$("facility-on").checked; });
}
// The host clusters of the scenario chosen, the proposed one selected when it is there.
function facilityClusters(clusters) { clusterChoices($("facility-cluster"), clusters, page.facility.cluster); }
function facilityInput() {
  if (!$("facility-on").checked) return null;
  return eventNumbers("data-facility-field", { name: $("facility-name").value, cluster: $("facility-cluster").value, from: $("facility-from").value.trim() || null });
}
// The facility to ask for: none if unticked or, for a branch, if the run already builds this very one.
function facilitiesToSend(view) {
  const wanted = facilityInput();
  if (!wanted) return [];
  const same = (f) => ["name", "cluster", ...page.facility.fields.map((x) => x.name)].every((k) => f[k] === wanted[k]) && (!wanted.from || f.from === wanted.from);
  return view && view.facilities.some(same) ? [] : [wanted];
}
function describeFacilities(view) {
  return view.facilities.map((f) => `${f.name} in ${f.cluster} from ${f.from}`);
}

// ---- the talent programme ----
function renderTalent() {
  const info = page.talent;
  $("talent-from").value = info.from;
  $("talent-until").value = info.until;
  renderEventFields($("talent-fields"), info.fields, "data-talent-field", "talentProgrammes");
  $("talent-on").addEventListener("change", () => { $("talent").hidden = !$("talent-on").checked; });
}
function talentClusters(clusters) { clusterChoices($("talent-cluster"), clusters, page.talent.cluster); }
function talentInput() {
  if (!$("talent-on").checked) return null;
  return eventNumbers("data-talent-field",
    { cluster: $("talent-cluster").value, from: $("talent-from").value.trim() || null, until: $("talent-until").value.trim() || null });
}
// The programme to ask for: none if unticked or, for a branch, if the run already runs this very one.
function talentToSend(view) {
  const wanted = talentInput();
  if (!wanted) return [];
  const same = (p) => ["cluster", "until", ...page.talent.fields.map((x) => x.name)].every((k) => p[k] === wanted[k]) && (!wanted.from || p.from === wanted.from);
  return view && view.talentProgrammes.some(same) ? [] : [wanted];
}
function describeTalent(view) {
  return view.talentProgrammes.map((p) => `${p.researchersPerYear.toLocaleString("en")} researchers/yr into ${p.cluster} from ${p.from}${p.until ? " until " + p.until : ""}`);
}

// ---- runs ----
function rootOf(id) { let run = page.runs.get(id); while (run && run.view.parent && page.runs.has(run.view.parent)) run = page.runs.get(run.view.parent); return run ? run.view.id : id; }
function family(id) { const root = rootOf(id); return [...page.runs.values()].filter((r) => rootOf(r.view.id) === root); }

function adopt(view, quarters) {
  const known = page.runs.get(view.id);
  const run = known || { view, quarters: [], color: COLORS[page.runs.size % COLORS.length], source: null };
  run.view = view;
  if (quarters) for (const q of quarters) run.quarters[q.tick] = q;
  page.runs.set(view.id, run);
  if (!run.source) listen(run);
  return run;
}

function listen(run) {
  const source = new EventSource(`api/runs/${run.view.id}/events?from=${run.quarters.length}`);
  source.addEventListener("quarter", (e) => { const q = JSON.parse(e.data).quarter; run.quarters[q.tick] = q; scheduleDraw(); });
  source.addEventListener("status", (e) => { run.view = JSON.parse(e.data).run; updateButtons(); renderRuns(); });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) run.source = null; };
  run.source = source;
}

function select(id) {
  page.current = id;
  buildCharts();
  renderRuns();
  updateButtons();
  scheduleDraw();
}

function renderRuns() {
  const list = $("runs");
  list.innerHTML = "";
  for (const run of page.runs.values()) {
    const li = document.createElement("li");
    if (run.view.id === page.current) li.className = "current";
    const name = run.view.parent ? `branch at ${run.view.branchQuarter}` : `${run.view.scenario}, seed ${run.view.seed}`;
    const levers = [...run.view.levers.map((l) => `${l.name}=${l.value}${l.from ? " from " + l.from : ""}`), ...describeFacilities(run.view), ...describeTalent(run.view)].join(", ");
    li.innerHTML = `<span class="swatch"></span><span class="label"></span>`;
    li.querySelector(".swatch").style.background = run.color;
    li.querySelector(".label").textContent = `${name}${levers ? " (" + levers + ")" : ""}: ${run.view.quarters}/${run.view.horizon} ${run.view.status}`;
    li.dataset.run = run.view.id;
    li.addEventListener("click", () => select(run.view.id));
    list.appendChild(li);
  }
}

function updateButtons() {
  const run = page.runs.get(page.current);
  const status = run ? run.view.status : null;
  $("play").disabled = !run || status === "finished" || status === "failed";
  $("play").textContent = status === "playing" ? "Pause" : "Run";
  $("step").disabled = !run || status !== "paused";
  $("run-until").disabled = !run || status !== "paused";
  $("branch").disabled = !run || status !== "paused" || run.view.quarters === 0;
  const downloadable = run && status !== "playing" && run.view.quarters > 0;
  const link = $("download");
  link.classList.toggle("disabled", !downloadable);
  link.setAttribute("aria-disabled", String(!downloadable));
  link.href = downloadable ? `api/runs/${run.view.id}/download?plots=${$("download-plots").checked}` : "#";
  $("show-recipe").disabled = !downloadable;
  $("status").textContent = !run ? "No run yet."
    : `${run.view.scenario}: ${run.view.quarters} of ${run.view.horizon} quarters, ${status}${run.view.error ? " (" + run.view.error + ")" : ""}` +
      (run.view.quarters > 0 && run.quarters[run.view.quarters - 1] ? `, now ${run.quarters[run.view.quarters - 1].period}` : "");
}

async function act(action) {
  clearErrors();
  try { await action(); } catch (error) { showError(error); }
  updateButtons();
  renderRuns();
}

// ---- charts ----
function period(tick, start) { const [y, q] = start.split("Q").map(Number); const n = (q - 1) + tick; return y + Math.floor(n / 4) + (n % 4) / 4; }

function buildCharts() {
  const box = $("charts");
  box.innerHTML = "";
  page.charts.forEach((chart) => chart.destroy());
  page.charts.clear();
  const runs = family(page.current);
  const difference = $("difference").checked;
  for (const name of KEY_METRICS) {
    const metric = page.metrics[page.index[name]];
    if (!metric) continue;
    const div = document.createElement("div");
    div.className = "chart";
    div.dataset.metric = name;
    div.innerHTML = `<h3></h3>`;
    div.querySelector("h3").innerHTML = `${metric.title} <span class="unit">(${metric.unit}${difference ? ", branch − parent" : ""})</span>`;
    box.appendChild(div);
    const series = [{ label: "year" }, ...runs.map((r) => ({
      label: r.view.parent ? `branch ${r.view.branchQuarter}` : `seed ${r.view.seed}`, stroke: r.color, width: 1.5, spanGaps: false,
      value: (u, v) => fmt(v, metric.unit),
    }))];
    const bands = [];
    if (page.ensemble && !difference) {
      const n = series.length;
      series.push({ label: "5%", stroke: "#8c959f", width: 0.5, points: { show: false } },
        { label: page.ensemble.view.band, stroke: "#57606a", width: 1.5, dash: [4, 3], points: { show: false } },
        { label: "95%", stroke: "#8c959f", width: 0.5, points: { show: false } });
      bands.push({ series: [n + 2, n], fill: "rgba(140,149,159,0.25)" });
    }
    const chart = new uPlot({
      width: 330, height: 190, series, bands, legend: { show: series.length > 2, live: false },
      scales: { x: { time: false } },
      axes: [{ values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : "")) }, { size: 60, values: (u, ticks) => ticks.map((t) => tick(t, metric.unit)) }],
    }, series.map(() => []), div);
    page.charts.set(name, chart);
  }
  const select = $("cluster-metric");
  page.clusterChart?.destroy();
  const holder = $("clusters");
  holder.innerHTML = "";
  // Horizontal bars: the clusters' names read level down the left side.
  page.clusterChart = new uPlot({
    width: Math.max(600, holder.clientWidth - 10), height: 440,
    series: [{ label: "cluster" }, { label: "value", fill: COLORS[0] + "99", stroke: COLORS[0], paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } }],
    scales: { x: { time: false, ori: 1, dir: -1, range: (u, min, max) => [min - 0.5, max + 0.5] }, y: { ori: 0 } },
    legend: { show: false },
    axes: [{ side: 3, size: 150, gap: 4, values: (u, ticks) => ticks.map((t) => (clusterNames()[t] ?? "")), incrs: [1], space: 10 },
      { side: 2, size: 40, space: 70, values: (u, ticks) => ticks.map((t) => tick(t, page.metrics[page.index[select.value]]?.unit)) }],
  }, [[], []], holder);
  page.clusterChart.over.addEventListener("click", () => {
    const i = page.clusterChart.cursor.idx;
    if (i !== null && i !== undefined) act(() => showFirmSizes(i));
  });
}

function clusterNames() { const run = page.runs.get(page.current); return run ? run.view.clusters : []; }

function scheduleDraw() {
  if (page.drawPending) return;
  page.drawPending = true;
  requestAnimationFrame(() => { page.drawPending = false; draw(); });
}

function draw() {
  const current = page.runs.get(page.current);
  if (!current && !page.ensemble) return;
  const runs = family(page.current);
  const difference = $("difference").checked;
  const bandsShown = page.ensemble && !difference;
  const length = Math.max(0, ...runs.map((r) => r.quarters.length), bandsShown ? page.ensemble.quarters.length : 0);
  const start = current?.quarters[0]?.period ?? page.ensemble?.quarters[0]?.period ?? "2024Q1";
  const x = Array.from({ length }, (_, t) => period(t, start));
  for (const [name, chart] of page.charts) {
    const i = page.index[name];
    if (chart.series.length !== runs.length + 1 + (bandsShown ? 3 : 0)) { buildCharts(); return draw(); }
    const data = [x, ...runs.map((run) => {
      const parent = run.view.parent ? page.runs.get(run.view.parent) : null;
      const from = run.view.parent ? Math.max(0, ticksBefore(run)) : 0;
      return x.map((_, t) => {
        const q = run.quarters[t];
        if (!q || t < from) return null;
        if (!difference) return q.region[i];
        if (!parent) return null;
        const p = parent.quarters[t];
        return p ? q.region[i] - p.region[i] : null;
      });
    })];
    if (bandsShown) for (const key of ["low", "median", "high"]) data.push(x.map((_, t) => page.ensemble.quarters[t]?.[key][i] ?? null));
    chart.setData(data);
  }
  if (current) { drawChain(current); drawClusters(current); }
  updateButtons();
}

// A branch is drawn from the quarter before it parts from its parent, so its line joins the parent's.
function ticksBefore(run) {
  const parent = page.runs.get(run.view.parent);
  if (!parent) return 0;
  const [y, q] = run.view.branchQuarter.split("Q").map(Number);
  const first = parent.quarters[0];
  if (!first) return 0;
  const [y0, q0] = first.period.split("Q").map(Number);
  return (y - y0) * 4 + (q - q0) - 1;
}

function latest(run) { for (let t = run.quarters.length - 1; t >= 0; t--) if (run.quarters[t]) return run.quarters[t]; return null; }

function drawClusters(run) {
  const q = latest(run);
  const metric = $("cluster-metric").value;
  if (!q || !page.clusterChart) return;
  const i = page.index[metric];
  page.clusterChart.setData([q.clusters.map((_, c) => c), q.clusters.map((values) => values[i])]);
  $("cluster-quarter").textContent = `at ${q.period}`;
}

function drawChain(run) {
  const q = latest(run);
  const v = (name) => (q ? q.region[page.index[name]] : null);
  const links = [
    ["Basic research", [["money", v("budget_basic"), "bn yuan/yr"], ["knowledge", v("knowledge_stock"), ""]]],
    ["Breakthroughs", [["money", v("budget_applied"), "bn yuan/yr"], ["breakthroughs", v("breakthroughs"), ""]]],
    ["Transformation", [["money", v("budget_transformation"), "bn yuan/yr"], ["adoptions", v("adoptions"), ""]]],
    ["S&T finance", [["money", v("budget_finance"), "bn yuan/yr"], ["venture", v("venture_investment"), "bn yuan/yr"]]],
    ["Talent", [["money", v("budget_talent"), "bn yuan/yr"], ["researchers", v("researchers"), ""]]],
  ];
  const box = $("chain");
  box.innerHTML = "";
  for (const [title, flows] of links) {
    const div = document.createElement("div");
    div.className = "link";
    div.innerHTML = `<h4></h4>`;
    div.querySelector("h4").textContent = title;
    for (const [label, value, unit] of flows) {
      const row = document.createElement("div");
      row.className = "flow";
      row.innerHTML = `<span></span><b></b>`;
      row.querySelector("span").textContent = label;
      row.querySelector("b").textContent = fmt(value, unit);
      div.appendChild(row);
    }
    box.appendChild(div);
  }
}

// ---- buttons ----
// What New run and Run seeds start from: the pasted text when the box holds any, else the chosen scenario; the seed and firms if given.
function startBody() {
  const seed = $("seed").value.trim(), firms = $("firms").value.trim(), text = $("scenario-text").value;
  page.sent = changedLevers(new Map());
  return {
    scenario: text.trim() ? null : $("scenario").value, scenarioText: text.trim() ? text : null,
    seed: seed === "" ? null : Number(seed), firms: firms === "" ? null : Number(firms), levers: page.sent, facilities: facilitiesToSend(null), talentProgrammes: talentToSend(null),
  };
}

async function newRun() {
  const body = startBody();
  const view = await api("POST", "api/runs", body);
  adopt(view, []);
  select(view.id);
}

async function playOrPause() {
  const run = page.runs.get(page.current);
  if (!run) return;
  run.view = run.view.status === "playing" ? await api("POST", `api/runs/${run.view.id}/pause`)
    : await api("POST", `api/runs/${run.view.id}/play`, { speed: Number($("speed").value) });
}

async function step() {
  const run = page.runs.get(page.current);
  const result = await api("POST", `api/runs/${run.view.id}/step`, { quarters: 1 });
  adopt(result.run, result.quarters);
  scheduleDraw();
}

// Runs the quarters before the one typed and pauses: the charts draw them as they come (the event stream).
async function runUntil() {
  const run = page.runs.get(page.current);
  if (!run) return;
  const typed = $("until").value.trim().toUpperCase();
  const match = /^(\d{4})(?:Q([1-4]))?$/.exec(typed);
  const first = run.view.start;
  if (!match || !first) throw Object.assign(new Error("not a quarter"), { problems: [{ field: "until", message: `'${typed}' is not a quarter such as 2030Q1` }] });
  const [y0, q0] = first.split("Q").map(Number);
  const target = (Number(match[1]) - y0) * 4 + (Number(match[2] ?? 1) - q0);
  const quarters = target - run.view.quarters;
  if (target < 1 || target > run.view.horizon || quarters < 1)
    throw Object.assign(new Error("out of reach"), { problems: [{ field: "until", message: `${typed} is not ahead of the run: it has done ${run.view.quarters} of ${run.view.horizon} quarters` }] });
  const result = await api("POST", `api/runs/${run.view.id}/step`, { quarters });
  adopt(result.run, result.quarters);
  scheduleDraw();
}

async function branch() {
  const run = page.runs.get(page.current);
  $("status").textContent = `branching at quarter ${run.view.quarters + 1}: recomputing the shared history...`;
  page.sent = changedLevers(leversOf(run.view));
  const view = await api("POST", `api/runs/${run.view.id}/branch`, { levers: page.sent, facilities: facilitiesToSend(run.view), talentProgrammes: talentToSend(run.view) });
  const history = await api("GET", `api/runs/${view.id}`);
  adopt(history.run, history.quarters);
  select(view.id);
}

async function runSeeds() {
  const body = { ...startBody(), seeds: Number($("seeds").value) };
  const view = await api("POST", "api/ensembles", body);
  page.ensemble = { view, quarters: [] };
  buildCharts();
  pollEnsemble();
}

async function pollEnsemble() {
  const e = page.ensemble;
  if (!e) return;
  const bands = await api("GET", `api/ensembles/${e.view.id}`);
  const grew = bands.ensemble.done !== e.view.done || bands.ensemble.band !== e.view.band;
  e.view = bands.ensemble;
  e.quarters = bands.quarters;
  $("ensemble-status").textContent = `${e.view.scenario}: ${e.view.done} of ${e.view.seeds.length} seeds done, ${e.view.status}${e.view.error ? " (" + e.view.error + ")" : ""}`;
  if (grew) buildCharts();
  scheduleDraw();
  if (e.view.status === "running") setTimeout(() => pollEnsemble().catch(showError), 1000);
}

async function inspect(event) {
  if (event) event.preventDefault();
  const run = page.runs.get(page.current);
  if (!run) return;
  const state = await api("GET", `api/runs/${run.view.id}/inspect?entity=${encodeURIComponent($("entity").value.trim())}`);
  const table = $("inspect");
  table.innerHTML = "";
  const add = (a, b) => { const tr = table.insertRow(); tr.insertCell().textContent = a; tr.insertCell().textContent = b; };
  add("agent", state.description);
  for (const field of state.fields) add(field.name, `${field.value}${field.unit ? " " + field.unit : ""}`);
}

// ---- download and reproduce ----
async function showRecipe() {
  const run = page.runs.get(page.current);
  if (!run) return;
  const recipe = await api("GET", `api/runs/${run.view.id}/recipe?plots=${$("download-plots").checked}`);
  $("recipe-file").textContent = recipe.scenarioFile;
  $("recipe-text").textContent = recipe.scenarioText;
  const extra = $("recipe-extends");
  extra.innerHTML = "";
  for (const file of recipe.extends) {
    const p = document.createElement("p");
    if (file.shipped) {
      p.innerHTML = "It extends <code></code>, which ships with EcoSim.";
      p.querySelector("code").textContent = `scenarios/${file.fileName}`;
      extra.appendChild(p);
    } else {
      p.innerHTML = "and beside it, as <code></code>, the scenario it extends:";
      p.querySelector("code").textContent = file.fileName;
      const pre = document.createElement("pre");
      pre.textContent = file.text;
      extra.append(p, pre);
    }
  }
  $("recipe-command").textContent = recipe.command.join(" ");
  $("recipe-folder").textContent = `${recipe.folder}/`;
  $("recipe-check").textContent = `ecosim reproduce ${recipe.folder}/manifest.json`;
  $("recipe").hidden = false;
  $("recipe").dataset.run = run.view.id;
  $("recipe").dataset.quarters = recipe.quarters;
}

// ---- a cluster's firm sizes ----
async function showFirmSizes(cluster) {
  const run = page.runs.get(page.current);
  if (!run || run.view.quarters === 0) return;
  $("firm-sizes").hidden = false;
  $("firm-sizes-status").textContent = `counting the firms of ${run.view.clusters[cluster]} (a copy of the run goes to the present quarter)...`;
  const sizes = await api("GET", `api/runs/${run.view.id}/firms?cluster=${cluster}`);
  $("firm-sizes").dataset.cluster = sizes.clusterId;
  $("firm-sizes-title").textContent = `Firm sizes in ${sizes.clusterId} at ${sizes.period}`;
  $("firm-sizes-status").textContent = `${sizes.firms.toLocaleString("en")} live firms, ${fmt(sizes.revenue, "")} bn yuan/yr of revenue; firms by revenue (bn yuan/yr), ${sizes.bins.length} bins a quarter of a decade wide`;
  const holder = $("firm-sizes-chart");
  page.sizesChart?.destroy();
  holder.innerHTML = "";
  const labels = sizes.bins.map((b) => fmt(b.low, ""));
  page.sizesChart = new uPlot({
    width: Math.max(500, holder.clientWidth - 10), height: 220, legend: { show: false },
    series: [{ label: "revenue from" }, { label: "firms", fill: COLORS[2] + "99", stroke: COLORS[2], paths: uPlot.paths.bars({ size: [0.9, 60], align: 1 }), points: { show: false } }],
    scales: { x: { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] } },
    axes: [{ values: (u, ticks) => ticks.map((t) => labels[t] ?? ""), incrs: [1, 2, 4], label: "revenue from, bn yuan/yr" }, { size: 50, label: "firms" }],
  }, [sizes.bins.map((_, i) => i), sizes.bins.map((b) => b.firms)], holder);
  const table = $("largest-firms");
  table.innerHTML = "<tr><th>firm</th><th>revenue, bn yuan/yr</th><th>researchers</th></tr>";
  for (const firm of sizes.largest) {
    const tr = table.insertRow();
    const button = document.createElement("button");
    button.textContent = firm.entity;
    button.dataset.entity = firm.entity;
    button.addEventListener("click", () => { $("entity").value = firm.entity; act(() => inspect()); $("inspect-form").scrollIntoView({ block: "nearest" }); });
    tr.insertCell().appendChild(button);
    tr.insertCell().textContent = fmt(firm.revenue, "");
    tr.insertCell().textContent = fmt(firm.researchers, "");
  }
}

async function start() {
  [page.metrics, page.levers, page.scenarios, page.limits, page.facility, page.talent] = await Promise.all([api("GET", "api/metrics"), api("GET", "api/levers"),
    api("GET", "api/scenarios"), api("GET", "api/limits"), api("GET", "api/facilities"), api("GET", "api/talent-programmes")]);
  page.metrics.forEach((m, i) => { page.index[m.name] = i; });
  for (const s of page.scenarios) $("scenario").add(new Option(`${s.name} (${s.start}, ${s.quarters} quarters, ${s.firms.toLocaleString("en")} firms)`, s.file));
  $("firms").min = page.limits.minFirms;
  $("firms").max = page.limits.maxFirms;
  const describe = () => {
    const chosen = page.scenarios.find((s) => s.file === $("scenario").value);
    $("scenario-description").textContent = chosen?.description ?? "";
    $("firms").placeholder = chosen ? `${chosen.firms.toLocaleString("en")}, the scenario's` : "the scenario's";
    $("firms-range").textContent = `A Reset with another population: ${page.limits.minFirms} to ${page.limits.maxFirms.toLocaleString("en")} firms.`;
    facilityClusters(chosen?.clusters ?? []);
    talentClusters(chosen?.clusters ?? []);
  };
  renderFacility();
  renderTalent();
  $("scenario").addEventListener("change", describe);
  describe();
  for (const m of page.metrics) $("cluster-metric").add(new Option(m.title, m.name, m.name === "value_added", m.name === "value_added"));
  $("cluster-metric").addEventListener("change", () => { buildCharts(); scheduleDraw(); });
  $("difference").addEventListener("change", () => { buildCharts(); scheduleDraw(); });
  renderLevers();
  $("new-run").addEventListener("click", () => act(newRun));
  $("play").addEventListener("click", () => act(playOrPause));
  $("step").addEventListener("click", () => act(step));
  $("run-until").addEventListener("click", () => act(runUntil));
  $("branch").addEventListener("click", () => act(branch));
  $("ensemble").addEventListener("click", () => act(runSeeds));
  $("inspect-form").addEventListener("submit", (e) => act(() => inspect(e)));
  $("show-recipe").addEventListener("click", () => act(showRecipe));
  $("download").addEventListener("click", () => act(showRecipe));
  $("download-plots").addEventListener("change", updateButtons);
  // A reload finds the session's runs (the session is a cookie).
  const mine = await api("GET", "api/runs");
  for (const view of mine) { const history = await api("GET", `api/runs/${view.id}`); adopt(history.run, history.quarters); }
  if (mine.length) select(mine[mine.length - 1].id); else buildCharts();
  document.body.dataset.ready = "true";
}

start().catch((error) => { $("error").textContent = `the explorer could not start: ${error.message}`; });
