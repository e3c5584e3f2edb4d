// Constructor functions with methods on the prototype.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.add = function (o) { return new Point(this.x + o.x, this.y + o.y); };
Point.prototype.toString = function () { return `(${this.x}, ${this.y})`; };
const p = new Point(1, 2).add(new Point(10, 20));
console.log(String(p), p.constructor === Point, Object.keys(p).join());
console.log(`${p}`, p + "");
