// instanceof follows the prototype chain of the right-hand side's prototype property.
function Animal() {}
function Dog() {}
Dog.prototype = Object.create(Animal.prototype);
const d = new Dog();
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object, d instanceof Array);
console.log([] instanceof Array, [] instanceof Object, Object.create(null) instanceof Object);
try { d instanceof {}; } catch (e) { console.log(e instanceof TypeError); }
console.log(1 instanceof Number, "s" instanceof String);
