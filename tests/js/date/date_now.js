// Date.now returns an integral number of milliseconds and does not go backwards.
const a = Date.now();
const b = Date.now();
console.log(typeof a, Number.isInteger(a), b >= a, a > 1.6e12, Date.now.length, Date.now.name);
console.log(Math.abs(new Date().getTime() - Date.now()) < 1000);
