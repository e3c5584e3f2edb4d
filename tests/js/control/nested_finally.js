// Nested try/finally blocks unwind in order on return.
const log = [];
function f() {
  try {
    try {
      return "value";
    } finally {
      log.push("inner");
    }
  } finally {
    log.push("outer");
  }
}
console.log(f(), log.join(","));
