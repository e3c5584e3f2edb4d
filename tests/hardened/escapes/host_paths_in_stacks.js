// errors a guest can read name no host frames or host file paths
function hostPower() { throw new Error('host failure'); }
const c = new Compartment({ __options__: true, globals: { hostPower } });
const texts = [c.evaluate('try { hostPower(); } catch (e) { e.stack + e.message }'),
  c.evaluate('try { null.x } catch (e) { e.stack }'), c.evaluate('new Error("x").stack')];
console.log(texts.some(t => ['host_paths_in_stacks', 'hostPower (', '/tmp', '.js:'].some(bad => t.includes(bad))) ? 'ESCAPED ' + texts.join(' | ') : 'contained');
