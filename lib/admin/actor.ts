// Who performs an admin action and from where. Built by the server actions from the verified session
// (never from the form), and passed to lib/admin so the audit row names the right person.
import type { UserScope } from '@/lib/auth/scope';

export interface AdminActor {
  id: string;
  email: string;
  ip: string | null;
  userAgent: string | null;
}

export function actorOf(scope: UserScope, request: { ip: string | null; userAgent: string | null }): AdminActor {
  const user = scope.owner.user;
  return { id: user.userId, email: user.email, ip: request.ip, userAgent: request.userAgent };
}

/** The actor's part of an audit entry: who, and from where. */
export function auditedBy(actor: AdminActor) {
  return { actor: { id: actor.id, email: actor.email }, ip: actor.ip, userAgent: actor.userAgent };
}
