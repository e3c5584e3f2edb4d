// base[key] op= v: a null base throws a TypeError before the key is converted.
var base = null;
var key = { toString() { console.log("key converted"); return "k"; } };
try {
  base[key] += (console.log("right side"), 1);
} catch (e) {
  console.log(e instanceof TypeError);
}
