// `npm test` runs this first (pretest), so the README's one test command passes on a fresh Debian machine with only
// Node.js: the page and Swagger UI tests drive Debian's Chromium (playwright-core brings no browser of its own), and
// the README's examples are run as written with curl, which slim images lack. Whatever is missing is installed with
// apt-get when this user may install packages (root, or sudo without a password); otherwise the run stops here saying
// what to do. No test is skipped for want of a tool.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian package for each tool that is missing. */
const missing = [...(existsSync(browser) ? [] : ['chromium']), ...(has('curl') ? [] : ['curl'])];
if (missing.length === 0) process.exit(0);

const asRoot = process.getuid?.() === 0;
const sudo = !asRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const browserElsewhere = missing.includes('chromium') && process.env.CHROMIUM_PATH;

if (browserElsewhere || !has('apt-get') || !(asRoot || sudo)) {
  console.error(
    `whosaid tests: missing ${missing.join(' and ')}. The page and Swagger UI tests drive Chromium (no browser at ` +
      `${browser}) and the README's examples run curl: install Debian's packages (apt-get install ` +
      `${missing.join(' ')}), or point CHROMIUM_PATH at a Chromium binary.`,
  );
  process.exit(1);
}

const run = (args) => {
  const [command, ...rest] = sudo ? ['sudo', '-n', ...args] : args;
  execFileSync(command, rest, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
console.error(`whosaid tests: installing Debian's ${missing.join(' and ')} for the tests (apt-get)...`);
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...missing]);
if (!existsSync(browser) || !has('curl')) {
  console.error(`whosaid tests: apt-get installed ${missing.join(' ')}, but there is still no ${browser} or curl`);
  process.exit(1);
}
