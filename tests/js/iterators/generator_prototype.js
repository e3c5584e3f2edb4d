// Generator objects inherit from the generator function's prototype.
function* g() {}
const it = g();
console.log(Object.getPrototypeOf(it) === g.prototype, typeof it.next, typeof it.return, typeof it.throw);
console.log(Object.prototype.toString.call(it), String(it));
