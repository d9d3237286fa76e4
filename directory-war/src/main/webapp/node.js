// A node's detail, opened by a click on its row in any node table: its keys and where it is (live view, layer in the
// document shown), its reliability from its own traffic beside the monitors' score, its traffic history of the last
// hour with its drops by reason, and, when it has stake, its score per settled epoch, delegations and per-epoch record.
// Loaded before dashboard.js (it uses that file's helpers only when called).
"use strict";

let nodeShown = null;

async function showNode(identity) {
  nodeShown = identity;
  const panel = document.getElementById("node-detail");
  panel.dataset.key = identity;
  panel.hidden = false;
  document.getElementById("node-identity").textContent = identity;
  renderNodeFacts(identity);
  panel.scrollIntoView({ block: "start" });
  await Promise.all([showNodeTraffic(identity), showNodeStake(identity)]);
}

function renderNodeFacts(identity) {
  const live = liveNodes.get(identity);
  const placed = documentNodes.get(identity);
  const node = live?.node || placed?.node || {};
  const last = lastWindow.get(identity);
  const score = scores.get(identity);
  const facts = [
    ["kind", live ? live.kind : placed ? (placed.layer === "gateway" ? "gateway" : "mix node") : "not in the live view"],
    ["address", node.host || node.mixnetListener || ""],
    ["sphinx key (this epoch)", node.sphinxKey || ""],
    ["next sphinx key", placed?.node.nextSphinxKey || ""],
    ["in epoch " + text(epochShown) + "'s document",
      placed ? (placed.layer === "gateway" ? "gateway" : "layer " + placed.layer) : "not listed"],
    ["version, location", [node.version, node.location].filter(Boolean).join(", ")],
    ["last seen", live ? agoText(live.node.lastSeen) : "–"],
    ["reliability, last window", last ? percent(reliability(last.sent, sum(last.dropped))) : "no report"],
    ["monitors' score", score?.score == null ? "no score" : score.score + " ‰ (epoch " + score.score_epoch + ")"],
  ];
  const list = document.getElementById("node-facts");
  list.replaceChildren();
  for (const [name, value] of facts) {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.className = name.includes("key") ? "key" : "";
    list.append(dt, dd);
  }
}

async function showNodeTraffic(identity) {
  try {
    const h = await loadHistory(identity);
    if (nodeShown !== identity) return;
    drawSeries(document.getElementById("node-chart"), h.buckets);
    renderDrops("node-drops", h.buckets);
    const n = h.nodes[0];
    document.getElementById("node-hour").textContent = n
      ? "last hour: " + n.received + " received, " + n.sent + " sent, " + sum(n.dropped) + " dropped; reliability "
        + percent(n.reliability)
      : "no report in the last hour";
  } catch (e) {
    console.warn(e);
  }
}

async function showNodeStake(identity) {
  const d = await stakeGet("api/stake/nodes/" + identity);
  if (nodeShown !== identity) return;
  const stake = document.getElementById("node-stake");
  const none = document.getElementById("node-stake-none");
  stake.hidden = !d.ok;
  none.hidden = d.ok;
  if (!d.ok) {
    none.textContent = d.status === 404 ? "No stake record: " + d.detail : "The ledger cannot be reached now (" + d.detail + ").";
    return;
  }
  histories.set(identity, { settled: stakeSettled, node: d.body });
  document.getElementById("node-score-chart").replaceWith(
    Object.assign(scoreChart(d.body.history, 900, 120, true), { id: "node-score-chart" }));
  renderTable("node-delegations", d.body.delegations, [
    (g) => [g.delegator, "key"], (g) => [g.amount, "num"], (g) => text(g.release_epoch)]);
  document.getElementById("node-delegation-count").textContent = "(" + d.body.delegations.length + ")";
  renderTable("node-history", d.body.history, [
    (h) => h.epoch, (h) => [text(h.score), "num"], (h) => [h.reports, "num"], (h) => [h.reward, "num"],
    (h) => [h.penalty, "num"], (h) => (h.active ? "yes" : "no")]);
}

document.getElementById("node-close").addEventListener("click", () => {
  nodeShown = null;
  document.getElementById("node-detail").hidden = true;
});
