// Function declarations in blocks are block-scoped in strict mode.
"use strict";
{
  function inner() { return "inner"; }
  console.log(inner());
}
console.log(typeof inner);
if (true) {
  function cond() { return 1; }
}
console.log(typeof cond);
