// A hand-written iterable works with for-of, spread and destructuring.
const range = {
  from: 1, to: 4,
  [Symbol.iterator]() {
    let cur = this.from, last = this.to;
    return { next: () => (cur <= last ? { value: cur++, done: false } : { value: undefined, done: true }) };
  },
};
for (const n of range) console.log(n);
console.log([...range].join(), Math.max(...range));
const [a, b] = range;
console.log(a, b);
