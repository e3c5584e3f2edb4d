// The hidden constructors of generator and async functions compile code too.
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const gen = new GeneratorFunction("a", "yield a; yield a * 2");
console.log([...gen(3)], GeneratorFunction.name, Object.getPrototypeOf(GeneratorFunction) === Function);
const af = AsyncFunction("x", "return await x + 1");
af(Promise.resolve(41)).then((v) => console.log("async", v, af instanceof AsyncFunction));
const ag = AsyncGeneratorFunction("yield 1; yield 2");
(async () => { const out = []; for await (const v of ag()) out.push(v); console.log("asyncgen", out); })();
console.log(String(gen));
