// Property lookup walks the prototype chain; assignment creates own properties.
const base = { greet() { return "hi " + this.name; }, kind: "base" };
const child = Object.create(base);
child.name = "child";
console.log(child.greet(), child.kind, Object.getPrototypeOf(child) === base);
child.kind = "own";
console.log(child.kind, base.kind, child.hasOwnProperty("kind"), child.hasOwnProperty("greet"));
console.log(Object.getPrototypeOf(base) === Object.prototype, Object.getPrototypeOf(Object.prototype));
