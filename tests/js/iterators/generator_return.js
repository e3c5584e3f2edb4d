// generator.return() finishes it, running finally blocks.
function* g() {
  try { yield 1; yield 2; } finally { console.log("cleanup"); }
}
const it = g();
console.log(it.next().value);
const r = it.return("early");
console.log(r.value, r.done, it.next().done);
const fresh = g();
console.log(fresh.return("unstarted").value);
