// import and importNow check their specifier
const c = new Compartment();
try { c.importNow(5); } catch (e) { console.log(e.constructor.name, e.message); }
try { c.module(5); } catch (e) { console.log(e.constructor.name, e.message); }
c.import(5).catch(e => console.log(e.constructor.name, e.message));
c.load(5).catch(e => console.log(e.constructor.name, e.message));
