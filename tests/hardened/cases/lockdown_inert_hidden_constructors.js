// the generator and async function prototypes' constructors are inert too
lockdown();
for (const f of [function* () {}, async function () {}]) {
  const C = f.constructor;
  console.log(C.name, C.prototype === Object.getPrototypeOf(f));
  try { C('return 1'); console.log('compiled'); } catch (e) { console.log(e.constructor.name, e.message); }
  console.log(Object.getPrototypeOf(C) === Function.prototype.constructor);
}
