// globals or modules given twice in the legacy form is a RangeError
try { new Compartment({}, {}, { globals: {} }); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Compartment({}, {}, { modules: {} }); } catch (e) { console.log(e.constructor.name, e.message); }
