// Block statements, empty statements and a label on a block.
;;;
{ }
outer: {
  console.log("in block");
  if (true) break outer;
  console.log("never");
}
console.log("after block");
