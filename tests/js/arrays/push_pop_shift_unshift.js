// push, pop, shift and unshift mutate the array and return values.
const a = [2];
console.log(a.push(3, 4), a.unshift(0, 1), a.join());
console.log(a.pop(), a.shift(), a.join(), a.length);
console.log([].pop(), [].shift());
