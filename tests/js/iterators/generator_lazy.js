// Generator bodies run only when next() is called.
const log = [];
function* g() { log.push("start"); yield 1; log.push("after 1"); yield 2; log.push("end"); }
const it = g();
log.push("created");
it.next();
log.push("got 1");
it.next();
it.next();
console.log(log.join(" > "));
