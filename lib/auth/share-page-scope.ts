// The one way a share link page (server component) gets its Scope: from the token in its URL, once per
// request (the layout and the page share the answer). Middleware already answered unknown and dead links;
// this re-checks because middleware is a gate, not the lock.
import { cache } from 'react';
import { scopeFromShare, type ShareScopeResult } from './scope';

export const getShareScope = cache((token: string): Promise<ShareScopeResult> => scopeFromShare(token));
