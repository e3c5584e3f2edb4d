// TextEncoder and TextDecoder are universal globals: lockdown freezes them, compartments share them
lockdown();
const c = new Compartment();
console.log(c.globalThis.TextEncoder === TextEncoder, c.globalThis.TextDecoder === TextDecoder);
console.log(Object.isFrozen(TextEncoder), Object.isFrozen(TextEncoder.prototype), Object.isFrozen(TextDecoder.prototype));
console.log(c.evaluate('new TextDecoder().decode(new TextEncoder().encode("h\u00e9llo"))'));
const d = harden(new TextDecoder());
console.log(Object.isFrozen(d), d.encoding);
try { TextEncoder.prototype.encode = null; } catch (e) { console.log(e.constructor.name); }
