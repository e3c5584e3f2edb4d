// Closures capture variables, not values; each call makes a fresh environment.
function counter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
const a = counter(), b = counter();
a.inc(); a.inc(); b.inc();
console.log(a.get(), b.get());
