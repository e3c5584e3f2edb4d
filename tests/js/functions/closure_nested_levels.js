// Closures reach variables several scopes out.
function l1(a) {
  return function l2(b) {
    return function l3(c) {
      return () => a + b + c;
    };
  };
}
console.log(l1(1)(10)(100)());
const adders = [1, 2, 3].map((n) => (x) => x + n);
console.log(adders.map((f) => f(10)).join(","));
