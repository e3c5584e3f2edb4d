// Sloppy functions box a primitive this; strict functions receive it as is.
function sloppy() { return typeof this; }
function strict() { "use strict"; return typeof this; }
console.log(sloppy.call(5), strict.call(5), sloppy.call("s"), strict.call("s"));
console.log(sloppy.call(null) === "object", strict.call(null), strict.call(undefined));
