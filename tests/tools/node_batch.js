// One node process answers a whole batch: stdin is {"prelude": JS, "inputs": [...]};
// the prelude defines `answer(input)`; stdout is the JSON array of the answers, with
// every non-ASCII code unit escaped so lone surrogates survive. A thrown error becomes
// {"error": "Name: message"}. Helpers the prelude may use: f64(hex) / hex(x) carry
// doubles bit-exactly (NaN, -0), val(tagged) / tag(value) carry primitives, util is
// node's util module.
'use strict';
const fs = require('fs');
const util = require('util');

const payload = JSON.parse(fs.readFileSync(0, 'utf8'));
const f64 = (h) => Buffer.from(h, 'hex').readDoubleBE(0);
// NaN's sign and payload are not observable in JavaScript: every NaN is written alike.
const hex = (x) => {
  if (x !== x) return '7ff8000000000000';
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return b.toString('hex');
};
const val = (t) => {
  switch (t[0]) {
    case 'n': return f64(t[1]);
    case 's': return t[1];
    case 'b': return BigInt(t[1]);
    case 't': return true;
    case 'f': return false;
    case 'u': return undefined;
    case 'l': return null;
    default: throw new Error(`bad tag ${t[0]}`);
  }
};
const tag = (v) => {
  switch (typeof v) {
    case 'number': return ['n', hex(v)];
    case 'string': return ['s', v];
    case 'bigint': return ['b', v.toString()];
    case 'boolean': return [v ? 't' : 'f'];
    case 'undefined': return ['u'];
    default: return v === null ? ['l'] : ['?', String(v)];
  }
};
const answer = new Function('f64', 'hex', 'val', 'tag', 'util',
  `${payload.prelude}\nreturn answer;`)(f64, hex, val, tag, util);
const out = payload.inputs.map((input) => {
  try {
    return answer(input);
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
});
const text = JSON.stringify(out).replace(/[\u007f-\uffff]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
process.stdout.write(text);
