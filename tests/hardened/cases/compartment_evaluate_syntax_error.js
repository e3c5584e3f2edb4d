// a syntax error in evaluate is a SyntaxError the host can catch
const c = new Compartment();
try { c.evaluate('var x = ;'); } catch (e) { console.log(e.constructor.name, e instanceof SyntaxError); }
try { c.evaluate('with ({}) {}'); } catch (e) { console.log(e.constructor.name); }
