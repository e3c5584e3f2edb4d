// switch cases share one block scope; case expressions are evaluated lazily.
function key(k) { console.log("eval", k); return k; }
switch (2) {
  case key(1): console.log("one"); break;
  case key(2): let msg = "two"; console.log(msg); break;
  case key(3): console.log("three");
}
switch ("x") { default: console.log("only default"); }
switch (NaN) { case NaN: console.log("no"); break; default: console.log("NaN never matches"); }
