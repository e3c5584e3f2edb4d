// delete with optional chaining, and optional chaining on template-free calls.
const o = { a: { b: 1 } };
console.log(delete o?.a?.b, o.a.b, delete o.missing?.b);
const fns = { list: [() => "first"] };
console.log(fns.list?.[0]?.(), fns.other?.[0]());
