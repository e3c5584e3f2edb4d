// Destructuring null or undefined throws TypeError; primitives are boxed.
for (const v of [null, undefined]) {
  try { const { a } = v; } catch (e) { console.log(String(v), e instanceof TypeError); }
}
const { toFixed } = 5;
const { 0: first } = "str";
console.log(typeof toFixed, first);
try { const {} = null; } catch (e) { console.log("empty pattern", e instanceof TypeError); }
