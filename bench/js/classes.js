// Class-style code in ES5: constructors, prototype inheritance, super calls, polymorphism.
// expect: 134807 33944
function Shape(name) { this.name = name; }
Shape.prototype.area = function () { return 0; };
Shape.prototype.describe = function () { return this.name + ":" + Math.round(this.area()); };

function Circle(r) { Shape.call(this, "circle"); this.r = r; }
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.constructor = Circle;
Circle.prototype.area = function () { return 3.14159 * this.r * this.r; };

function Rect(w, h) { Shape.call(this, "rect"); this.w = w; this.h = h; }
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () { return this.w * this.h; };

function Square(s) { Rect.call(this, s, s); this.name = "square"; }
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;
Square.prototype.describe = function () { return "[" + Rect.prototype.describe.call(this) + "]"; };

var total = 0, text = 0;
for (var i = 0; i < 4000; i++) {
  var s = i % 3 === 0 ? new Circle(i % 10) : i % 3 === 1 ? new Rect(i % 7, i % 5) : new Square(i % 4);
  total += s.area();
  text += s.describe().length;
  if (s instanceof Rect) total += 1;
}
var result = Math.round(total) + " " + text;
console.log(result);
