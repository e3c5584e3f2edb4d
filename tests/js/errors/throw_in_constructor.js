// A constructor that throws leaves nothing assigned.
let made = "unset";
class Fails { constructor() { throw new Error("no instance"); } }
try { made = new Fails(); } catch (e) { console.log(e.message, made); }
