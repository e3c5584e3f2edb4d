// Driving an array iterator by hand.
const it = [10, 20][Symbol.iterator]();
let r;
while (!(r = it.next()).done) console.log("value", r.value);
console.log(r.value, r.done, it.next().done);
