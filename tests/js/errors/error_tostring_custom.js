// Error.prototype.toString with custom name and message values.
const e = new Error("msg");
e.name = "Custom";
console.log(String(e));
e.message = "";
console.log(String(e));
e.name = "";
e.message = "only message";
console.log(String(e));
console.log(Error.prototype.toString.call({ name: "N", message: "M" }));
