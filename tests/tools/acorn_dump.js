#!/usr/bin/env node
// acorn as the AST oracle, batched: one node process answers a whole corpus.
//
// Reads JSON lines on stdin, writes one JSON line per request on stdout, in order.
// A request is {"path": FILE} or {"source": TEXT}, with "sourceType" one of
// "script", "module" or "auto" (the default): "auto" tries a script first and falls
// back to a module, so a file is a module exactly when it needs to be one.
// An answer is {"ok": true, "sourceType": ..., "ast": {...}} or
// {"ok": false, "sourceType": ..., "message": ..., "pos": N, "line": N, "column": N}.
// BigInt values (acorn's `value` for `1n`) are written as their decimal digits.
//
// Usage: node acorn_dump.js [ACORN_DIR] < requests.jsonl > answers.jsonl
// The first line written is {"acorn": VERSION} so callers can key caches on it.
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");

const acornDir = process.argv[2] || path.dirname(require.resolve("acorn/package.json"));
const acorn = require(path.resolve(acornDir, "dist", "acorn.js"));

// BigInt values become decimal digits. A regular expression literal's value is always
// written as {} (what JSON.stringify makes of a RegExp): acorn leaves it null when this
// Node.js cannot build the RegExp, which says nothing about the parse.
function replacer(key, value) {
  if (typeof value === "bigint") return value.toString();
  if (value && value.type === "Literal" && value.regex && value.value === null) return { ...value, value: {} };
  return value;
}

function parseAs(source, sourceType) {
  try {
    const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType });
    return { ok: true, sourceType, ast };
  } catch (e) {
    if (!(e instanceof SyntaxError) || e.pos === undefined) throw e;
    const loc = e.loc || {};
    return { ok: false, sourceType, message: e.message, pos: e.pos, line: loc.line, column: loc.column };
  }
}

function answer(request) {
  const source = request.path !== undefined ? fs.readFileSync(request.path, "utf8") : request.source;
  const sourceType = request.sourceType || "auto";
  if (sourceType !== "auto") return parseAs(source, sourceType);
  if (request.path && request.path.endsWith(".mjs")) return parseAs(source, "module");
  const script = parseAs(source, "script");
  if (script.ok || (request.path && request.path.endsWith(".cjs"))) return script;
  const module = parseAs(source, "module");
  return module.ok ? module : script;
}

function main() {
  process.stdout.write(JSON.stringify({ acorn: acorn.version }) + "\n");
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let out;
    try {
      out = JSON.stringify(answer(JSON.parse(line)), replacer);
    } catch (e) {
      out = JSON.stringify({ ok: false, internal: true, message: String(e && e.stack) });
    }
    process.stdout.write(out + "\n");
  });
}

main();
