// An optional call keeps the this value of the member expression.
const obj = { v: 42, get() { return this.v; } };
console.log(obj.get?.(), obj?.get(), (obj?.get)());
const maybe = { method: undefined };
console.log(maybe.method?.(), typeof maybe.method?.bind);
