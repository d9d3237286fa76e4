// The traffic history the directory keeps (GET /api/metrics/history): per-minute sums of the reports of the last hour,
// shared by every instance. Drawn as packets per minute received, sent and dropped, with the drops by reason over the
// hour and each node's reliability over the hour (sent / (sent + dropped)). Loaded before dashboard.js.
"use strict";

const HISTORY_MINUTES = 60;
const hourly = new Map();         // identityKey -> its totals over the last hour (MixTrafficHistory.NodeTraffic)
let historyTimer = null;

const SERIES = [
  { name: "received", colour: "#36c", value: (b) => b.received },
  { name: "sent", colour: "#393", value: (b) => b.sent },
  { name: "dropped", colour: "#c33", value: (b) => sum(b.dropped) },
];

async function loadHistory(node) {
  const r = await fetch("api/metrics/history?minutes=" + HISTORY_MINUTES + (node ? "&node=" + node : ""),
    { cache: "no-store" });
  if (!r.ok) throw new Error("history " + r.status);
  return r.json();
}

async function refreshHistory() {
  try {
    const h = await loadHistory(null);
    drawSeries(document.getElementById("chart"), h.buckets);
    renderDrops("drops", h.buckets);
    hourly.clear();
    for (const n of h.nodes) hourly.set(n.identityKey, n);
    paintHourly();
  } catch (e) {
    console.warn(e);
  }
}

// Each live-view row's reliability over the last hour, on hover.
function paintHourly() {
  for (const row of document.querySelectorAll("table.mixnodes tbody tr")) {
    const n = hourly.get(row.dataset.key);
    row.querySelector(".reliability").title = n ? "last hour: " + percent(n.reliability) : "";
  }
}

// A pushed report lands in the current minute: fetch the history once shortly after, not once per report.
function historySoon() {
  if (historyTimer) return;
  historyTimer = setTimeout(() => { historyTimer = null; refreshHistory(); }, 1000);
}

// Drops by reason summed over the buckets, largest first, with each reason's share of all drops.
function renderDrops(id, buckets) {
  const totals = {};
  for (const b of buckets) for (const [reason, n] of Object.entries(b.dropped)) totals[reason] = (totals[reason] || 0) + n;
  const all = sum(totals);
  const rows = Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([reason, n]) => ({ reason, n }));
  renderTable(id, rows, [(d) => d.reason, (d) => [d.n, "num"], (d) => [percent(d.n / all), "num"]]);
  document.getElementById(id + "-none").hidden = rows.length > 0;
  document.getElementById(id).hidden = rows.length === 0;
}

// Packets per minute, one line per series, the newest minute on the right; its data-* attributes carry the totals drawn (for tests and screen readers).
function drawSeries(canvas, buckets) {
  const shown = Math.round(canvas.clientWidth);
  if (shown > 0 && canvas.width !== shown) canvas.width = shown; // drawn at the size shown: legible on a phone too
  const ctx = canvas.getContext("2d");
  const max = Math.max(1, ...buckets.flatMap((b) => SERIES.map((s) => s.value(b))));
  const x = (i) => 40 + (buckets.length < 2 ? 0 : (i / (buckets.length - 1)) * (canvas.width - 50));
  const y = (v) => canvas.height - 18 - (v / max) * (canvas.height - 40);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = "#ddd";
  ctx.beginPath();
  ctx.moveTo(40, y(0));
  ctx.lineTo(canvas.width - 10, y(0));
  ctx.stroke();
  for (const s of SERIES) {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    buckets.forEach((b, i) => (i === 0 ? ctx.moveTo(x(i), y(s.value(b))) : ctx.lineTo(x(i), y(s.value(b)))));
    ctx.stroke();
    canvas.dataset[s.name] = String(buckets.reduce((a, b) => a + s.value(b), 0));
  }
  ctx.fillStyle = "#444";
  ctx.font = "12px system-ui, sans-serif";
  ctx.fillText("max " + max + " packets/min", 40, 12);
  let legend = canvas.width - 10;
  for (const s of SERIES.slice().reverse()) {
    legend -= ctx.measureText(s.name).width + 20;
    ctx.fillStyle = s.colour;
    ctx.fillText("■ " + s.name, legend, 12);
  }
  ctx.fillStyle = "#666";
  ctx.fillText("−" + buckets.length + " min", 40, canvas.height - 4);
  ctx.fillText("now", canvas.width - 32, canvas.height - 4);
}
