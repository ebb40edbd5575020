// Runs in the browser before any of the app's code. zod 4 probes whether it may compile parsers with
// `Function(...)` the first time one runs; our Content-Security-Policy forbids eval, so the probe would
// be refused and reported as a violation on every page. Parsers work the same without compiling them.
import { z } from 'zod';

z.config({ jitless: true });
