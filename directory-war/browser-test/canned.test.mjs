// The dashboard without Payara: the webapp served by a stand-in directory with canned answers (canned-directory.mjs),
// driven by Debian's chromium. Checks what the page makes of the directory's answers: drops by reason, reliability
// beside the monitors' score, the authorities' ledger heights ("unreachable" for a validator that is down), the hour
// of traffic history, a node's detail view, "last seen" moving while the live view answers 304, a pushed report, and
// the screenshot check at 1400 and 390 px. `make test` runs it (node --test canned.test.mjs).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startCannedDirectory, mixnodes, history, epoch } from "./canned-directory.mjs";
import { checkScreenshots } from "./screenshot.mjs";

let directory, browser, page;

// Everything the canned answers fill: the page has read each endpoint once.
async function loaded(p) {
  await p.locator("#epoch", { hasText: String(epoch) }).waitFor({ timeout: 10000 });
  await p.locator("#mixnodes tbody tr .reliability", { hasText: "%" }).first().waitFor({ timeout: 10000 });
  await p.locator("#authorities td.height", { hasText: "unreachable" }).waitFor({ timeout: 10000 });
  await p.locator("#drops tbody tr").first().waitFor({ timeout: 10000 });
  await p.locator("#stake-nodes td.spark svg").first().waitFor({ timeout: 10000 });
}

before(async () => {
  directory = await startCannedDirectory();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.goto(directory.base + "/");
  await loaded(page);
});

after(async () => {
  await browser?.close();
  await directory?.close();
});

test("each mix node: rates, drops by reason, reliability of its last window and the monitors' score", async () => {
  const row = (i) => page.locator(`#mixnodes tr[data-key="${mixnodes[i].identityKey}"]`);
  // node 1 (canned last window: 600 received, 594 sent, 6 replays in 60 s)
  assert.equal(await row(0).locator(".received").textContent(), "10.0");
  assert.equal(await row(0).locator(".dropped").textContent(), "0.1");
  assert.equal(await row(0).locator(".drops").textContent(), "replay 0.1/s");
  assert.equal(await row(0).locator(".reliability").textContent(), "99.0 %");
  assert.equal(await row(0).locator(".score").textContent(), "563 ‰");
  assert.equal(await row(1).locator(".score").textContent(), "–", "no stake, no score");
  const hour = history(mixnodes[0].identityKey).nodes[0];
  assert.equal(await row(0).locator(".reliability").getAttribute("title"), "last hour: " + (100 * hour.reliability).toFixed(1) + " %");
});

test("the hour of history: chart totals and drops by reason in total", async () => {
  const h = history(null);
  const sum = (f) => h.buckets.reduce((a, b) => a + f(b), 0);
  const chart = page.locator("#chart");
  assert.equal(Number(await chart.getAttribute("data-received")), sum((b) => b.received));
  assert.equal(Number(await chart.getAttribute("data-sent")), sum((b) => b.sent));
  const drops = await page.locator("#drops tbody tr").evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  const replay = sum((b) => b.dropped.replay || 0);
  const unknown = sum((b) => b.dropped.unknown_key || 0);
  assert.deepEqual(drops, [
    ["replay", String(replay), (100 * replay / (replay + unknown)).toFixed(1) + " %"],
    ["unknown_key", String(unknown), (100 * unknown / (replay + unknown)).toFixed(1) + " %"],
  ]);
  assert.ok(await page.locator("#drops-none").isHidden());
});

test("the authorities with their validators' heights; a validator down shows unreachable", async () => {
  const heights = await page.locator("#authorities td.height").evaluateAll((cells) => cells.map((c) => c.textContent));
  assert.deepEqual(heights, ["1234", "1233", "unreachable"]);
  assert.match(await page.locator("#authorities td.height.down").getAttribute("title"), /unreachable: ConnectException/);
  assert.ok(await page.locator("#validators-none").isVisible(), "says why there are no validator heartbeats");
});

test("a node's detail: keys, layer, traffic history, drops by reason, reliability, stake and score history", async () => {
  const node = mixnodes[0];
  await page.locator(`#mixnodes tr[data-key="${node.identityKey}"] td`).first().click();
  const panel = page.locator("#node-detail");
  await panel.waitFor({ state: "visible" });
  assert.equal(await page.locator("#node-identity").textContent(), node.identityKey);
  const facts = await page.locator("#node-facts").innerText();
  for (const part of [node.sphinxKey, node.nextSphinxKey, "layer 1", "99.0 %", "563 ‰", node.host]) {
    assert.ok(facts.includes(part), `detail lacks ${part}:\n${facts}`);
  }
  await page.locator("#node-history tbody tr").first().waitFor();
  const mine = history(node.identityKey);
  assert.equal(Number(await page.locator("#node-chart").getAttribute("data-received")), mine.nodes[0].received);
  assert.deepEqual(await page.locator("#node-drops tbody tr td:first-child").allTextContents(), ["replay"]);
  assert.match(await page.locator("#node-hour").textContent(), new RegExp("reliability " + (100 * mine.nodes[0].reliability).toFixed(1)));
  assert.equal(await page.locator("#node-history tbody tr").count(), 8);
  // oldest first; the epoch without a score breaks the line
  assert.equal(await page.locator("#node-score-chart").getAttribute("data-scores"), "550,600,650,700,,800,850,900");

  // a node without stake: its traffic, and the ledger's answer instead of the stake part
  await page.locator(`#active table[data-layer="2"] tr[data-key="${mixnodes[1].identityKey}"] td`).first().click();
  await page.locator("#node-stake-none", { hasText: "No stake record" }).waitFor();
  assert.ok(await page.locator("#node-stake").isHidden());
  assert.ok((await page.locator("#node-facts").innerText()).includes("layer 2"));
  await page.locator("#node-close").click();
  assert.ok(await panel.isHidden());
});

test("last seen keeps moving while the live view answers 304", async () => {
  const cell = page.locator(`#mixnodes tr[data-key="${mixnodes[0].identityKey}"] td.ago`);
  const notModified = directory.topology.notModified;
  const first = await cell.textContent();
  for (let polls = 0; directory.topology.notModified === notModified; polls++) {
    assert.ok(polls < 30, "the page did not poll the live view conditionally");
    await page.waitForTimeout(200);
  }
  await page.waitForFunction((t) => document.querySelector("#mixnodes td.ago").textContent !== t, first, { timeout: 3000 });
  const later = await cell.textContent();
  assert.match(later, /^\d+\.\d s ago$/);
  assert.notEqual(later, first);
});

test("a pushed metrics report updates its node's row", async () => {
  await page.locator("#status.live").waitFor({ timeout: 5000 });
  directory.push({ identityKey: mixnodes[2].identityKey, received: 30000, sent: 29000, dropped: { replay: 600, unknown_key: 400 },
    intervalMillis: 60000, acceptedAt: Date.now() });
  const row = page.locator(`#mixnodes tr[data-key="${mixnodes[2].identityKey}"]`);
  await page.waitForFunction((k) => document.querySelector(`tr[data-key="${k}"] .received`)?.textContent === "500.0",
    mixnodes[2].identityKey, { timeout: 5000 });
  assert.equal(await row.locator(".drops").textContent(), "replay 10.0/s, unknown_key 6.7/s");
  assert.equal(await row.locator(".reliability").textContent(), "96.7 %");
});

test("screenshots at 1400 and 390 px: no horizontal overflow, every section with content, not blank", async () => {
  const files = await checkScreenshots(browser, directory.base, loaded);
  assert.equal(files.length, 2);
});
