// Object.setPrototypeOf changes the chain; cycles are rejected.
const a = { x: 1 }, b = { y: 2 };
Object.setPrototypeOf(a, b);
console.log(a.y, b.isPrototypeOf(a), Object.prototype.isPrototypeOf(a));
try { Object.setPrototypeOf(b, a); } catch (e) { console.log(e instanceof TypeError); }
