-- As migrations/sqlite/0011-chart-number-index.sql: `data` is TEXT (the bytes as pushed), read as
-- JSON only by this index and the query in postgres-charts.ts, with the same expression.
CREATE INDEX documents_chart_number ON documents (((data::jsonb) ->> 'chartNumber'))
  WHERE collection = 'patients';
