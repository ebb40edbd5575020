// A SKU as it appears in a product page's path: the catalogue's codes (SKU-00001, HO-00001) and nothing
// else, so a forged path segment is a plain "not found" before it reaches a query.
import { z } from 'zod';

export const productSkuSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'expected a SKU');
