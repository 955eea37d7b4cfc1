/** The event log: REST calls and frame messages, a ring buffer that tests and the log panel read or stream. */
import type { EventLogApi, LogEntry } from '../types'

export class EventLog implements EventLogApi {
  private entries: LogEntry[] = []
  private seq = 0
  private listeners = new Set<(entry: LogEntry) => void>()

  constructor(private readonly capacity = 5000) {}

  add(entry: Omit<LogEntry, 'seq' | 'at'> & { at?: number }): LogEntry {
    const full: LogEntry = { ...entry, seq: ++this.seq, at: entry.at ?? Date.now() }
    this.entries.push(full)
    // drop in chunks, not one by one, so a full buffer does not shift the array on every call
    if (this.entries.length > this.capacity + 500) this.entries = this.entries.slice(-this.capacity)
    for (const listener of this.listeners) {
      try {
        listener(full)
      } catch {
        // a broken subscriber (e.g. a closed stream) must not break the call being logged
      }
    }
    return full
  }

  since(seq: number): LogEntry[] {
    const from = this.entries.length > this.capacity ? this.entries.length - this.capacity : 0
    const out: LogEntry[] = []
    for (let i = from; i < this.entries.length; i++) {
      const e = this.entries[i] as LogEntry
      if (e.seq > seq) out.push(e)
    }
    return out
  }

  /** Forgets the entries; sequence numbers keep growing so a `since` cursor never sees old numbers again. */
  clear(): void {
    this.entries = []
  }

  subscribe(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
