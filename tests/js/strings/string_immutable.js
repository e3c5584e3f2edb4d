// Strings are immutable; index writes are ignored in sloppy and throw in strict mode.
const s = "abc";
s[0] = "z";
console.log(s);
(function () {
  "use strict";
  try { s[0] = "z"; } catch (e) { console.log(e instanceof TypeError); }
  try { s.length = 1; } catch (e) { console.log(e instanceof TypeError); }
})();
