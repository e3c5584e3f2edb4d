// Numeric keys on typed arrays are elements or absent: never ordinary properties.
const a = new Uint8Array(2);
a[5] = 1; a[-1] = 2; a["1.5"] = 3; a["-0"] = 4; a.foo = 5; a["01"] = 6;
console.log(Object.keys(a), a[5], a[-1], a["1.5"], a["-0"], a["01"], a.foo);
console.log(0 in a, 2 in a, "-0" in a, "1.5" in a, delete a[0], delete a[7]);
console.log(Object.getOwnPropertyDescriptor(a, "0"), Object.getOwnPropertyDescriptor(a, "9"));
console.log(Reflect.defineProperty(a, "0", { value: 9 }), a[0], Reflect.defineProperty(a, "0", { value: 1, writable: false }));
console.log(JSON.stringify(a), Object.entries(new Int8Array([4, 5])));
