// Unary + and - convert to number; - of 0 gives -0.
console.log(+"42", +true, +[], +[5], +{}, -"3", -(-3), - -1);
console.log(Object.is(-0, -(0)), Object.is(-"", -0), +"  \t12\n ");
