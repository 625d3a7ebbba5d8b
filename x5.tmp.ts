import { extract } from './src/nlu/index.ts';
for (const t of process.argv.slice(2)) { const e = extract(t); console.log(t, e.food, e.amountPaid); }
