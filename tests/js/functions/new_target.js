// new.target is the constructor when called with new, undefined otherwise.
function F() { return new.target === F ? "new" : String(new.target); }
console.log(new F() instanceof F, F());
function G() { this.t = new.target === G; }
console.log(new G().t);
function H() { const arrow = () => new.target; return arrow(); }
console.log(new H() instanceof Object, H());
