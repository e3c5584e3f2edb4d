// A proxy of an array is an array to Array.isArray, JSON, concat and toString tags.
const arr = [3, 1, 2];
const p = new Proxy(arr, {});
console.log(Array.isArray(p), Array.isArray(new Proxy(p, {})), Array.isArray(new Proxy({}, {})));
console.log(Object.prototype.toString.call(p), JSON.stringify(p), p.length);
console.log([0].concat(p), [...p], Array.from(p));
p.push(4);
console.log(arr, p.slice().sort(), p.indexOf(2), p.join("-"));
const logged = [];
const watched = new Proxy([1, 2], {
  set(t, k, v, r) { logged.push(String(k)); return Reflect.set(t, k, v, r); },
});
watched.push(3);
watched.length = 1;
console.log(logged, watched.length);
const mapped = p.map((x) => x * 2);
console.log(mapped, Array.isArray(mapped));
