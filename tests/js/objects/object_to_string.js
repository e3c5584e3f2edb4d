// Object.prototype.toString tags and Symbol.toStringTag.
const ts = Object.prototype.toString;
console.log(ts.call([]), ts.call(null), ts.call(undefined), ts.call(1), ts.call(""));
console.log(ts.call(() => 1), ts.call(new Error()), ts.call({ [Symbol.toStringTag]: "Custom" }));
console.log(String({}), `${{}}`);
