// Leaving a for-of early (break, return, throw) calls the iterator's return().
function tracked(label) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { return { value: i++, done: i > 5 }; },
    return() { console.log(label, "return() called"); return { done: true }; },
  };
}
for (const x of tracked("break")) { if (x === 1) break; }
(function () { for (const x of tracked("return")) return x; })();
try { for (const x of tracked("throw")) throw new Error("e"); } catch (e) { console.log("caught"); }
for (const x of tracked("exhausted")) {}
console.log("done");
