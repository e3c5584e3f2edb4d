// eval returns the completion value: if, loops, switch and try give at least undefined; finally keeps it.
var r = [];
r.push(eval("6; do { 7; if (false) { 8; } else { break; } } while (false)"));
r.push(eval("1; if (true) {}"));
r.push(eval("1; try { 2 } finally { 3 }"));
r.push(eval("1; do { try { 2; break; } finally { 3 } } while (0)"));
r.push(eval("1; do { try { 2 } finally { 3; break; } } while (0)"));
r.push(eval("1; switch (0) {}"));
r.push(eval("1; for (var x in {}) {}"));
r.push(eval("1; {}"));
r.push(eval("1; var y;"));
r.push(eval("for (var i = 0; i < 2; ++i) { if (i) { try { throw null; } catch (e) { break; } } 'bad'; }"));
r.push(eval("1; L: { 2; break L; }"));
r.push(eval("1; while (false);"));
console.log(r);
