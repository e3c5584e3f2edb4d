// after lockdown Function.prototype.constructor throws instead of compiling
lockdown();
const F = Function.prototype.constructor;
console.log(F === Function, F.name);
try { F('return 1'); } catch (e) { console.log(e.constructor.name, e.message); }
try { new F('return 1'); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(F.prototype === Function.prototype);
