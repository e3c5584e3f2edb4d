// __options__ must be exactly true
try { new Compartment({ __options__: 1 }); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Compartment({ __options__: 'yes' }); } catch (e) { console.log(e.constructor.name, e.message); }
