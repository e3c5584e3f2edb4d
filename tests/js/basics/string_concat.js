// String concatenation with + and the ToPrimitive/ToString of operands.
console.log("a" + 1 + 2, 1 + 2 + "a", "a" + (1 + 2));
console.log("x" + null, "x" + undefined, "x" + true, "x" + NaN, "x" + -0);
console.log("" + [1, 2], "" + [], "" + {}, "" + [[1, [2]], 3]);
console.log(1 + [2], [1] + [2], {} + "", [] + {});
let s = "ab";
s += "cd";
s += 5;
console.log(s, s.length);
