// __noNamespaceBox__ is reported by a getter
console.log(new Compartment().__noNamespaceBox__, new Compartment({ __options__: true, __noNamespaceBox__: true }).__noNamespaceBox__);
