// Iterating a non-iterable throws TypeError.
for (const v of [{}, 5, null, { [Symbol.iterator]: 1 }, { [Symbol.iterator]() { return 1; } }]) {
  try { for (const x of v) {} } catch (e) { console.log(e instanceof TypeError); }
}
try { const [a] = {}; } catch (e) { console.log(e instanceof TypeError); }
