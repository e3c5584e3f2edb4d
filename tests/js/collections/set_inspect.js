// console.log of Sets, including long ones, nested ones and subclasses.
console.log(new Set(), new Set([1, "two", [3]]), [new Set([new Set([1])])]);
const big = new Set();
for (let i = 0; i < 130; i++) big.add(i);
console.log(big);
class Tags extends Set {}
console.log(new Tags(["a"]), { s: new Set(["x"]) });
