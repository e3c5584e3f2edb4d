// Assigning to a getter-only property throws in strict code and is ignored in sloppy code.
const o = { get x() { return 1; } };
o.x = 2;
console.log(o.x);
(function () {
  "use strict";
  try { o.x = 3; } catch (e) { console.log(e instanceof TypeError); }
})();
