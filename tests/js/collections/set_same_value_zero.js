// Set values compare by SameValueZero; -0 is stored as +0.
const s = new Set([NaN, NaN, 0, -0, 1, "1", true, 1n, null, undefined, null]);
console.log(s.size, [...s]);
const z = new Set([-0]);
console.log(Object.is([...z][0], 0), Object.is([...z.entries()][0][1], 0), z.has(0));
