// Ordering of await on a value, a native promise and an async function's result.
async function a() { await 1; console.log("a resumed"); }
async function b() { await Promise.resolve(); console.log("b resumed"); }
async function c() { return Promise.resolve(); }
a(); b();
c().then(() => console.log("c settled"));
Promise.resolve().then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4"));
