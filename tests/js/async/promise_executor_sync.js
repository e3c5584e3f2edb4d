// The executor runs synchronously; resolve and reject only count once.
const p = new Promise((resolve, reject) => {
  console.log("executor runs now");
  resolve("first");
  resolve("second");
  reject("ignored");
});
console.log("after constructor");
p.then((v) => console.log("resolved with", v));
