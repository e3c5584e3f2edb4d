// A running generator cannot be resumed re-entrantly; a finished one stays done.
let it;
function* g() { try { it.next(); } catch (e) { yield e instanceof TypeError; } }
it = g();
console.log(it.next().value);
console.log(it.next().done, it.next().done);
function* thrower() { throw new Error("in body"); }
const t = thrower();
try { t.next(); } catch (e) { console.log(e.message); }
console.log(t.next().done);
