// WeakRef.prototype.deref returns the target while it is alive.
const target = { name: "t" };
const ref = new WeakRef(target);
console.log(ref.deref() === target, ref.deref().name, typeof WeakRef.prototype.deref);
console.log(Object.prototype.toString.call(ref), WeakRef.length);
try { WeakRef({}); } catch (e) { console.log(e.constructor.name, e.message); }
try { WeakRef.prototype.deref.call({}); } catch (e) { console.log(e.constructor.name, e.message); }
