// The class name is const inside the class body.
class C {
  static reassign() { try { C = null; } catch (e) { return e instanceof TypeError; } }
}
console.log(C.reassign(), typeof C);
