// import() from every evaluator of a hook-less compartment reaches no host module loader
const c = new Compartment();
const tries = ['import("./indirect_eval.js")', '(0, eval)("import(\'./indirect_eval.js\')")', 'eval("import(\'./indirect_eval.js\')")',
  'Function("return import(\'./indirect_eval.js\')")()', '(async () => import("./indirect_eval.js"))()'];
Promise.all(tries.map(src => c.evaluate(src).then(() => 'loaded ' + src, e => e instanceof TypeError ? 'refused' : 'odd ' + e)))
  .then(results => console.log(results.every(r => r === 'refused') ? 'contained' : 'ESCAPED ' + results.join('; ')));
