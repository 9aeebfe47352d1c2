// `npm test` runs this first (pretest): the browser tests drive Debian's Chromium (playwright-core brings no browser
// of its own), so a fresh machine gets it here. Installed with apt-get when it is missing and this user may install
// packages (root, or sudo without a password); otherwise the test run stops here saying what to do. No test is
// skipped for want of a browser.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(browser)) process.exit(0);

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const asRoot = process.getuid?.() === 0;
const sudo = !asRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (process.env.CHROMIUM_PATH || !has('apt-get') || !(asRoot || sudo)) {
  console.error(
    `whosaid tests: no browser at ${browser}. The page and Swagger UI tests drive Chromium: install Debian's ` +
      '`chromium` package (apt-get install chromium), or point CHROMIUM_PATH at a Chromium binary.',
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
console.error("whosaid tests: installing Debian's chromium for the browser tests (apt-get)...");
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', 'chromium']);
if (!existsSync(browser)) {
  console.error(`whosaid tests: apt-get installed chromium, but there is still no ${browser}`);
  process.exit(1);
}
