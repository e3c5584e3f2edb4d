// Object rest copies only own enumerable keys, skipping symbols that are not enumerable.
const proto = { inherited: 1 };
const src = Object.create(proto);
src.own = 1;
Object.defineProperty(src, "hidden", { value: 1, enumerable: false });
const s = Symbol("s");
src[s] = "sym";
const { ...copy } = src;
console.log(Object.keys(copy).join(), copy[s], "inherited" in copy, Object.getPrototypeOf(copy) === Object.prototype);
