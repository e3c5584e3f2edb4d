// A default parameter that reads a later (or its own) parameter throws a ReferenceError.
const later = (a = b, b) => a;
try { later(undefined, 1); } catch (e) { console.log(e instanceof ReferenceError); }
function self(a = a) { return a; }
try { self(); } catch (e) { console.log(e instanceof ReferenceError); }
function earlier(a, b = a + 1) { return b; }
console.log(earlier(1));
