// new Date(value): a Date is copied, strings are parsed, objects go through ToPrimitive.
const original = new Date(Date.UTC(2001, 1, 3));
const copy = new Date(original);
copy.setUTCFullYear(2002);
console.log(original.getUTCFullYear(), copy.getUTCFullYear());
console.log(new Date("2001-02-03T00:00:00Z").getTime(), new Date({ valueOf: () => 1000 }).getTime());
console.log(new Date({ toString: () => "1970-01-02", valueOf: undefined }).getTime());
console.log(new Date({ [Symbol.toPrimitive]: () => 42 }).getTime(), new Date(new Number(7)).getTime());
