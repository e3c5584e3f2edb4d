// indexOf/lastIndexOf use ===; includes uses SameValueZero.
const a = [1, 2, NaN, 2, "2", -0];
console.log(a.indexOf(2), a.lastIndexOf(2), a.indexOf("2"), a.indexOf(NaN), a.includes(NaN));
console.log(a.indexOf(0), a.includes(0), a.indexOf(2, 2), a.indexOf(9));
