-- Which chart holds a chart number, asked on every push of patients (a number names one chart for
-- good, issue 10): without an index that read parses every patient. The expression is the one
-- sqlite-charts.ts queries with, so SQLite uses it.
CREATE INDEX documents_chart_number ON documents (json_extract(data, '$.chartNumber'))
  WHERE collection = 'patients';
