// indirect eval inside a compartment evaluates in the compartment's global, never the host's
globalThis.hostOnly = 'secret';
const c = new Compartment();
const seen = [c.evaluate('(0, eval)("typeof hostOnly")'), c.evaluate('(0, eval)("globalThis")') === c.globalThis,
  c.globalThis.eval('typeof hostOnly'), c.evaluate('const e = eval; e("this")') === c.globalThis];
console.log(seen.join() === 'undefined,true,undefined,true' ? 'contained' : 'ESCAPED ' + seen.join());
