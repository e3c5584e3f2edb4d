// typeof in expressions, with grouping and undeclared names.
console.log(typeof typeof 1, typeof (1 + "1"), typeof undeclared === "undefined");
console.log(typeof null === "object", typeof function* () {}, typeof async function () {});
