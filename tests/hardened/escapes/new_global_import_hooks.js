// import() from every evaluator of a new Global with an importHook goes to that hook
const asked = [];
const g = new Global({ importHook(s) { asked.push(s); return new ModuleSource('export default 1;'); } });
Promise.all([g.eval('import("a")'), g.Function('return import("b")')(), g.import('c'), g.eval('(0, eval)')('import("d")'),
  g.eval('s => import(s)')(new ModuleSource('export const x = import("e");')).then(ns => ns.x)])
  .then(() => console.log(asked.sort().join() === 'a,b,c,d,e' ? 'contained' : 'ESCAPED ' + asked.join()));
