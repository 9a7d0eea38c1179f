/**
 * `npm run science [-- --backend cpu|wasm]`: runs the scientific check (scienceCheck.ts) through the
 * CLI's engine and prints the README's table, each row with the share link that reproduces it.
 */
import { parseArgs } from 'node:util';
import { runScienceCheck, scienceTable } from './scienceCheck';

const { values } = parseArgs({ options: { backend: { type: 'string', default: 'cpu' } } });
if (values.backend !== 'cpu' && values.backend !== 'wasm') {
  console.error('usage: npm run science [-- --backend cpu|wasm]');
  process.exit(2);
}
const rows = await runScienceCheck(values.backend, (row) =>
  console.error(
    `  ${row.mode}, seed ${row.seed}: C ${row.output.C.toPrecision(3)}, test ${row.output.testAccuracy}`,
  ),
);
console.log(
  `Backend: ${values.backend}, engine: fused (the default). Moons, 30 training points, noise 0.25, K = 10, 1,500 steps.\n`,
);
console.log(scienceTable(rows));
