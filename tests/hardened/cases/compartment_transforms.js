// evaluate applies the compartment's source transforms
const c = new Compartment({ __options__: true, transforms: [src => src.replace('ONE', '1')] });
console.log(c.evaluate('ONE + 1'));
console.log(c.evaluate('ONE', { transforms: [src => src.replace('ONE', '"local"')] }));
