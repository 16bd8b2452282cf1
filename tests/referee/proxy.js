// Runs Prism's own command line (`prism proxy <document> <upstream> ...`) in this process, until its standard input
// closes. The end-to-end tests hold the other end of that pipe, so Prism stops with them even when their test host
// dies without disposing it. Standard input is otherwise unused by Prism.
'use strict';

const path = require('node:path');

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const cli = path.join(__dirname, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
require(cli);
