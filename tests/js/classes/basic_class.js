// A class with a constructor, methods and typeof; methods are non-enumerable.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm2() { return this.x * this.x + this.y * this.y; }
}
const p = new Point(3, 4);
console.log(p.norm2(), typeof Point, Object.keys(p).join(), Object.keys(Point.prototype).length);
console.log(p.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
