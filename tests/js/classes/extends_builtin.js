// Subclassing Array and Error keeps exotic behaviour and names.
class MyArray extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
const a = MyArray.from([1, 2, 3]);
a.push(4);
console.log(a.length, a.sum(), a instanceof MyArray, Array.isArray(a));
class MyError extends Error { constructor(m) { super(m); this.name = "MyError"; } }
const e = new MyError("oops");
console.log(e.message, e.name, e instanceof Error, String(e));
