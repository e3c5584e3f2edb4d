// Recursion: naive Fibonacci (calls, comparisons, additions).
// expect: 17711
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
var result = String(fib(22));
console.log(result);
