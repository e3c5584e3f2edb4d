// acorn's regular-expression validator as an oracle for compiler/regexp.py.
//
// Usage: node regexp_oracle.js <path of the acorn package>
// Prints {"acorn": version} once, then answers one JSON request per stdin line with
// one JSON line:
//   {"cases": [[pattern, flags], ...]} -> {"results": [null | message, ...]}
//       null when acorn accepts /pattern/flags, else acorn's message without "(1:0)".
//   {"idRanges": true} -> {"start": [[lo, hi], ...], "part": [[lo, hi], ...]}
//       non-ASCII code points acorn counts as identifier start / identifier part.
//
// The pattern goes straight to acorn's validator (the same calls readRegexp makes), so
// patterns that no literal could spell (a leading `*`, a `/`) can be checked too.
// Callers must not send a pattern with a character class left open at its end: acorn
// never sees one from a literal, and its validator would loop forever on it.
"use strict";

const readline = require("readline");
const path = require("path");

const acornDir = process.argv[2];
if (!acornDir) {
  process.stderr.write("usage: node regexp_oracle.js <acorn package dir>\n");
  process.exit(2);
}
const acorn = require(path.resolve(acornDir));
const options = { ecmaVersion: "latest" };

// Reading one regexp token makes acorn create its RegExpValidationState.
const parser = new acorn.Parser(options, "/x/");
parser.nextToken();
const state = parser.regexpState;
if (!state || typeof parser.validateRegExpPattern !== "function") {
  process.stderr.write("this acorn has no validateRegExpPattern/regexpState\n");
  process.exit(3);
}

function check(pattern, flags) {
  try {
    state.reset(0, pattern, flags);
    parser.validateRegExpFlags(state);
    parser.validateRegExpPattern(state);
    return null;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return e.message.replace(/ \(\d+:\d+\)$/, "");
  }
}

function ranges(test) {
  const out = [];
  let lo = -1;
  for (let c = 0x80; c <= 0x110000; c++) {
    const inside = c < 0x110000 && test(c);
    if (inside && lo < 0) lo = c;
    if (!inside && lo >= 0) {
      out.push([lo, c - 1]);
      lo = -1;
    }
  }
  return out;
}

function answer(request) {
  if (request.cases) return { results: request.cases.map(([p, f]) => check(p, f)) };
  if (request.idRanges) {
    return {
      start: ranges((c) => acorn.isIdentifierStart(c, true)),
      part: ranges((c) => acorn.isIdentifierChar(c, true)),
    };
  }
  return { error: "unknown request" };
}

process.stdout.write(JSON.stringify({ acorn: acorn.version }) + "\n");
const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  if (line.trim()) process.stdout.write(JSON.stringify(answer(JSON.parse(line))) + "\n");
});
