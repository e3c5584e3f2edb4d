// Automatic semicolon insertion: return on its own line, ++ on the next line.
function f() {
  return
  42;
}
console.log(f());
let a = 1
let b = a
++b
console.log(a, b)
const c = 1
;[1, 2].forEach((x) => console.log(x + c))
