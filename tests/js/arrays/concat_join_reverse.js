// concat flattens one level of arrays; join defaults to commas; reverse in place.
const a = [1, 2];
console.log(a.concat(3, [4, [5]], []).length, a.concat([[6]])[2][0]);
console.log([1, null, undefined, 2].join(), [1, 2].join(""), [[1, 2], [3]].join(";"));
const r = [1, 2, 3];
console.log(r.reverse() === r, r.join());
