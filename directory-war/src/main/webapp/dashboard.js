// The directory's dashboard: the current epoch (its number, the time left, counting down, and its active set per layer
// from the signed epoch document, polled every 5 s and at each boundary), the authorities' signed announcements of
// themselves with the ledger height each one's validator reports (polled every 5 s; each announcement marked with
// whether its key signed the epoch document shown — the signatures are not checked here, the directory served only
// announcements that verify), the registry's live view (polled every 2 s, conditional on its ETag, and without it every
// 10 s so that "last seen" follows the heartbeats: a 304 says "same nodes", not "same times"), live mix metrics from
// the read-only /ws stream (each node's rates, drops by reason and reliability over its last window) and the traffic
// history of the last hour kept by the directory (traffic.js). Nothing per link, nothing about clients. The stake
// section (issue 21) reads the ledger's records through the directory (/api/stake/..., reused there for 5 s) every
// 10 s. A click on a node opens its detail (node.js). No framework, no build step.
"use strict";

const lastWindow = new Map();     // identityKey -> its last metrics report
const scores = new Map();         // identityKey -> {score, score_epoch} from the ledger's stake record
const liveNodes = new Map();      // identityKey -> {kind, node} from the live view
const documentNodes = new Map();  // identityKey -> {layer ("gateway" for a gateway), node} from the document shown
let etag = null;
let topologyPolls = 0;
const UNCONDITIONAL_EVERY = 5;    // topology polls: every 5th (10 s) without If-None-Match, for fresh lastSeen
let epochEnd = null;              // endMillis of the document shown
let epochShown = null;            // the document shown: its epoch and how many signatures it had
let signaturesShown = null;
let epochSigners = new Set();     // authority keys with a signature stored on the document shown
let announcements = [];           // the authorities' announcements, decoded
let ledgerHeights = new Map();    // authority index -> {height, error} from /api/authorities/ledgers

const short = (k) => (k ? k.slice(0, 10) + "…" : "");
const agoText = (ms) => Math.max(0, (Date.now() - ms) / 1000).toFixed(1) + " s ago";
const text = (v) => (v == null ? "" : String(v));
const sum = (counts) => Object.values(counts || {}).reduce((a, b) => a + b, 0);
const percent = (r) => (r == null ? "–" : (100 * r).toFixed(1) + " %");

// forwarded / (forwarded + dropped) of one report or one range's totals; null when it handled nothing
function reliability(sent, dropped) {
  return sent + dropped === 0 ? null : sent / (sent + dropped);
}

function cell(row, value, cls) {
  const td = row.insertCell();
  td.textContent = text(value);
  if (cls) td.className = cls;
  return td;
}

// A column gives a value, [value, class, title], or {at: ms}: a "last seen" cell that tickAgo() keeps current.
function renderTable(id, rows, columns) {
  const body = document.querySelector("#" + id + " tbody");
  body.replaceChildren();
  for (const r of rows) {
    const row = body.insertRow();
    const key = r.identityKey || r.directoryKey;
    if (key) row.dataset.key = key;
    for (const c of columns) {
      const v = c(r);
      if (Array.isArray(v)) cell(row, v[0], v[1]).title = v[2] || "";
      else if (v != null && typeof v === "object") {
        const td = cell(row, agoText(v.at), "ago");
        td.dataset.at = String(v.at);
      } else cell(row, v);
    }
  }
}

function tickAgo() {
  for (const td of document.querySelectorAll("td.ago")) td.textContent = agoText(Number(td.dataset.at));
}

// Tables scroll inside their own box on a narrow screen, not the page.
function scrollBox(table) {
  const box = document.createElement("div");
  box.className = "scroll";
  table.replaceWith(box);
  box.append(table);
  return box;
}

function renderMixnodes(nodes) {
  renderTable("mixnodes", nodes, [
    (n) => n.host, (n) => [short(n.identityKey), "key", n.identityKey], (n) => [short(n.sphinxKey), "key", n.sphinxKey],
    (n) => n.version, (n) => n.location, () => ["", "num received"], () => ["", "num sent"],
    () => ["", "num dropped"], () => ["", "drops"], () => ["", "num reliability"], () => ["", "num score"],
    (n) => ({ at: n.lastSeen })]);
  document.getElementById("mixcount").textContent = "(" + nodes.length + ")";
  paintRates();
}

// Drops of one window or range by reason, largest first: "replay 10.0/s, unknown_key 2.0/s".
function dropsText(dropped, seconds) {
  return Object.entries(dropped || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => reason + " " + (seconds ? (n / seconds).toFixed(1) + "/s" : String(n))).join(", ");
}

function paintRates() {
  for (const row of document.querySelectorAll("table.mixnodes tbody tr")) {
    const score = scores.get(row.dataset.key);
    row.querySelector(".score").textContent = score?.score == null ? "–" : score.score + " ‰";
    const r = lastWindow.get(row.dataset.key);
    if (!r) continue;
    const seconds = Math.max(r.intervalMillis, 1) / 1000;
    row.querySelector(".received").textContent = (r.received / seconds).toFixed(1);
    row.querySelector(".sent").textContent = (r.sent / seconds).toFixed(1);
    row.querySelector(".dropped").textContent = (sum(r.dropped) / seconds).toFixed(1);
    row.querySelector(".drops").textContent = dropsText(r.dropped, seconds);
    row.querySelector(".reliability").textContent = percent(reliability(r.sent, sum(r.dropped)));
  }
  paintHourly();
}

function onReport(report) {
  lastWindow.set(report.identityKey, report);
  paintRates();
  historySoon();
}

// The last complete window, so that rates show before the next report is pushed.
async function loadLastWindow() {
  try {
    const r = await fetch("api/metrics/mixes", { cache: "no-store" });
    if (!r.ok) throw new Error("metrics " + r.status);
    for (const report of (await r.json()).reports) {
      if (!lastWindow.has(report.identityKey) || lastWindow.get(report.identityKey).acceptedAt < report.acceptedAt) {
        lastWindow.set(report.identityKey, report);
      }
    }
    paintRates();
  } catch (e) {
    console.warn(e);
  }
}

// Signed records travel as the base64url of their exact JSON bytes (SignedEpochDocument.document,
// SignedAuthorityAnnouncement.announcement).
function decodeSigned(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function renderActive(doc, signatures) {
  document.getElementById("epoch").textContent = String(doc.epoch);
  document.getElementById("epoch-signatures").textContent =
    "(signed by " + signatures + " authorit" + (signatures === 1 ? "y" : "ies") + ")";
  documentNodes.clear();
  const root = document.getElementById("active");
  root.replaceChildren();
  for (const layer of doc.mixnodes) {
    const h = document.createElement("h3");
    h.textContent = "Layer " + layer.layer + " (" + layer.nodes.length + ")";
    const table = document.createElement("table");
    table.className = "active nodes";
    table.dataset.layer = layer.layer;
    table.createTHead().innerHTML =
      "<tr><th>host</th><th>identity</th><th>sphinx key</th><th>next sphinx key</th><th>version</th><th>location</th>" +
      "<th>performance</th></tr>";
    const body = table.createTBody();
    for (const n of layer.nodes) {
      documentNodes.set(n.identityKey, { layer: layer.layer, node: n });
      const row = body.insertRow();
      row.dataset.key = n.identityKey;
      cell(row, n.host);
      cell(row, short(n.identityKey), "key").title = n.identityKey;
      cell(row, short(n.sphinxKey), "key").title = n.sphinxKey;
      cell(row, short(n.nextSphinxKey), "key").title = n.nextSphinxKey;
      cell(row, n.version);
      cell(row, n.location);
      cell(row, n.performance, "num");
    }
    root.append(h);
    root.append(table);
    scrollBox(table);
  }
  for (const g of doc.gateways) documentNodes.set(g.identityKey, { layer: "gateway", node: g });
  renderTable("active-gateways", doc.gateways, [
    (g) => g.mixnetListener, (g) => g.clientListener, (g) => [short(g.identityKey), "key", g.identityKey],
    (g) => [short(g.sphinxKey), "key", g.sphinxKey], (g) => [short(g.nextSphinxKey), "key", g.nextSphinxKey],
    (g) => g.version, (g) => g.location, (g) => [text(g.performance), "num"]]);
  document.getElementById("active-gwcount").textContent = "(" + doc.gateways.length + ")";
}

async function refreshEpoch() {
  try {
    const r = await fetch("api/epochs/current", { cache: "no-store" });
    if (r.status === 404) {
      document.getElementById("epoch-left").textContent = "(no document for this epoch yet)";
      return;
    }
    if (!r.ok) throw new Error("epoch " + r.status);
    const signed = await r.json();
    const doc = decodeSigned(signed.document);
    epochEnd = doc.endMillis;
    epochSigners = new Set(signed.signatures.map((sig) => sig.authorityKey));
    if (doc.epoch !== epochShown || signed.signatures.length !== signaturesShown) {
      epochShown = doc.epoch;
      signaturesShown = signed.signatures.length;
      renderActive(doc, signed.signatures.length);
      renderAuthorities();
    }
    countDown();
  } catch (e) {
    console.warn(e);
  }
}

function countDown() {
  if (epochEnd == null) return;
  const left = Math.max(0, Math.round((epochEnd - Date.now()) / 1000));
  const el = document.getElementById("epoch-left");
  el.dataset.seconds = String(left);
  el.textContent = Math.floor(left / 60) + " min " + String(left % 60).padStart(2, "0") + " s left";
  if (left === 0) {
    epochEnd = null; // the next document: fetched once, not every second until it is there
    setTimeout(refreshEpoch, 1000);
  }
}

function heightText(a) {
  const l = ledgerHeights.get(a.index);
  if (!l) return ["…", "num height"];
  return l.height == null ? ["unreachable", "height down", l.error] : [l.height, "num height"];
}

function renderAuthorities() {
  document.getElementById("auth-epoch").textContent = epochShown == null ? "–" : String(epochShown);
  renderTable("authorities", announcements, [
    (a) => a.index, (a) => [short(a.directoryKey), "key", a.directoryKey], (a) => a.ledgerRpc, heightText,
    (a) => a.issuerUrl, (a) => [short(a.issuerAddress), "key", a.issuerAddress],
    (a) => [short(a.watcherAddress), "key", a.watcherAddress], (a) => [short(a.verifierAddress), "key", a.verifierAddress],
    (a) => [short(a.dkgKey), "key", a.dkgKey || ""], (a) => ({ at: a.announcedAtMillis }),
    (a) => [epochSigners.has(a.directoryKey) ? "yes" : "no", "signed"]]);
  document.getElementById("authcount").textContent = "(" + announcements.length + ")";
}

async function refreshAuthorities() {
  try {
    const r = await fetch("api/authorities", { cache: "no-store" });
    if (!r.ok) throw new Error("authorities " + r.status);
    announcements = (await r.json()).authorities.map((a) => decodeSigned(a.announcement));
    renderAuthorities();
  } catch (e) {
    console.warn(e);
  }
}

// Slow when a validator is down (the directory waits a few seconds for it): asked apart from the announcements.
async function refreshLedgers() {
  try {
    const r = await fetch("api/authorities/ledgers", { cache: "no-store" });
    if (!r.ok) throw new Error("ledgers " + r.status);
    ledgerHeights = new Map((await r.json()).ledgers.map((l) => [l.index, l]));
    renderAuthorities();
  } catch (e) {
    console.warn(e);
  }
}

async function refreshTopology() {
  try {
    const conditional = etag && topologyPolls++ % UNCONDITIONAL_EVERY !== 0;
    const r = await fetch("api/presence/topology", { headers: conditional ? { "If-None-Match": etag } : {} });
    if (r.status === 304) return;
    if (!r.ok) throw new Error("topology " + r.status);
    etag = r.headers.get("ETag");
    const t = await r.json();
    liveNodes.clear();
    for (const n of t.mixnodes) liveNodes.set(n.identityKey, { kind: "mix node", node: n });
    for (const g of t.gateways) liveNodes.set(g.identityKey, { kind: "gateway", node: g });
    renderMixnodes(t.mixnodes);
    renderTable("gateways", t.gateways, [
      (g) => g.mixnetListener, (g) => g.clientListener, (g) => [short(g.identityKey), "key", g.identityKey],
      (g) => [short(g.sphinxKey), "key", g.sphinxKey], (g) => g.version, (g) => g.location,
      (g) => ({ at: g.lastSeen })]);
    renderTable("validators", t.validators, [
      (v) => v.host, (v) => v.type, (v) => [short(v.identityKey), "key", v.identityKey], (v) => v.version,
      (v) => v.location, (v) => ({ at: v.lastSeen })]);
    document.getElementById("gwcount").textContent = "(" + t.gateways.length + ")";
    document.getElementById("valcount").textContent = "(" + t.validators.length + ")";
    document.getElementById("validators-none").hidden = t.validators.length > 0;
  } catch (e) {
    console.warn(e);
  }
}

function connect() {
  const status = document.getElementById("status");
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
  ws.onopen = () => { status.textContent = "live"; status.className = "live"; };
  ws.onmessage = (m) => { try { onReport(JSON.parse(m.data)); } catch (e) { console.warn(e); } };
  ws.onclose = () => { status.textContent = "reconnecting…"; status.className = "down"; setTimeout(connect, 2000); };
}

const SVG = "http://www.w3.org/2000/svg";
const STAKE_HISTORY_NODES = 50;   // sparklines for at most this many nodes (one request each per settled epoch)
const histories = new Map();      // identity -> {settled, node}: the node's detail as of that settled epoch
let stakeSettled = null;

// Problem answers (404: no stake or no record, 503: ledger unavailable) carry the reason in "detail".
async function stakeGet(path) {
  const r = await fetch(path, { cache: "no-store" });
  if (r.ok) return { ok: true, body: await r.json() };
  let detail = r.status + "";
  try { detail = (await r.json()).detail || detail; } catch (e) { /* not a problem body */ }
  return { ok: false, status: r.status, detail };
}

async function refreshStake() {
  const none = document.getElementById("stake-none");
  const table = document.getElementById("stake-nodes");
  try {
    const nodes = await stakeGet("api/stake/nodes");
    if (!nodes.ok) {
      none.textContent = nodes.status === 404
        ? "The ledger has no stake: nodes are listed without scores (" + nodes.detail + ")."
        : "The ledger cannot be reached now (" + nodes.detail + "); trying again.";
      none.hidden = false;
      table.hidden = nodes.status === 404;
      document.getElementById("stake-summary").textContent = "";
      return;
    }
    none.hidden = true;
    table.hidden = false;
    let active = null;
    if (epochShown != null) {
      const a = await stakeGet("api/stake/active/" + epochShown);
      if (a.ok) active = new Set(a.body.mixnodes.concat(a.body.gateways));
    }
    stakeSettled = nodes.body.settled_epoch;
    scores.clear();
    for (const n of nodes.body.nodes) scores.set(n.identity, n);
    paintRates();
    document.getElementById("stake-summary").textContent = "(" + nodes.body.nodes.length + " nodes; last settled epoch "
      + text(stakeSettled ?? "none") + "; reward pool " + nodes.body.pool + " NYM)";
    renderStake(nodes.body.nodes, active);
    await refreshHistories(nodes.body.nodes.slice(0, STAKE_HISTORY_NODES));
  } catch (e) {
    console.warn(e);
  }
}

function renderStake(nodes, active) {
  renderTable("stake-nodes", nodes.map((n) => Object.assign({ identityKey: n.identity }, n)), [
    (n) => [short(n.identity), "key", n.identity], (n) => n.kind, (n) => [short(n.owner), "key", n.owner],
    (n) => [n.stake + " (" + n.bond + " + " + n.delegated + ")", "num"],
    (n) => n.status + (n.release_epoch != null ? " until " + n.release_epoch : ""),
    (n) => [text(n.score) + (n.score_epoch != null ? " (epoch " + n.score_epoch + ")" : ""), "num score"],
    (n) => [n.rewards, "num"], (n) => [n.penalties, "num"],
    (n) => [active == null ? "?" : active.has(n.identity) ? "yes" : "no", "active"], () => ["", "spark"]]);
  for (const row of document.querySelectorAll("#stake-nodes tbody tr")) {
    paintSpark(row);
  }
}

async function refreshHistories(nodes) {
  for (const n of nodes) {
    const held = histories.get(n.identity);
    if (held && held.settled === stakeSettled) continue;
    const d = await stakeGet("api/stake/nodes/" + n.identity);
    if (!d.ok) continue;
    histories.set(n.identity, { settled: stakeSettled, node: d.body });
    const row = document.querySelector("#stake-nodes tbody tr[data-key='" + n.identity + "']");
    if (row) paintSpark(row);
  }
}

function paintSpark(row) {
  const held = histories.get(row.dataset.key);
  const td = row.querySelector(".spark");
  if (!held || !td) return;
  td.replaceChildren(scoreChart(held.node.history, 160, 28, false));
}

// Scores oldest first on a 0..1000 scale; an epoch without a score breaks the line.
function scoreChart(history, width, height, labels) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", width);
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("height", height);
  svg.setAttribute("class", "score-chart");
  const points = history.slice().reverse();
  const pad = labels ? 24 : 2;
  const x = (i) => pad + (points.length < 2 ? 0 : (i / (points.length - 1)) * (width - pad - 2));
  const y = (score) => height - 2 - (score / 1000) * (height - 4);
  let segment = [];
  // A score between two unscored epochs (a node left out after one bad epoch) is a dot: a one-point line is invisible.
  const flush = () => {
    if (segment.length === 1) {
      const [cx, cy] = segment[0].split(",");
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", cx);
      dot.setAttribute("cy", cy);
      dot.setAttribute("r", 2);
      svg.append(dot);
    } else if (segment.length > 1) {
      const line = document.createElementNS(SVG, "polyline");
      line.setAttribute("points", segment.join(" "));
      svg.append(line);
    }
    segment = [];
  };
  points.forEach((h, i) => {
    if (h.score == null) flush(); else segment.push(x(i).toFixed(1) + "," + y(h.score).toFixed(1));
  });
  flush();
  svg.dataset.scores = points.map((h) => text(h.score)).join(",");
  if (labels) {
    for (const [score, label] of [[1000, "1000"], [0, "0"]]) {
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("x", 0);
      t.setAttribute("y", Math.min(height - 2, Math.max(10, y(score) + 4)));
      t.textContent = label;
      svg.append(t);
    }
  }
  return svg;
}

for (const table of document.querySelectorAll("main table")) scrollBox(table);
document.addEventListener("click", (e) => {
  const row = e.target.closest("table.nodes tbody tr[data-key]");
  if (row) showNode(row.dataset.key);
});
refreshEpoch();
setInterval(refreshEpoch, 5000);
refreshStake();
setInterval(refreshStake, 10000);
setInterval(countDown, 1000);
setInterval(tickAgo, 1000);
refreshTopology();
setInterval(refreshTopology, 2000);
loadLastWindow();
refreshAuthorities();
setInterval(refreshAuthorities, 5000);
refreshLedgers();
setInterval(refreshLedgers, 5000);
refreshHistory();
setInterval(refreshHistory, 15000);
connect();
