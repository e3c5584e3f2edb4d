// the name is converted to a string
console.log(new Compartment({ __options__: true, name: 5 }).name, typeof new Compartment({ __options__: true, name: 5 }).name);
