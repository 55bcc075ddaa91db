/** The gzip sizes of a console build (dist/console): its first load, and every other chunk by name. */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

function consoleBudget(dir) {
  const gz = (file) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  const initial = { js: 0, css: 0, files: initialFiles };
  for (const file of initialFiles) initial[file.endsWith('.css') ? 'css' : 'js'] += gz(file);
  const chunks = readdirSync(path.join(dir, 'assets'))
    .filter((file) => file.endsWith('.js') && !initialFiles.includes(`assets/${file}`))
    .map((file) => ({ name: file.replace(/-[\w-]{8}\.js$/, ''), js: gz(`assets/${file}`) }))
    .sort((a, b) => b.js - a.js);
  return { initial, chunks };
}

module.exports = { consoleBudget };
