// An if statement testing a local must not let its branch's temporaries overwrite it.
function f() { const m = [5, 6]; if (m) m[0] = 1; return m; }
console.log(f());
function* g() { for (let i = 0; i < 2; i++) { var got = yield i; if (got) console.log("got", got); } }
const it = g(); it.next(); it.next("A"); it.next("B");
function h(a, b) { if (a) b = [a, b].join("+"); return [a, b]; }
console.log(h("x", "y"), h(0, "z"));
