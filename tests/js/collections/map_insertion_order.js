// Map keeps insertion order: setting an existing key keeps its place, delete + set moves it last.
const m = new Map([["x", 1], ["y", 2], ["z", 3]]);
m.set("x", 100);
console.log([...m.keys()].join(","), [...m.values()].join(","));
m.delete("x");
m.set("x", 5);
console.log([...m.entries()].map(([k, v]) => k + "=" + v).join(" "));
const numbers = new Map([[3, "c"], [1, "a"], [2, "b"]]);
console.log([...numbers.keys()]);
