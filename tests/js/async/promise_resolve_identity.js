// Promise.resolve returns native promises unchanged.
const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p, new Promise((r) => r(p)) === p);
const self = new Promise((r) => setTimeout(() => r(self), 0));
self.catch((e) => console.log("self resolution", e instanceof TypeError));
