// Compartment must be called with new
try { Compartment(); } catch (e) { console.log(e.constructor.name, e.message); }
