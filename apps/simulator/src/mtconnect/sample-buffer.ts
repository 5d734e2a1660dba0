export type TObservationValue = {
  /** Text as sent; for conditions the level (NORMAL, FAULT…). */
  value: string;
  nativeCode?: string;
  message?: string;
};

export type TRecord = TObservationValue & { sequence: number; dataItemId: string; timestamp: string };

/**
 * The agent's circular buffer: every observation gets the next sequence number, the oldest are
 * overwritten once `size` are held. A checkpoint keeps each data item's value as of just before
 * the oldest held sequence, so `/current?at=` can be answered anywhere inside the buffer.
 */
export class SampleBuffer {
  readonly size: number;
  private readonly slots: Array<TRecord | undefined>;
  private readonly latest = new Map<string, TRecord>();
  private readonly checkpoint = new Map<string, TRecord>();
  private next = 1;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`MTConnect buffer size must be a positive integer, not ${size}`);
    this.size = size;
    this.slots = new Array<TRecord | undefined>(size);
  }

  get nextSequence(): number {
    return this.next;
  }

  get lastSequence(): number {
    return Math.max(this.next - 1, 0);
  }

  /** Oldest sequence still held (equals nextSequence while the buffer is empty). */
  get firstSequence(): number {
    return Math.max(1, this.next - this.size);
  }

  /** Adds an observation unless it repeats the data item's current value (agents drop duplicates). */
  add(dataItemId: string, observation: TObservationValue, at: number): TRecord | undefined {
    const previous = this.latest.get(dataItemId);
    if (
      previous !== undefined &&
      previous.value === observation.value &&
      previous.nativeCode === observation.nativeCode &&
      previous.message === observation.message
    ) {
      return undefined;
    }
    const record: TRecord = { ...observation, dataItemId, sequence: this.next, timestamp: new Date(at).toISOString() };
    const slot = (record.sequence - 1) % this.size;
    const evicted = this.slots[slot];
    if (evicted !== undefined) this.checkpoint.set(evicted.dataItemId, evicted);
    this.slots[slot] = record;
    this.latest.set(dataItemId, record);
    this.next += 1;
    return record;
  }

  /** Up to `count` observations from sequence `from` on; the caller checks that `from` is held. */
  range(from: number, count: number): TRecord[] {
    const records: TRecord[] = [];
    for (let sequence = from; sequence < this.next && records.length < count; sequence += 1) {
      const record = this.slots[(sequence - 1) % this.size];
      if (record?.sequence === sequence) records.push(record);
    }
    return records;
  }

  /** The latest value of every data item, as of sequence `at` (default: now). */
  current(at?: number): TRecord[] {
    if (at === undefined || at >= this.lastSequence) return [...this.latest.values()];
    const values = new Map(this.checkpoint);
    for (const record of this.range(this.firstSequence, at - this.firstSequence + 1)) {
      values.set(record.dataItemId, record);
    }
    return [...values.values()];
  }
}
