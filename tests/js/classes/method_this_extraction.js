// Extracted class methods lose their this (strict: undefined).
class A { m() { return this; } }
const m = new A().m;
console.log(m(), typeof m.call(7));
