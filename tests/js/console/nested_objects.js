// Plain objects print as { key: value }; nesting deeper than 2 becomes [Object].
console.log({ a: 1, b: "two" });
console.log({});
console.log({ nested: { inner: { deep: { deeper: 1 } } } });
console.log({ arr: [1, { x: [2, [3, [4]]] }] });
console.log([{ a: 1 }, { b: { c: {} } }]);
