// Customer segments. Lines without a known customer are reported under GUEST_SEGMENT.
export const CUSTOMER_SEGMENTS = ['Budget', 'Mainstream', 'Premium', 'Business'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];
export const GUEST_SEGMENT = 'Guest';
export const REPORT_SEGMENTS = [...CUSTOMER_SEGMENTS, GUEST_SEGMENT] as const;
