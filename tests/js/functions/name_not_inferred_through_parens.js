// `(f) = function(){}` does not name the function; `f = function(){}` does.
var f, g;
(f) = function () {};
g = function () {};
console.log(JSON.stringify(f.name), g.name);
