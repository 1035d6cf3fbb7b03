// Zod builds object schemas with a `new Function` probe unless told not to;
// the CSP forbids eval and reports each probe as a violation. This must run
// before any module that builds a schema, so main.tsx imports it first.
import { z } from 'zod';

z.config({ jitless: true });
