// An error thrown in catch replaces the original; finally still runs.
function f() {
  try {
    throw new Error("first");
  } catch (e) {
    throw new Error("second (from catch, was " + e.message + ")");
  } finally {
    console.log("finally runs");
  }
}
try { f(); } catch (e) { console.log(e.message); }
