// eval and Function report parse errors as catchable SyntaxError.
for (const src of ["1 +", "let let = 1", "function () {}", "return 1", "({a:1", "a => {"]) {
  try { eval(src); console.log("parsed", src); } catch (e) { console.log(e.name, e instanceof SyntaxError); }
}
try { new Function("a", "}"); } catch (e) { console.log("Function", e.name); }
