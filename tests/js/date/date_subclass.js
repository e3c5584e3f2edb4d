// A Date subclass gets Date behaviour, its own prototype, and its own methods.
class Day extends Date {
  constructor(...args) { super(...args); this.kind = "day"; }
  next() { const d = new Day(this.getTime()); d.setUTCDate(d.getUTCDate() + 1); return d; }
}
const d = new Day(Date.UTC(2024, 1, 28));
console.log(d.next().toISOString(), d.next().next().toISOString(), d.kind, d instanceof Date);
console.log(Object.getPrototypeOf(d) === Day.prototype, typeof d.getTime());
const plain = Reflect.construct(Date, [0], Object);
console.log(Object.getPrototypeOf(plain) === Object.prototype, Date.prototype.getTime.call(plain));
