// Reading an undeclared variable throws ReferenceError.
try {
  console.log(notDefinedAnywhere);
} catch (e) {
  console.log(e.name, e instanceof ReferenceError, e.constructor === ReferenceError);
}
console.log("after");
