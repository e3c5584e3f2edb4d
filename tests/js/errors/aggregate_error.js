// AggregateError holds a list of errors.
const e = new AggregateError([new Error("a"), "b"], "many");
console.log(e.name, e.message, e.errors.length, e.errors[1], e instanceof Error);
