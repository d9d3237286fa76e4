// The ledger driven by a CometBFT client library this project did not write (@cosmjs/tendermint-rpc, Comet38Client)
// against a real 1-validator `ledger-app testnet` (CometBFT v0.38 + ledger-app abci) that this file starts on free
// local ports in a temporary home and stops at the end. Only the signing is ours (`ledger-app sign-transfer`): the
// signature scheme is the ledger's own. Any mismatch fails the run (node --test exits non-zero); nothing is skipped.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Comet38Client } from "@cosmjs/tendermint-rpc";

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.LEDGER_APP_JAR ?? resolve(here, "../target/ledger-app.jar");
const chainId = "nym-client-test";
// a funded development account of the genesis; its address is read back from the chain's transfer event
const sender = "dev-0";
const recipient = "0x" + randomBytes(20).toString("hex");
const startTimeout = 120_000;

let home;
let testnet;
let http;
let ws;
let rpcPort;
const events = []; // websocket Tx events for the recipient
let streamError;

const sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex").toUpperCase();
const hex = (bytes) => Buffer.from(bytes).toString("hex").toUpperCase();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function signTransfer(nonce, amount) {
  const b64 = execFileSync("java", [
    "-cp", jar, "nym.ledger.cli.Main", "sign-transfer", "--chain-id", chainId, "--nonce", String(nonce),
    "--from-seed", sender, "--to", recipient, "--amount", String(amount),
  ], { encoding: "utf8" }).trim();
  return new Uint8Array(Buffer.from(b64, "base64"));
}

async function portsFree(base, count) {
  for (let p = base; p < base + count; p++) {
    const free = await new Promise((res) => {
      const s = net.createServer().once("error", () => res(false)).listen(p, "127.0.0.1", () => s.close(() => res(true)));
    });
    if (!free) return false;
  }
  return true;
}

// validator 1 of `testnet --base-port P` listens on P (p2p), P+1 (RPC), P+2 (ABCI), P+3 (Prometheus)
async function freeBasePort() {
  for (let i = 0; i < 50; i++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    if (await portsFree(base, 4)) return base;
  }
  throw new Error("no 4 consecutive free local ports found");
}

function attribute(events, type, key) {
  const e = events.find((ev) => ev.type === type);
  assert.ok(e, `event ${type} missing in ${JSON.stringify(events)}`);
  const a = e.attributes.find((at) => at.key === key);
  assert.ok(a, `attribute ${type}.${key} missing`);
  return a.value;
}

async function account(address) {
  const r = await http.abciQuery({ path: "/account", data: Buffer.from(address.slice(2), "hex") });
  assert.equal(r.code ?? 0, 0, `abci_query /account refused: ${r.log}`);
  return JSON.parse(Buffer.from(r.value).toString("utf8"));
}

async function committed(hash) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await http.tx({ hash });
    } catch (notYet) {
      if (Date.now() > deadline) throw new Error(`tx ${hex(hash)} not committed within 30 s: ${notYet}`);
      await sleep(200);
    }
  }
}

// The node answers a connection's subscribe requests in order and the client does not expose the answers: once a
// NewBlock subscription made after the others delivers a block, those are registered too. (With this client a
// subscription must be made right after connecting: one made seconds later on an idle socket never got events.)
function firstNewBlock() {
  const blocks = ws.subscribeNewBlock();
  return new Promise((resolve, reject) => {
    const listener = {
      next: () => { blocks.removeListener(listener); resolve(); },
      error: reject,
      complete: () => {},
    };
    blocks.addListener(listener);
    setTimeout(() => reject(new Error("no NewBlock event on the websocket within 30 s")), 30_000).unref();
  });
}

before(async () => {
  assert.ok(existsSync(jar), `missing ${jar}: build ledger-app first (mvn -pl ledger-tx,ledger-app install)`);
  home = mkdtempSync(join(tmpdir(), "ledger-client-test-"));
  const base = await freeBasePort();
  rpcPort = base + 1;
  const log = openSync(join(home, "testnet.log"), "a");
  testnet = spawn("java", [
    "-jar", jar, "testnet", "--home", join(home, "chain"), "--validators", "1", "--base-port", String(base),
    "--block-time", "1s", "--chain-id", chainId, "--dev-accounts", "2",
  ], { stdio: ["ignore", log, log] });
  const deadline = Date.now() + startTimeout;
  for (;;) {
    assert.equal(testnet.exitCode, null, `testnet exited early:\n${readFileSync(join(home, "testnet.log"), "utf8")}`);
    try {
      http = await Comet38Client.connect(`http://127.0.0.1:${rpcPort}`);
      if ((await http.status()).syncInfo.latestBlockHeight >= 1) break;
    } catch (notYet) {
      // the node is starting
    }
    assert.ok(Date.now() < deadline, `no block within ${startTimeout} ms:\n${readFileSync(join(home, "testnet.log"), "utf8")}`);
    await sleep(500);
  }
  ws = await Comet38Client.connect(`ws://127.0.0.1:${rpcPort}`);
  ws.subscribeTx(`tm.event='Tx' AND transfer.recipient='${recipient}'`).addListener({
    next: (e) => events.push(e),
    error: (e) => { streamError = e; },
    complete: () => {},
  });
  await firstNewBlock();
});

after(async () => {
  ws?.disconnect();
  http?.disconnect();
  if (testnet && testnet.exitCode === null) {
    const exited = new Promise((r) => testnet.once("exit", r));
    testnet.kill("SIGTERM"); // its shutdown hook stops the CometBFT node, then ledger-app abci
    await Promise.race([exited, sleep(30_000).then(() => testnet.kill("SIGKILL"))]);
  }
  if (home) rmSync(home, { recursive: true, force: true });
});

test("status, block and block_results describe the running chain", async () => {
  const status = await http.status();
  assert.equal(status.nodeInfo.network, chainId);
  assert.match(status.nodeInfo.version, /^0\.38\./);
  const height = status.syncInfo.latestBlockHeight;
  assert.ok(height >= 1, `height ${height}`);

  const block = await http.block(height);
  assert.equal(block.block.header.chainId, chainId);
  assert.equal(block.block.header.height, height);
  assert.equal(hex(block.blockId.hash), hex(status.syncInfo.latestBlockHash));

  const results = await http.blockResults(height);
  assert.equal(results.height, height);
  assert.equal(results.results.length, block.block.txs.length);
});

test("signed transfers: broadcast_tx_sync and _commit, tx_search, block_results, /account, websocket Tx events", async () => {

  // the chain is new, so the sender's first nonce is 0
  const signed0 = signTransfer(0, 1);
  const probe = await http.broadcastTxSync({ tx: signed0 });
  assert.equal(probe.code, 0, `broadcast_tx_sync refused: ${probe.log}`);
  assert.equal(hex(probe.hash), sha256Hex(signed0), "broadcast_tx_sync hash = SHA-256 of the tx bytes");
  const first = await committed(probe.hash);
  assert.equal(first.result.code, 0, first.result.log);
  const senderAddress = attribute(first.result.events, "transfer", "sender");
  assert.equal(attribute(first.result.events, "transfer", "recipient"), recipient);
  assert.equal(attribute(first.result.events, "transfer", "amount"), "1");
  const before = await account(senderAddress);
  assert.equal(before.nonce, "1");

  const signed1 = signTransfer(before.nonce, 41);
  const commit = await http.broadcastTxCommit({ tx: signed1 });
  assert.equal(commit.checkTx.code, 0, commit.checkTx.log);
  assert.equal(commit.txResult.code, 0, commit.txResult.log);
  assert.ok(commit.height > first.height, `commit height ${commit.height} after ${first.height}`);
  assert.equal(hex(commit.hash), sha256Hex(signed1));

  // a stale nonce is refused by CheckTx with our code and codespace, not a transport error
  const stale = await http.broadcastTxSync({ tx: signTransfer(before.nonce, 7) });
  assert.equal(stale.code, 4, `WRONG_NONCE expected, got ${stale.code} ${stale.log}`);
  assert.equal(stale.codespace, "nym");

  const found = await http.txSearch({ query: `transfer.recipient='${recipient}'`, order_by: "asc" });
  assert.equal(found.totalCount, 2);
  assert.deepEqual(found.txs.map((t) => hex(t.hash)), [sha256Hex(signed0), sha256Hex(signed1)]);
  assert.deepEqual(Buffer.from(found.txs[1].tx), Buffer.from(signed1));
  assert.equal(attribute(found.txs[1].result.events, "transfer", "amount"), "41");

  const results = await http.blockResults(commit.height);
  const block = await http.block(commit.height);
  const index = block.block.txs.findIndex((t) => Buffer.from(t).equals(Buffer.from(signed1)));
  assert.ok(index >= 0, "the committed block carries the tx");
  assert.equal(results.results[index].code, 0);
  assert.equal(attribute(results.results[index].events, "transfer", "recipient"), recipient);

  assert.deepEqual(await account(recipient), { address: recipient, balance: "42", nonce: "0" });
  const afterSender = await account(senderAddress);
  assert.equal(afterSender.nonce, "2");
  assert.equal(BigInt(afterSender.balance), BigInt(before.balance) - 41n);

  const deadline = Date.now() + 10_000;
  while (events.length < 2 && !streamError && Date.now() < deadline) await sleep(100);
  assert.equal(streamError, undefined, `subscription failed: ${streamError}`);
  assert.equal(events.length, 2, "one websocket Tx event per transfer to the recipient");
  assert.deepEqual(events.map((e) => hex(e.hash)), [sha256Hex(signed0), sha256Hex(signed1)]);
  assert.deepEqual(events.map((e) => e.height), [first.height, commit.height]);
  assert.deepEqual(Buffer.from(events[1].tx), Buffer.from(signed1));
  assert.equal(events[1].result.code, 0);
  assert.equal(attribute(events[1].result.events, "transfer", "sender"), senderAddress);
});
