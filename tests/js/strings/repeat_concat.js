// repeat and concat; repeat with a negative count throws RangeError.
console.log("ab".repeat(3), "x".repeat(0) === "", "a".concat("b", 1, null));
try { "x".repeat(-1); } catch (e) { console.log(e instanceof RangeError); }
