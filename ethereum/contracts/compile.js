// Compiles NymToken.sol with solc-js (evmVersion paris: anvil and every chain since the merge run it) and writes the
// ABI and creation bytecode that the Java build turns into a web3j wrapper. The outputs are committed, so the Java
// build needs no Node; run this only after changing the contract: `npm ci && npm run compile`.
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const source = "NymToken.sol";
const out = path.join(__dirname, "..", "src", "main", "solidity");

const input = {
  language: "Solidity",
  sources: { [source]: { content: fs.readFileSync(path.join(__dirname, source), "utf8") } },
  settings: {
    evmVersion: "paris",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { [source]: { NymToken: ["abi", "evm.bytecode.object"] } },
  },
};

// Imports resolve against node_modules (OpenZeppelin from npm).
function findImports(name) {
  try {
    return { contents: fs.readFileSync(require.resolve(name), "utf8") };
  } catch (e) {
    return { error: `not found: ${name}` };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === "error");
(output.errors || []).forEach((e) => console.error(e.formattedMessage));
if (errors.length > 0) {
  process.exit(1);
}
const contract = output.contracts[source].NymToken;
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "NymToken.abi"), JSON.stringify(contract.abi, null, 2) + "\n");
fs.writeFileSync(path.join(out, "NymToken.bin"), contract.evm.bytecode.object /* no newline: web3j embeds the file verbatim */);
console.log(`NymToken compiled with solc ${solc.version()} (evmVersion paris) into ${out}`);
