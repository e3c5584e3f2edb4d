// Dot and bracket access, numeric keys as strings, access on primitives.
const o = { a: { b: { c: "deep" } }, "1": "one" };
console.log(o.a.b.c, o["a"]["b"]["c"], o[1], o["1"], o[1.0]);
console.log("abc"[1], "abc".length, (5).toFixed, true.toString());
try { undefined.x; } catch (e) { console.log(e instanceof TypeError); }
try { null["y"]; } catch (e) { console.log(e instanceof TypeError); }
