// Calling a non-callable value throws TypeError.
const values = [undefined, null, 1, "s", {}, []];
for (const v of values) {
  try { v(); } catch (e) { console.log(e instanceof TypeError); }
}
try { const o = {}; o.missing(); } catch (e) { console.log(e.name); }
