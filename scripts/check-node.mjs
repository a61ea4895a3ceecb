// Every npm script starts here. npm normally runs scripts on the project's own node@22
// (node_modules/.bin comes first on PATH); this catches the cases where it does not, e.g.
// node_modules missing or a tool started directly with the machine's Node 20.
import { nodeVersionProblem } from './node-version.mjs';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(`\n${problem}\n`);
  process.exit(1);
}
