// call, apply and bind set this and arguments.
function show(a, b) { return `${this.tag}:${a}:${b}`; }
const t = { tag: "T" };
console.log(show.call(t, 1, 2), show.apply(t, [3, 4]), show.apply(t));
const bound = show.bind(t, "x");
console.log(bound("y"), bound.call({ tag: "ignored" }, "z"));
console.log(bound.name, bound.length, show.bind(t, 1, 2).length);
