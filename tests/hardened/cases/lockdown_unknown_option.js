// lockdown rejects an unknown option with an Error naming it, and can still run after
try { lockdown({ foo: 1 }); } catch (e) { console.log(e.constructor.name, e.message); }
lockdown();
console.log(Object.isFrozen(Object.prototype));
