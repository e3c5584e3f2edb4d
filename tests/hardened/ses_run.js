// Runs one case under node with the pinned `ses` package: ses is loaded first (it puts
// lockdown and Compartment on the global object, as caplet has them built in), then
// the case runs as a classic script in this context, like `caplet run` would run it.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const file = process.argv[2];
const source = fs.readFileSync(file, 'utf8');
require(path.join(process.env.CAPLET_NODE_MODULES, 'ses'));
vm.runInThisContext(source, { filename: path.basename(file) });
