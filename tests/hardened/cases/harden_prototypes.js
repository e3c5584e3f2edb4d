// harden follows prototypes: hardening an instance freezes its class
lockdown();
class Q { m() {} }
const q = harden(new Q());
console.log(Object.isFrozen(q), Object.isFrozen(Q.prototype), Object.isFrozen(Q));
const p = {}; harden(Object.create(p));
console.log(Object.isFrozen(p));
