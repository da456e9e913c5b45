// `npm start` and `npm run start:worker` serve the compiled build; this builds first when dist/ is missing or older
// than the sources. One build (tsconfig.build.json covers apps/ and libs/) emits both entries.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ENTRIES = ['dist/apps/api/main.js', 'dist/apps/worker/main.js'];
const SOURCES = ['apps', 'libs', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const built = Math.min(...ENTRIES.map((entry) => (existsSync(entry) ? statSync(entry).mtimeMs : 0)));
if (built === 0 || SOURCES.some((source) => newestMtime(source) > built)) {
  console.log('Building CongoCart (sources changed since the last build)...');
  execSync('npx nest build api', { stdio: 'inherit' });
  const now = new Date();
  for (const entry of ENTRIES) require('node:fs').utimesSync(entry, now, now);
}
