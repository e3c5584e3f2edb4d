// Destructuring in for-of and for-in heads.
const pairs = [{ k: "a", v: 1 }, { k: "b", v: 2 }];
for (const { k, v } of pairs) console.log(k, v);
for (const [i, ch] of [..."xy"].entries()) console.log(i, ch);
let n;
for ({ n } of [{ n: 7 }]) console.log("assigned", n);
