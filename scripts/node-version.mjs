// Astro 7 and vitest 5 need Node >= 22.12. Kept apart from check-node.mjs so it can be tested.

/**
 * @param {string} version a Node version such as "20.20.2"
 * @returns {string | null} why this version cannot run the project, or null when it can
 */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return null;
  return (
    `DNN Workbook needs Node >= 22.12, but this script is running on Node ${version}.\n` +
    'Run it through npm (e.g. `npm test`, `npm start`) after `npm install`: the project ships\n' +
    'node@22 as a devDependency and npm puts it first on PATH for every script.'
  );
}
