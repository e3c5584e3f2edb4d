// Property access and method calls: small vector objects built by a constructor.
// expect: 1623.6702
function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.add = function (o) { return new Vec(this.x + o.x, this.y + o.y); };
Vec.prototype.scale = function (k) { return new Vec(this.x * k, this.y * k); };
Vec.prototype.dot = function (o) { return this.x * o.x + this.y * o.y; };

var bodies = [];
for (var i = 0; i < 50; i++) {
  bodies.push({ pos: new Vec(i, -i), vel: new Vec(1 / (i + 1), 0.5), mass: 1 + i % 3 });
}
var energy = 0;
for (var step = 0; step < 120; step++) {
  for (var b = 0; b < bodies.length; b++) {
    var body = bodies[b];
    body.pos = body.pos.add(body.vel.scale(0.01));
    energy += 0.5 * body.mass * body.vel.dot(body.vel);
  }
}
var result = energy.toFixed(4);
console.log(result);
