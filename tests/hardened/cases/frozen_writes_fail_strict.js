// writing, adding and deleting on an intrinsic throw in strict code after lockdown
'use strict';
lockdown();
try { Object.prototype.extra = 1; } catch (e) { console.log(e.constructor.name); }
try { delete Array.prototype.map; } catch (e) { console.log(e.constructor.name); }
try { Object.defineProperty(Array.prototype, 'x', { value: 1 }); } catch (e) { console.log(e.constructor.name); }
try { Object.setPrototypeOf(Array.prototype, null); } catch (e) { console.log(e.constructor.name); }
try { Array.prototype.push(1); } catch (e) { console.log(e.constructor.name); }
console.log(Object.freeze(Object.prototype) === Object.prototype, Reflect.set(Array, 'from', 1));
