export { StatsRecorder, STATS_PREFIX, type StatsDeps, type TurnFacts, type HandoffFacts, type RegistrationFacts } from './recorder.ts';
export { readReport, reportCsv, shown, SMALL_CELL, SUPPRESSED, type Report, type ReportQuery, type Table } from './report.ts';
export { METRICS, WAIT_BUCKETS, type Metric } from './model.ts';
export { bucketsBetween, isoWeekOf, monthOf, type Granularity } from './periods.ts';
