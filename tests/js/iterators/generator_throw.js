// generator.throw() raises the error at the paused yield; it can be caught inside.
function* g() {
  while (true) {
    try { yield "waiting"; } catch (e) { console.log("inside caught", e); }
  }
}
const it = g();
it.next();
console.log(it.throw("boom").value);
function* h() { yield 1; }
const it2 = h();
try { it2.throw(new Error("unstarted")); } catch (e) { console.log("outside", e.message); }
console.log(it2.next().done);
