// Map[Symbol.species] and Set[Symbol.species] are getters returning this.
const desc = Object.getOwnPropertyDescriptor(Map, Symbol.species);
console.log(typeof desc.get, desc.set, desc.get.name, Map[Symbol.species] === Map, Set[Symbol.species] === Set);
class MyMap extends Map {}
console.log(MyMap[Symbol.species] === MyMap);
