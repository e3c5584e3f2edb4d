// Direct and mutual recursion.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(fact(10), fact(20), fact(25));
console.log(isEven(10), isOdd(7), isEven(7));
const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
console.log(fib(20));
