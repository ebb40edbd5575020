-- Custom SQL migration file, put your code below! ---- The five sales regions are reference data every installation needs (users are granted regions by id).
INSERT INTO gold.dim_region (region_id, name) VALUES (1, 'East'), (2, 'West'), (3, 'North'), (4, 'South'), (5, 'Central')
ON CONFLICT (region_id) DO NOTHING;
