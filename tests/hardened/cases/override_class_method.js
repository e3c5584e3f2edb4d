// a class can define toString on its prototype and instances can override constructor
lockdown();
class A { toString() { return 'A!'; } }
const a = new A();
console.log(String(a));
const p = Object.create(Promise.prototype);
p.constructor = 5;
console.log(p.constructor);
