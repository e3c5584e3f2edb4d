// %Proxy%: needs `new`, has no prototype property, takes only objects.
console.log(typeof Proxy, Proxy.length, Proxy.name, Object.hasOwn(Proxy, "prototype"));
console.log(Object.getOwnPropertyNames(Proxy).sort());
try {
  Proxy({}, {});
} catch (e) {
  console.log(e.constructor.name);
}
for (const [t, h] of [[1, {}], [{}, null], ["s", "s"], [undefined, {}]]) {
  try {
    new Proxy(t, h);
    console.log("made");
  } catch (e) {
    console.log(e.constructor.name);
  }
}
const p = new Proxy([], {});
console.log(p instanceof Array);
try {
  console.log(p instanceof Proxy);
} catch (e) {
  console.log(e.constructor.name);
}
