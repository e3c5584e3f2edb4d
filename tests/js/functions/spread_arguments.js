// Spread in calls mixes with ordinary arguments and accepts any iterable.
function f(...args) { return args.join(","); }
const a = [1, 2];
console.log(f(...a), f(0, ...a, 3, ...a), f(..."hi"), f(...[]));
console.log(Math.max(...[3, 9, 2]), Math.min(...[], 5));
