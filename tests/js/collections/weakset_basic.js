// WeakSet add/has/delete, and construction from an iterable of objects.
const a = {}, b = [];
const ws = new WeakSet([a]);
console.log(ws.has(a), ws.has(b), ws.add(b) === ws, ws.has(b));
console.log(ws.delete(a), ws.delete(a), ws.has(a), ws.has(1), ws.delete(1));
