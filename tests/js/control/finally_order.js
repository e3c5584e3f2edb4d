// finally runs after try and catch, in order, on every exit path.
const log = [];
function f(x) {
  try {
    log.push("try");
    if (x) throw new Error("x");
    return "ret";
  } catch (e) {
    log.push("catch");
    return "caught";
  } finally {
    log.push("finally");
  }
}
console.log(f(false), log.join(","));
log.length = 0;
console.log(f(true), log.join(","));
