// let/const block scoping and const reassignment error.
let a = 1;
{
  let a = 2;
  const b = 3;
  console.log(a, b);
}
console.log(a, typeof b);
const c = { n: 1 };
c.n = 2;
console.log(c.n);
try {
  c = 5;
} catch (e) {
  console.log(e instanceof TypeError);
}
