// The string iterator yields code points and then done.
const it = "a😀"[Symbol.iterator]();
const r1 = it.next(), r2 = it.next(), r3 = it.next();
console.log(r1.value, r1.done, r2.value.length, r2.done, r3.value, r3.done);
