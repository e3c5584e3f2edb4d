// Object spread copies own enumerable properties; later keys win.
const a = { x: 1, y: 2 };
const b = { ...a, y: 3, z: 4 };
const c = { ...null, ...undefined, ..."hi", ...[9] };
console.log(b.x, b.y, b.z, Object.keys(c).join(), c[0], c[1]);
const withGetter = { get g() { return "evaluated"; } };
const copy = { ...withGetter };
console.log(Object.getOwnPropertyDescriptor(copy, "g").value);
