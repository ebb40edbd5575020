// The signed-in user's account as GET /api/me answers it and the account menu reads it.
import { z } from 'zod';
import { ROLES } from './roles';

export const accountSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  regions: z.array(z.string()),
});
export type Account = z.infer<typeof accountSchema>;
