// Accessor properties print as [Getter], [Setter] or [Getter/Setter].
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
