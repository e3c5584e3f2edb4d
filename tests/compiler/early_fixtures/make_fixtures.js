#!/usr/bin/env node
// Rebuilds the early-error fixtures: node make_fixtures.js [NODE_MODULES_DIR]
//
// acorn refuses to build an AST for a program with an early error, so the AST comes
// from @babel/parser with errorRecovery and its "estree" plugin, trimmed to acorn's
// shape (on every valid program of test262-parser-tests the two agree exactly). The
// expected error is acorn's unless cases.js says otherwise; acorn's generic
// "Unexpected token" is stored as message null (only the position is checked).
//
// NODE_MODULES_DIR (default: <repo>/.cache/npm/node_modules, where the test suite
// installs tests/npm/package.json) must hold acorn, @babel/parser (there as a
// dependency of the pinned corpus) and test262-parser-tests.
"use strict";

const fs = require("fs");
const path = require("path");

const here = __dirname;
const modules = path.resolve(process.argv[2] || path.join(here, "../../../.cache/npm/node_modules"));
const acorn = require(path.join(modules, "acorn"));
const babel = require(path.join(modules, "@babel/parser"));
const cases = require("./cases.js");

// test262-parser-tests early/ files left out, and why.
const T262_SKIP = {
  "12a74c60f52a60de.js": "Annex B allows duplicate sloppy block functions",
  "1aff49273f3e3a98.js": "Annex B allows duplicate sloppy block functions",
  "be7329119eaa3d47.js": "Annex B allows duplicate sloppy block functions",
  "ec31fa5e521c5df4.js": "Annex B allows duplicate sloppy block functions",
  "0f5f47108da5c34e.js": "since ES2020 a for-of `var` may redeclare a simple catch parameter",
  "1447683fba196181.js": "escaped regular expression flag: the tokenizer's",
  "d52f769ab39372c7.js": "escaped regular expression flag: the tokenizer's",
};
// Tokenizer errors (identifier escapes, regular expressions, string escapes) are the
// parser's, not this pass's.
const TOKENIZER = /regular expression|Unicode escape|Code point|Invalid escape sequence in template/;
// Where our answer deliberately differs from acorn's.
const T262_OVERRIDE = {
  "024073814ce2cace.js": {pos: 6, note: "parentheses leave no trace in ESTree"},
  "5995f93582b8bd22.js": {pos: 6, note: "parentheses leave no trace in ESTree"},
  "3121a50c07bfa0aa.js": {pos: 9, note: "parentheses leave no trace in ESTree"},
  "bd0a88a0f6b9250e.js": {pos: 9, note: "parentheses leave no trace in ESTree"},
  "3a29281d7d6fba5a.module.js": {pos: 18, note: "the AST has no position for `default`"},
  "84bf7b09d729a621.module.js": {pos: 18, note: "the AST has no position for `default`"},
  "e6bf6eec9bccde06.module.js": {pos: 18, note: "the AST has no position for `default`"},
  "b6a72a718cb7ca67.js": {pos: 3, note: "the AST has no position for `=`"},
  "df5916fa5c0c159e.js": {message: "Binding eval in strict mode", note: "an arrow parameter is a binding"},
  "84ef3bbaa772075f.js": {message: "Binding eval in strict mode", pos: 7,
    acornAccepts: "a class expression's name is a strict binding"},
  "987442878ab414e7.js": {message: "Binding arguments in strict mode", pos: 7,
    acornAccepts: "a class expression's name is a strict binding"},
};

// The early/ files repeat each rule many times over: keep the shortest few per message
// (and every file with an override) so the fixtures stay small.
const T262_PER_MESSAGE = 8;

const DROP = new Set(["loc", "range", "extra", "comments", "leadingComments",
  "trailingComments", "innerComments", "errors", "tokens", "exportKind", "importKind",
  "interpreter", "sourceType"]);

function trim(n) {
  if (Array.isArray(n)) return n.map(trim);
  if (typeof n === "bigint") return String(n);
  if (n && typeof n === "object") {
    if (n instanceof RegExp) return {};
    const o = {};
    for (const k of Object.keys(n)) if (!DROP.has(k)) o[k] = trim(n[k]);
    return o;
  }
  return n;
}

function acornError(src, module) {
  try {
    acorn.parse(src, {ecmaVersion: "latest", sourceType: module ? "module" : "script"});
    return null;
  } catch (e) {
    return {message: e.message.replace(/ \(\d+:\d+\)$/, ""), pos: e.pos};
  }
}

// Identifiers renamed after parsing (a case may parse a stand-in source of the same
// length where babel cannot recover, e.g. `yiel_` for `yield`).
function rename(n, names) {
  if (Array.isArray(n)) n.forEach(x => rename(x, names));
  else if (n && typeof n === "object") {
    if (n.type === "Identifier" && Object.hasOwn(names, n.name)) n.name = names[n.name];
    Object.values(n).forEach(x => rename(x, names));
  }
  return n;
}

function babelAst(src, module, opts = {}) {
  if (opts.astSrc && opts.astSrc.length !== src.length) throw new Error("astSrc must keep positions");
  const r = babel.parse(opts.astSrc || src, {
    sourceType: module ? "module" : "script", errorRecovery: true,
    allowAwaitOutsideFunction: !!opts.awaitOutsideFunction,
    plugins: [["estree", {classFeatures: true}], ["optionalChainingAssign", {version: "2023-07"}]],
    createImportExpressions: true});
  return rename(trim(r.program), opts.rename || {});
}

const problems = [];

function fixture(src, opts, label) {
  const module = !!opts.module;
  const err = acornError(src, module);
  if (!err && !opts.acornAccepts) { problems.push(`${label}: acorn accepts ${JSON.stringify(src)}`); return null; }
  if (err && opts.acornAccepts) { problems.push(`${label}: acorn rejects ${JSON.stringify(src)}: ${err.message}`); return null; }
  let ast;
  try { ast = babelAst(src, module, opts); } catch (e) {
    problems.push(`${label}: babel cannot recover ${JSON.stringify(src)}: ${e.message}`);
    return null;
  }
  const message = "message" in opts ? opts.message
    : err.message === "Unexpected token" ? null : err.message;
  const pos = "pos" in opts ? opts.pos : err.pos;
  const out = {src, module, message, pos};
  if (opts.acornAccepts) out.acornAccepts = opts.acornAccepts;
  if (opts.note) out.note = opts.note;
  out.ast = ast;
  return out;
}

function write(name, list) {
  const text = "[\n" + list.map(x => JSON.stringify(x)).join(",\n") + "\n]\n";
  fs.writeFileSync(path.join(here, name + ".json"), text);
  console.log(`${name}.json: ${list.length} cases, ${text.length} bytes`);
}

for (const [group, list] of Object.entries(cases)) {
  const seen = new Set();
  const out = [];
  for (const c of list) {
    const [src, opts] = typeof c === "string" ? [c, {}] : [c[0], c[1] || {}];
    const key = (opts.module ? "M " : "S ") + src;
    if (seen.has(key)) { problems.push(`${group}: duplicate ${JSON.stringify(src)}`); continue; }
    seen.add(key);
    const f = fixture(src, opts, group);
    if (f) out.push(f);
  }
  write(group, out);
}

const early = path.join(modules, "test262-parser-tests", "early");
const t262 = [];
for (const file of fs.readdirSync(early).sort()) {
  if (file in T262_SKIP) continue;
  const src = fs.readFileSync(path.join(early, file), "utf8");
  const module = file.includes(".module.");
  const opts = {module, ...(T262_OVERRIDE[file] || {})};
  const err = acornError(src, module);
  if (err && TOKENIZER.test(err.message)) continue;
  let ok = true;
  try { babelAst(src, module); } catch (e) { ok = false; }
  if (!ok) continue;  // babel gives up on a few cover-grammar errors: no AST to check
  const f = fixture(src, opts, file);
  if (f) { f.file = file; t262.push(f); }
}
const kept = [];
const perMessage = new Map();
for (const f of [...t262].sort((a, b) => a.src.length - b.src.length || (a.file < b.file ? -1 : 1))) {
  const n = perMessage.get(f.message) || 0;
  if (n < T262_PER_MESSAGE || T262_OVERRIDE[f.file]) kept.push(f);
  perMessage.set(f.message, n + 1);
}
kept.sort((a, b) => (a.file < b.file ? -1 : 1));
// Nothing derived from test262 is committed: the early/ files are checked through
// compiler.parse straight from the npm cache (tests/parser/test_parser_tests.py).
console.log(`test262-parser-tests early/: ${t262.length} usable, ${kept.length} checked`);

if (problems.length) {
  console.error(problems.join("\n"));
  process.exitCode = 1;
}
