// console.log of nested and self-referencing Maps and Sets, depth limits and long maps.
const m = new Map([[1, {a: {b: {c: {}}}}]]); console.log(m);
const self = new Map(); self.set('me', self); console.log(self);
const s = new Set(); s.add(s); console.log(s, [s]);
console.log({a: {b: new Map([[1, 2]])}}, {a: {b: {c: new Set([1])}}});
console.log(new Map([[new Date(0), new Uint8Array(2)]]));
const long = new Map(); for (let i = 0; i < 30; i++) long.set('key' + i, i); console.log(long);
console.log("%o", new Map([[1,2]]), `${[new Set([1])]}`);
