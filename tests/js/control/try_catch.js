// try/catch: the catch parameter, optional binding and nested rethrow.
try { throw new Error("boom"); } catch (e) { console.log("caught", e.message); }
try { null.x; } catch { console.log("caught without binding"); }
try {
  try { throw 1; } catch (e) { throw e + 1; }
} catch (e) { console.log("rethrown", e); }
let e = "outer";
try { throw "inner"; } catch (e) { console.log(e); }
console.log(e);
