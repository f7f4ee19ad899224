/** `node dist/node.js`: checks the configuration, then serves the broker on Node (see node.ts). */
import { readConfig } from './config';
import { startNodeBroker } from './node';

const read = readConfig(process.env);
if (!read.ok) {
  console.error(`The broker is not configured: ${read.problems.join('; ')}.`);
  process.exit(1);
}
startNodeBroker(process.env).then(
  started => console.log(`Attio Explorer sign-in broker listening on ${started.url}`),
  (error: unknown) => {
    console.error(`Could not start the broker: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
