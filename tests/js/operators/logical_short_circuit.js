// && and || return operands, not booleans, and short-circuit.
console.log(1 && 2, 0 && 2, 1 || 2, 0 || 2, "" || null, "a" && "b" && "c");
const log = [];
const t = (x) => { log.push(x); return x; };
t(0) && t(1);
t(1) || t(2);
t(null) ?? t(3);
console.log(log.join());
