// Symbol is a constructor a class can extend, whose construction always throws.
try { new Symbol(); } catch (e) { console.log(e.constructor.name, e.message); }
class S extends Symbol {}
try { new S(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(typeof Symbol("x"), Reflect.construct.length);
try { Reflect.construct(Symbol, []); } catch (e) { console.log(e.constructor.name); }
