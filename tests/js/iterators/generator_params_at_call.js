// A generator's parameters (defaults, destructuring) are evaluated at the call, not at next().
function* g([x], y = console.log("default evaluated")) { console.log("body"); yield x; }
try { g(null); console.log("no throw"); } catch (e) { console.log("call threw", e.constructor.name); }
const it = g([1]);
console.log("created");
console.log(it.next().value);
class C { static a; static b() { return "b"; } static c = 3; }
console.log(C.a, C.b(), C.c, Object.keys(C));
try { class D { static ["prototype"] = 1; } } catch (e) { console.log(e.constructor.name); }
