// Async generators: request queue order, return/throw, yield* delegation, for-await break.
async function* inner() { try { yield "a"; yield "b"; } finally { console.log("inner finally"); } }
async function* outer() { const r = yield* inner(); console.log("delegate result", r); yield "c"; return "end"; }
async function* counter() { let i = 0; try { while (true) yield i++; } finally { console.log("counter closed"); } }
(async () => {
  for await (const v of outer()) console.log("outer", v);
  for await (const v of counter()) { if (v === 2) break; console.log("count", v); }
  const g = counter();
  const ps = [g.next(), g.next(), g.return(42), g.next()];
  for (const p of ps) console.log(JSON.stringify(await p));
  const t = inner();
  await t.next();
  try { await t.throw(new Error("boom")); } catch (e) { console.log("caught", e.message); }
  console.log(JSON.stringify(await t.next()));
  async function* awaits() { const x = await Promise.resolve(5); yield x * 2; yield Promise.resolve(7); }
  for await (const v of awaits()) console.log("awaited", v);
  console.log(Object.prototype.toString.call(counter()), typeof counter().next, counter.constructor.name);
  const proto = Object.getPrototypeOf(async function* () {}).prototype;
  console.log(Object.getPrototypeOf(counter()) === counter.prototype, Object.getPrototypeOf(counter.prototype) === proto);
})();
Promise.resolve().then(() => console.log("tick 1")).then(() => console.log("tick 2"));
