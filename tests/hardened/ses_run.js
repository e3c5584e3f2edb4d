// Runs one case under node with the pinned `ses` package: the ModuleSource shim of
// `@endo/module-source` is loaded first (caplet has ModuleSource built in), then ses
// (which puts lockdown and Compartment on the global object, as caplet has them built
// in), then the case runs as a classic script in this context, like `caplet run` would.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { pathToFileURL } = require('url');

const file = process.argv[2];
const source = fs.readFileSync(file, 'utf8');
const modules = process.env.CAPLET_NODE_MODULES;
const shim = pathToFileURL(path.join(modules, '@endo', 'module-source', 'shim.js')).href;
import(shim).then(() => {
  require(path.join(modules, 'ses'));
  vm.runInThisContext(source, { filename: path.basename(file) });
});
