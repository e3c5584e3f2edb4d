// Installing private accessors twice on one object (via a returned object) is a TypeError.
class Base { constructor(o) { return o; } }
class C extends Base { get #p() { return 1; } set #p(v) {} }
const obj = {};
new C(obj);
try { new C(obj); console.log("no error"); } catch (e) { console.log(e instanceof TypeError); }
class D extends Base { #m() {} }
new D(obj);
try { new D(obj); } catch (e) { console.log(e instanceof TypeError); }
