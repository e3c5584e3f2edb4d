// A finally block run by `return` in try is not covered by the same statement's catch.
let caught = 0;
function f() {
  try { return "try"; } catch (e) { caught++; return "catch"; } finally { throw new Error("finally"); }
}
try { f(); } catch (e) { console.log(e.message, caught); }
