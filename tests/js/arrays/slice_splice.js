// slice copies a range; splice removes and inserts in place.
const a = [0, 1, 2, 3, 4, 5];
console.log(a.slice(2).join(), a.slice(1, 3).join(), a.slice(-2).join(), a.slice(3, 1).length);
const removed = a.splice(1, 2, "a", "b", "c");
console.log(removed.join(), a.join());
a.splice(-1);
console.log(a.join());
a.splice(1, 0, "ins");
console.log(a.join());
