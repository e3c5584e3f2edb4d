// Async arrows, async methods and await in various positions.
const obj = { async m(x) { return (await x) * 2; } };
const arrow = async (x) => x + (await Promise.resolve(1));
class C { async run() { return [await obj.m(2), await arrow(3)]; } }
new C().run().then((r) => console.log(r.join()));
