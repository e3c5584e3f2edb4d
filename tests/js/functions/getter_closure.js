// Getters and setters on object literals close over their defining scope.
function makeTemp() {
  let celsius = 0;
  return {
    get f() { return celsius * 9 / 5 + 32; },
    set f(v) { celsius = (v - 32) * 5 / 9; },
  };
}
const t = makeTemp();
console.log(t.f);
t.f = 212;
console.log(t.f);
