#!/usr/bin/env node
// Entry point of the `chungtay` command: runs the TypeScript CLI through tsx, so a checkout
// needs no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
