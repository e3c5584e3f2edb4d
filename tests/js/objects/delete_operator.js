// delete removes own configurable properties and returns a boolean.
const o = { a: 1, b: 2 };
console.log(delete o.a, "a" in o, delete o.missing, Object.keys(o).join());
Object.defineProperty(o, "fixed", { value: 1, configurable: false });
console.log(delete o.fixed, o.fixed);
const arr = [1, 2, 3];
console.log(delete arr[1], arr.length, 1 in arr);
(function () { "use strict"; try { delete o.fixed; } catch (e) { console.log(e.name); } })();
