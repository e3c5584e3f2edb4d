// Arrow functions capture this, arguments and new.target from the enclosing function.
function Outer() {
  this.v = 1;
  const arrow = () => this.v;
  const args = () => arguments[0];
  return [arrow(), args(), arrow.call({ v: 2 })];
}
console.log(Outer.call({}, "arg").join(","));
const obj = {
  v: "obj",
  m() { return [1].map(() => this.v)[0]; },
  a: () => typeof this,
};
console.log(obj.m(), obj.a());
