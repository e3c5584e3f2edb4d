// null options are a TypeError from reading a property of null
try { lockdown(null); } catch (e) { console.log(e.constructor.name); }
lockdown(undefined);
console.log(Object.isFrozen(Object));
