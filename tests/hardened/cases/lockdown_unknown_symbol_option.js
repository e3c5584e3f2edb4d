// a symbol-keyed option is unknown too
try { lockdown({ [Symbol('s')]: 1 }); } catch (e) { console.log(e.constructor.name, e.message); }
