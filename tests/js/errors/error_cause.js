// The cause option is stored as an own property.
const inner = new Error("inner");
const outer = new Error("outer", { cause: inner });
console.log(outer.cause === inner, outer.cause.message, "cause" in new Error("x"), "cause" in new Error("x", {}));
