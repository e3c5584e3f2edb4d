// Functions as values: compose, curry, memoize.
const compose = (...fs) => (x) => fs.reduceRight((v, f) => f(v), x);
const inc = (x) => x + 1, dbl = (x) => x * 2;
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
const curry = (f) => (a) => (b) => f(a, b);
console.log(curry(Math.max)(3)(7));
function memo(f) { const cache = {}; return (n) => (n in cache ? cache[n] : (cache[n] = f(n))); }
let calls = 0;
const sq = memo((n) => { calls++; return n * n; });
console.log(sq(4), sq(4), sq(5), calls);
