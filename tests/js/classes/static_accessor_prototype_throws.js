// A static accessor named "prototype" cannot redefine the non-configurable property.
try { class C { static get ["prototype"]() {} } } catch (e) { console.log(e.name) }; var o = { get a() { return 1 }, set a(v) {} }; console.log(Object.keys(o))
