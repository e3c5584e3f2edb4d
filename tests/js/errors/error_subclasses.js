// Native error types share Error.prototype and report their own names.
for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) {
  const e = new E("m");
  console.log(e.name, e instanceof Error, Object.getPrototypeOf(E) === (E === Error ? Function.prototype : Error));
}
