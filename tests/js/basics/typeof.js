// typeof for every kind of value, including undeclared identifiers.
console.log(typeof 1, typeof "s", typeof true, typeof undefined, typeof null);
console.log(typeof {}, typeof [], typeof function () {}, typeof class {}, typeof Symbol());
console.log(typeof undeclaredVariable, typeof NaN, typeof (() => 1), typeof new Number(1));
console.log(typeof typeof 1, typeof Object, typeof Math, typeof 10n);
