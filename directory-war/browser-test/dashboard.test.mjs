// Headless-browser check of the dashboard: Debian's chromium driven by playwright-core (npm), against a running
// directory. Checks that the page shows the current epoch (number, time left counting down) and its active set per
// layer as the signed document /api/epochs/current lists it; registers a mix node with a signed presence (per-epoch
// Sphinx keys), waits until the node shows in the registry's live view, posts a signed metrics report (one 60 s window
// of aggregates) and waits until the page shows its rates and drops by reason (pushed through /ws) and the directory's
// traffic history counts it; then the screenshot check (screenshot.mjs) at 1400 and 390 px. canned.test.mjs checks
// the rest of the page against a stand-in directory, without Payara.
//
//   BASE=http://127.0.0.1:28080 npm test        (default BASE: the first instance of `make localnet`)
import { chromium } from "playwright-core";
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import assert from "node:assert/strict";
import { checkScreenshots } from "./screenshot.mjs";

const BASE = process.env.BASE || "http://127.0.0.1:28080";
const b64url = (buf) => Buffer.from(buf).toString("base64url");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The node's identity: raw 32-byte public key = the last 32 bytes of its SPKI DER encoding.
const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const identityKey = b64url(publicKey.export({ type: "spki", format: "der" }).subarray(-32));
let lastTs = 0;

async function signedPost(path, object) {
  const body = Buffer.from(JSON.stringify(object));
  const ts = (lastTs = Math.max(lastTs + 1, Date.now()));
  const message = Buffer.concat([Buffer.from(`nym-directory-request-v1\n${path}\n${ts}\n`), body]);
  const r = await fetch(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Nym-Timestamp": String(ts), "Nym-Signature": b64url(sign(null, message, privateKey)) },
    body,
  });
  assert.ok(r.ok, `${path} answered ${r.status}: ${await r.text()}`);
}

// The authorities the directory pins (AuthoritySet text) and the epoch length they set.
const authoritiesText = await (await fetch(BASE + "/api/epochs/authorities")).text();
const authorities = [...authoritiesText.matchAll(/^authority\.\d+=(\S+)$/gm)].map((m) => m[1]);
const epochMillis = Number(/^epoch_seconds=(\d+)$/m.exec(authoritiesText)[1]) * 1000;
assert.ok(authorities.length > 0, "authorities: " + authoritiesText);

// A presence announces a Sphinx key for the current epoch and the next two, each with one proof per authority. The
// directory checks the proofs' form only (each authority checks its own when it signs a document), and this node is
// not listed in any document (it answers no reachability probe): random tags do here.
const sphinxKeys = new Map();
function presence() {
  const current = Math.floor(Date.now() / epochMillis);
  const keys = [current, current + 1, current + 2].map((epoch) => {
    if (!sphinxKeys.has(epoch)) sphinxKeys.set(epoch, b64url(randomBytes(32)));
    const proofs = Object.fromEntries(authorities.map((a) => [a, b64url(randomBytes(16))]));
    return { epoch, key: sphinxKeys.get(epoch), proofs };
  });
  return { host, identityKey, sphinxKeys: keys, version: "browser-test", location: "Headless" };
}

async function currentDocument(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await fetch(BASE + "/api/epochs/current");
    if (r.ok) {
      const signed = await r.json();
      return JSON.parse(Buffer.from(signed.document, "base64url").toString("utf8"));
    }
    assert.ok(Date.now() < deadline, "no document for the current epoch: " + r.status);
    await sleep(1000);
  }
}

const host = `127.0.0.1:${20000 + Math.floor(Math.random() * 20000)}`;
await signedPost("/api/presence/mixnodes", presence());
const heartbeat = setInterval(() => signedPost("/api/presence/mixnodes", presence()).catch(console.error), 3000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.goto(BASE + "/");

  // The epoch and its active set, as the document lists them (read again if the epoch turned meanwhile).
  for (let attempt = 0; ; attempt++) {
    const doc = await currentDocument(30000);
    await page.waitForFunction((e) => Number(document.getElementById("epoch").textContent) >= e, doc.epoch, { timeout: 15000 });
    if (Number(await page.locator("#epoch").textContent()) !== doc.epoch) {
      assert.ok(attempt < 2, "the page and the document keep disagreeing on the epoch");
      continue;
    }
    for (const layer of doc.mixnodes) {
      const shown = await page.locator(`table.active[data-layer="${layer.layer}"] tbody tr`).evaluateAll(
        (rows) => rows.map((r) => r.dataset.key));
      assert.deepEqual(shown, layer.nodes.map((n) => n.identityKey), `layer ${layer.layer} of epoch ${doc.epoch}`);
    }
    const gateways = await page.locator("#active-gateways tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.key));
    assert.deepEqual(gateways, doc.gateways.map((g) => g.identityKey), "active gateways");
    console.log(`dashboard shows epoch ${doc.epoch} and its active set: ` +
      doc.mixnodes.map((l) => `layer ${l.layer}: ${l.nodes.length}`).join(", ") + `, gateways: ${doc.gateways.length}`);
    break;
  }
  const left = page.locator("#epoch-left");
  const before = Number(await left.getAttribute("data-seconds"));
  await page.waitForFunction((s) => Number(document.getElementById("epoch-left").dataset.seconds) !== s, before, { timeout: 5000 });
  console.log(`time left counts down (${before} s, then ${await left.getAttribute("data-seconds")} s)`);

  const row = page.locator(`table.mixnodes tr[data-key="${identityKey}"]`);
  await row.waitFor({ timeout: 15000 });
  assert.equal(await row.locator("td").first().textContent(), host);
  await page.locator("#status.live").waitFor({ timeout: 15000 });
  console.log("dashboard shows the registered node in the live view; /ws live");

  await signedPost("/api/metrics/mixes",
    { identityKey, received: 30000, sent: 15000, dropped: { replay: 600 }, intervalMillis: 60000 });
  await page.waitForFunction(
    (key) => document.querySelector(`tr[data-key="${key}"] .received`)?.textContent === "500.0",
    identityKey, { timeout: 15000 });
  assert.equal(await row.locator(".sent").textContent(), "250.0");
  assert.equal(await row.locator(".dropped").textContent(), "10.0");
  assert.equal(await row.locator(".drops").textContent(), "replay 10.0/s");
  assert.equal(await row.locator(".reliability").textContent(), "96.2 %");
  assert.equal(await page.locator("#gateways th", { hasText: "clients" }).count(), 0, "no client counts shown");
  await page.waitForFunction(() => Number(document.getElementById("chart").dataset.received) >= 30000, null, { timeout: 5000 });
  await page.locator("#drops tbody tr td", { hasText: "replay" }).first().waitFor({ timeout: 5000 });
  console.log("dashboard updated from the metrics stream: 500.0 received/s, 250.0 sent/s, 10.0 dropped/s (replay), " +
    "reliability 96.2 %; the hour's history counts its 30000 packets and its replays");

  await checkScreenshots(browser, BASE, (p) => p.locator("#epoch").filter({ hasText: /^\d+$/ }).waitFor({ timeout: 15000 }));
} finally {
  clearInterval(heartbeat);
  await browser.close();
}
