// Two closures over the same variable see each other's writes.
function make() {
  let v = 1;
  function set(x) { v = x; }
  function get() { return v; }
  return [set, get];
}
const [set, get] = make();
console.log(get());
set(42);
console.log(get());
