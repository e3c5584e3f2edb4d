// A bound function used with new ignores the bound this but keeps bound arguments.
function Point(x, y) { this.x = x; this.y = y; }
const BoundPoint = Point.bind({ ignored: true }, 1);
const p = new BoundPoint(2);
console.log(p.x, p.y, p instanceof Point, p instanceof BoundPoint, "ignored" in p);
