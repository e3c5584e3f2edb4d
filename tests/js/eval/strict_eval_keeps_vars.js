// strict eval code keeps its declarations to itself
function k() { "use strict"; eval("var y = 5"); return typeof y; }
console.log(k());
console.log(eval("'use strict'; var q = 1; q + 1"), typeof q);
