// a string as options has index keys, which are unknown options
try { lockdown('x'); } catch (e) { console.log(e.constructor.name, e.message); }
