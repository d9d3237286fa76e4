// A stand-in directory for the dashboard test without Payara: serves the webapp's static files (src/main/webapp) and
// canned answers to every API the page reads, in the directory's formats (README, "Endpoints"), plus /ws with a
// minimal WebSocket handshake so the test can push metrics reports. Three mix nodes (one per layer), one gateway, three
// authorities (the third one's validator "unreachable"), an hour of traffic history with two drop reasons, stake for
// the first mix node only. The live view answers 304 to its ETag and counts what it answered.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const WEBAPP = fileURLToPath(new URL("../src/main/webapp/", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const MINUTE = 60_000;
const ETAG = 'W/"canned-1"';

const key = (name) => createHash("sha256").update(name).digest("base64url"); // 43 characters, like a real key
const b64json = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");

export const mixnodes = [1, 2, 3].map((layer) => ({
  layer, host: `10.0.0.${layer}:1789`, identityKey: key("mix-" + layer), sphinxKey: key("sphinx-" + layer),
  nextSphinxKey: key("next-" + layer), version: "0.1.0", location: "Layer" + layer, performance: 990 - layer,
}));
export const gateway = {
  mixnetListener: "10.0.1.1:1789", clientListener: "10.0.1.1:9000", identityKey: key("gateway"),
  sphinxKey: key("gw-sphinx"), nextSphinxKey: key("gw-next"), version: "0.1.0", location: "Gate", performance: 1000,
};
export const authorities = [1, 2, 3].map((index) => ({
  index, directoryKey: key("authority-" + index), ledgerRpc: `http://127.0.0.1:${26557 + 100 * index}`,
  issuerUrl: `http://127.0.0.1:${28000 + 100 * index}/issuer/api`, issuerAddress: "0x" + String(index).repeat(40),
  watcherAddress: "0x" + "a".repeat(40), verifierAddress: "0x" + "b".repeat(40), dkgKey: null,
  announcedAtMillis: Date.now() - 30_000,
}));
export const heights = [{ height: 1234 }, { height: 1233 }, { height: null, error: "unreachable: ConnectException" }];
export const epoch = 4242;

// Per node and minute: mix node i receives 600·i packets a minute, forwards all but its drops.
function minutesOf(node, i, now) {
  const start = Math.floor(now / MINUTE) * MINUTE - 59 * MINUTE;
  return Array.from({ length: 60 }, (_, m) => {
    const dropped = { replay: i * (m % 3), unknown_key: i === 2 ? 5 : 0 };
    const received = 600 * i;
    return { start: start + m * MINUTE, node, received, sent: received - dropped.replay - dropped.unknown_key, dropped };
  });
}

export function history(node, now = Date.now()) {
  const rows = mixnodes.map((n, i) => minutesOf(n.identityKey, i + 1, now)).flat()
    .filter((r) => node == null || r.node === node);
  const buckets = minutesOf(null, 0, now).map((b) => ({ start: b.start, reports: 0, received: 0, sent: 0, dropped: {} }));
  const nodes = new Map();
  for (const r of rows) {
    const b = buckets[(r.start - buckets[0].start) / MINUTE];
    const n = nodes.get(r.node) || { identityKey: r.node, received: 0, sent: 0, dropped: {} };
    for (const t of [b, n]) {
      t.received += r.received;
      t.sent += r.sent;
      for (const [reason, c] of Object.entries(r.dropped)) if (c > 0) t.dropped[reason] = (t.dropped[reason] || 0) + c;
    }
    b.reports++;
    nodes.set(r.node, n);
  }
  for (const n of nodes.values()) {
    const lost = Object.values(n.dropped).reduce((a, b) => a + b, 0);
    n.reliability = n.sent + lost === 0 ? null : n.sent / (n.sent + lost);
  }
  return { from: buckets[0].start, to: buckets[59].start + MINUTE, bucketMillis: MINUTE, node: node ?? null, buckets,
    nodes: [...nodes.values()] };
}

const staked = mixnodes[0].identityKey;
const stakeNode = {
  identity: staked, kind: "mixnode", owner: "n1" + "q".repeat(38), bond: "100", delegated: "25", stake: "125",
  status: "bonded", release_epoch: null, score: 563, score_epoch: epoch - 1, rewards: "12", penalties: "25",
};
const stakeHistory = Array.from({ length: 8 }, (_, i) => ({
  epoch: epoch - 1 - i, score: i === 3 ? null : 900 - 50 * i, reports: 3, reward: "1", penalty: "0", active: i !== 3,
}));

function answers(now) {
  const doc = {
    epoch, startMillis: now - 50_000, endMillis: now + 550_000,
    mixnodes: mixnodes.map((n) => ({ layer: n.layer, nodes: [n] })), gateways: [gateway],
  };
  return {
    "/api/epochs/current": { document: b64json(doc), signatures: authorities.slice(0, 2).map((a) => ({ authorityKey: a.directoryKey, signature: "c2ln" })) },
    "/api/authorities": { authorities: authorities.map((a) => ({ announcement: b64json(a), signature: "c2ln" })) },
    "/api/authorities/ledgers": { checkedAt: now, ledgers: authorities.map((a, i) => ({ index: a.index, ledgerRpc: a.ledgerRpc, height: heights[i].height, error: heights[i].error ?? null })) },
    "/api/metrics/mixes": { from: now - 60_000, to: now, reports: mixnodes.map((n, i) => ({ identityKey: n.identityKey, received: 600 * (i + 1), sent: 600 * (i + 1) - 6, dropped: { replay: 6 }, intervalMillis: 60_000, acceptedAt: now - 30_000 })) },
    "/api/stake/nodes": { settled_epoch: String(epoch - 1), pool: "999000", nodes: [stakeNode] },
    [`/api/stake/active/${epoch}`]: { mixnodes: [staked], gateways: [], performance: {} },
    [`/api/stake/nodes/${staked}`]: { ...stakeNode, delegations: [{ delegator: "n1" + "d".repeat(38), amount: "25", release_epoch: null }], history: stakeHistory },
  };
}

/** Starts the stand-in on a free port; {base, topology: {full, notModified}, push(report), close()}. */
export async function startCannedDirectory() {
  const topology = { full: 0, notModified: 0 };
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://canned");
    const send = (status, body, type = "application/json", headers = {}) => {
      res.writeHead(status, { "Content-Type": type, ...headers });
      res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    const now = Date.now();
    if (url.pathname === "/api/presence/topology") {
      if (req.headers["if-none-match"] === ETAG) {
        topology.notModified++;
        res.writeHead(304, { ETag: ETAG });
        return res.end();
      }
      topology.full++;
      const seen = now - 500;
      return send(200, {
        generatedAt: now, epoch, expiryMillis: 10_000,
        mixnodes: mixnodes.map(({ host, identityKey, sphinxKey, version, location }) => ({ host, identityKey, sphinxKey, version, location, lastSeen: seen })),
        gateways: [{ ...gateway, lastSeen: seen }], validators: [],
      }, "application/json", { ETag: ETAG, "Cache-Control": "no-cache" });
    }
    if (url.pathname === "/api/metrics/history") return send(200, history(url.searchParams.get("node"), now));
    const canned = answers(now)[url.pathname];
    if (canned) return send(200, canned);
    if (url.pathname.startsWith("/api/")) {
      return send(404, { type: "about:blank", title: "Not Found", status: 404, detail: "no record for " + url.pathname }, "application/problem+json");
    }
    const file = normalize(join(WEBAPP, url.pathname === "/" ? "index.html" : url.pathname));
    if (!file.startsWith(WEBAPP)) return send(404, "not found", "text/plain");
    try {
      send(200, await readFile(file), TYPES[extname(file)] || "application/octet-stream");
    } catch {
      send(404, "not found", "text/plain");
    }
  });
  // /ws: the handshake of RFC 6455 and unmasked text frames from the server; what the page sends is ignored.
  server.on("upgrade", (req, socket) => {
    const accept = createHash("sha1").update(req.headers["sec-websocket-key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest("base64");
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n");
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    topology,
    push(report) {
      const payload = Buffer.from(JSON.stringify(report));
      const length = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
      for (const s of sockets) s.write(Buffer.concat([length, payload]));
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
