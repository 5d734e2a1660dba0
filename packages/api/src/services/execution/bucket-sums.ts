// Moved to packages/db so the worker (shift handover drafting) sums buckets the same way; the
// API keeps importing it from here.
export {
  BUCKET_SUMS,
  componentsFromSums,
  summarizeOee,
  type TBucketSums,
  type TOeeSummary,
} from "@gemba/db/execution/bucket-sums";
