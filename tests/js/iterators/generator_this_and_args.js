// Generators see arguments and this from their call.
function* g() { yield this.name; yield arguments.length; yield [...arguments].join(); }
console.log([...g.call({ name: "ctx" }, 1, 2, 3)].join(" | "));
try { new g(); } catch (e) { console.log(e instanceof TypeError); }
