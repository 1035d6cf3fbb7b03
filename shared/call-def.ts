// Who may make a call, and the shape of one call's definition. Each domain's
// contract file lists its own calls with callDef; shared/contract.ts joins them.
import type { z } from 'zod';

/** Who may make a call. The core knows the active profile; calls carry no authority. */
export const roles = ['kid', 'teen', 'adult', 'admin'] as const;
export type Role = (typeof roles)[number];

export const callDef = <I extends z.ZodType, O extends z.ZodType>(def: {
  summary: string;
  minRole: Role;
  input: I;
  output: O;
}) => def;
