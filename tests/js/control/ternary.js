// The conditional operator, nested and right-associative.
const grade = (n) => (n > 90 ? "A" : n > 80 ? "B" : n > 70 ? "C" : "F");
console.log(grade(95), grade(85), grade(75), grade(10));
let x = 0;
const r = true ? (x += 1) : (x += 100);
console.log(r, x);
