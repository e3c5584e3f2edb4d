// A derived constructor's bad return value is a TypeError its own try/catch cannot catch.
class B {}
class C extends B { constructor() { super(); try { return 0; } finally { console.log("fin"); } } }
try { new C(); } catch (e) { console.log(e.constructor.name); }
class E extends B { constructor() { try { return 1; } catch (e) { console.log("caught"); } } }
try { new E(); } catch (e) { console.log(e.constructor.name); }
for (let i = 0; i < 200; i++) { try { new C(); } catch (e) {} }
function* g() { try { new E(); } catch (e) { yield e.constructor.name; } }
console.log([...g()]);
console.log(Reflect.construct(class extends B { constructor() { super(); return {k: 1}; } }, []).k);
