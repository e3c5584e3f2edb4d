// switch: strict equality, fallthrough, default in the middle.
function f(x) {
  const out = [];
  switch (x) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    default: out.push("default");
    case 3: out.push("three");
  }
  return out.join("+");
}
console.log(f(1), f(2), f(3), f(4), f("1"));
