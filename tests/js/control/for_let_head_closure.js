// A closure made in a for-let head keeps the copy the head made; the body sees a fresh one.
let before, body, run = true;
for (let x = "outside", _ = (before = () => x); run && (x = "inside"); ) { body = () => x; run = false; }
console.log(before(), body());
try { let y = 1; for (const y in { y }) {} } catch (e) { console.log(e instanceof ReferenceError); }
