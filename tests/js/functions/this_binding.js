// this: method call, plain call (sloppy: global, strict: undefined), detached method.
const o = { name: "o", who() { return this === undefined ? "undefined" : this === globalThis ? "global" : this.name; } };
console.log(o.who());
const detached = o.who;
console.log(detached());
function strictWho() { "use strict"; return this; }
console.log(strictWho());
console.log(o["who"](), (o.who)(), (0, o.who)());
