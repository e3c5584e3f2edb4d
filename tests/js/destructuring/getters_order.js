// Destructuring reads properties in pattern order, calling getters once.
const log = [];
const src = {
  get a() { log.push("a"); return 1; },
  get b() { log.push("b"); return 2; },
};
const { b, a, c = log.push("default c") } = src;
console.log(a, b, c, log.join(","));
