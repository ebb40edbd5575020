-- Custom SQL migration file, put your code below! --
-- Fraud scores and alerts are now computed from the basket's own region only (lib/etl/sale-risk.ts).
-- Those written before could name a customer's purchases in other regions to the region's readers: keep
-- their score and severity, withhold their reasons.
UPDATE gold.alerts
SET reason = 'Risk ' || COALESCE(detail->>'score', '?') || '/100 — reasons withheld: scored before fraud alerts were limited to their own region''s facts',
    detail = detail - 'reasons'
WHERE kind = 'fraud';
--> statement-breakpoint
UPDATE gold.sale_risk SET reasons = '[]'::jsonb WHERE reasons <> '[]'::jsonb;
