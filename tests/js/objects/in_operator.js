// The in operator checks own and inherited properties, with ToPropertyKey.
const proto = { inherited: 1 };
const o = Object.create(proto);
o.own = undefined;
console.log("own" in o, "inherited" in o, "missing" in o, "toString" in o);
console.log(0 in [5], 1 in [5], "length" in [], Symbol.iterator in []);
try { "x" in "string"; } catch (e) { console.log(e instanceof TypeError); }
