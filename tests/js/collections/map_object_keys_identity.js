// Object and symbol keys are compared by identity, not by shape.
const a = {}, b = {}, f = () => {}, s = Symbol("s");
const m = new Map([[a, "a"], [b, "b"], [f, "f"], [s, "s"], [Symbol("s"), "other"]]);
console.log(m.size, m.get(a), m.get(b), m.get({}), m.get(f), m.get(s));
const arr = [1];
m.set(arr, "arr");
console.log(m.get(arr), m.get([1]), m.has(m));
