// Headless-browser check of the dashboard: Debian's chromium driven by playwright-core (npm), against a running
// directory. Registers a mix node with a signed presence, opens the page, waits until the node shows under its
// layer, posts a signed metrics report (one 60 s window of aggregates) and waits until the page shows its rates
// (pushed through /ws).
//
//   BASE=http://127.0.0.1:28080 npm test        (default BASE: the first instance of `make localnet`)
import { chromium } from "playwright-core";
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import assert from "node:assert/strict";

const BASE = process.env.BASE || "http://127.0.0.1:28080";
const b64url = (buf) => Buffer.from(buf).toString("base64url");

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

const host = `127.0.0.1:${20000 + Math.floor(Math.random() * 20000)}`;
const presence = { host, identityKey, sphinxKey: b64url(randomBytes(32)), layer: 2, version: "browser-test", location: "Headless" };
await signedPost("/api/presence/mixnodes", presence);
const heartbeat = setInterval(() => signedPost("/api/presence/mixnodes", presence).catch(console.error), 3000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.goto(BASE + "/");
  const row = page.locator(`table.mixnodes[data-layer="2"] tr[data-key="${identityKey}"]`);
  await row.waitFor({ timeout: 15000 });
  assert.equal(await row.locator("td").first().textContent(), host);
  await page.locator("#status.live").waitFor({ timeout: 15000 });
  console.log("dashboard shows the registered node under layer 2; /ws live");

  await signedPost("/api/metrics/mixes",
    { identityKey, received: 30000, sent: 15000, dropped: { replay: 600 }, intervalMillis: 60000 });
  await page.waitForFunction(
    (key) => document.querySelector(`tr[data-key="${key}"] .received`)?.textContent === "500.0",
    identityKey, { timeout: 15000 });
  assert.equal(await row.locator(".sent").textContent(), "250.0");
  assert.equal(await row.locator(".dropped").textContent(), "10.0");
  assert.equal(await page.locator("#gateways th", { hasText: "clients" }).count(), 0, "no client counts shown");
  await page.waitForFunction(() => Number(document.getElementById("chart").dataset.total) >= 500, null, { timeout: 5000 });
  console.log("dashboard updated from the metrics stream: 500.0 received/s, 250.0 sent/s, 10.0 dropped/s, chart total >= 500");
} finally {
  clearInterval(heartbeat);
  await browser.close();
}
