// an object frozen shallowly is still traversed by harden
lockdown();
const inner = {};
const outer = Object.freeze({ inner });
harden(outer);
console.log(Object.isFrozen(inner));
