// Astro 7 and vitest 5 need Node >= 22.12. npm scripts normally run on the project's own
// node@22 (node_modules/.bin comes first on PATH); this guard catches the cases where they
// do not (e.g. `node_modules` missing, or a tool invoked directly with the system Node 20).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `\nDNN Workbook needs Node >= 22.12, but this script is running on Node ${process.versions.node}.\n` +
      'Run it through npm (e.g. `npm test`, `npm start`) after `npm install`: the project ships\n' +
      'node@22 as a devDependency and npm puts it first on PATH for every script.\n',
  );
  process.exit(1);
}
