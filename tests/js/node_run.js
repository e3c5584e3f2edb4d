// Runs one test program as a classic script (like `caplet run`), not as a CommonJS module:
// top-level `this` is the global object and top-level declarations become global.
"use strict";
const fs = require("fs");
const vm = require("vm");

const file = process.argv[2];
vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
