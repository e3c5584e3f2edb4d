// The Map constructor takes any iterable of entries: arrays, other maps, generators, array-likes.
const fromArray = new Map([[1, "one"], [2, "two"]]);
const copy = new Map(fromArray);
copy.set(3, "three");
function* gen() { yield ["g", 1]; yield { 0: "h", 1: 2 }; }
console.log(fromArray.size, copy.size, [...new Map(gen())]);
console.log(new Map(null).size, new Map(undefined).size, new Map([]).size);
console.log([...new Map(Object.entries({ p: 1, q: 2 }))]);
