// Functions and classes print as [Function: name], [Function (anonymous)], [class X].
function named() {}
console.log(named, () => {}, function () {});
class Foo {}
class Bar extends Foo {}
console.log(Foo, Bar);
console.log([named], { f: named });
console.log(async function af() {}, function* gf() {});
