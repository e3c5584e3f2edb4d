// Static methods and fields belong to the constructor and are inherited by subclasses.
class Counter {
  static count = 0;
  static inc() { return ++this.count; }
}
Counter.inc(); Counter.inc();
console.log(Counter.count, typeof new Counter().inc);
class Sub extends Counter {}
console.log(Sub.inc(), Sub.count, Counter.count, Object.hasOwn(Sub, "count"));
