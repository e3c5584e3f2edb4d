// keys, values and entries iterators.
const a = ["x", "y"];
console.log([...a.keys()].join(), [...a.values()].join(), [...a.entries()].map((e) => e.join(":")).join());
console.log([...[, "b"].keys()].join());
const it = a[Symbol.iterator]();
console.log(it.next().value, it.next().value, it.next().done);
