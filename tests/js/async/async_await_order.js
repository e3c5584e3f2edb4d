// await yields to the microtask queue; code after an async call runs first.
async function f() {
  console.log("f start");
  await null;
  console.log("f after await");
  return "f result";
}
console.log("before");
f().then((v) => console.log(v));
console.log("after");
