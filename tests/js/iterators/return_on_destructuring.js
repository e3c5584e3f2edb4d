// Array destructuring closes the iterator when it does not exhaust it.
let closed = 0;
const it = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => ({ value: i++, done: false }), return: () => { closed++; return {}; } };
  },
};
const [a, b] = it;
console.log(a, b, closed);
const [...all] = [1, 2];
console.log(all.length, closed);
