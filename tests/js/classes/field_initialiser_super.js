// `super` in instance and static field initialisers (also in arrows and eval inside them).
class B { get g() { return "bg"; } static get sg() { return "sbg"; } }
class A extends B { x = super.g; y = () => super.g; z = (() => eval("super.g"))(); static s = super.sg; static t = () => super.sg; }
const a = new A(); console.log(a.x, a.y(), a.z, A.s, A.t());
