/**
 * V8 heap bytes allocated per call: heap growth over N calls plus everything each GC freed on
 * the way (v8.GCProfiler reports the used size before and after every collection). Buffer
 * backing stores live outside the V8 heap and are not counted.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8'

export async function allocatedBytesPerCall(
  call: (input: unknown) => Promise<unknown>,
  inputs: unknown[],
): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const profiler = new GCProfiler()
  profiler.start()
  const before = getHeapStatistics().used_heap_size
  for (const input of inputs) await call(input)
  const after = getHeapStatistics().used_heap_size
  const report = profiler.stop()
  let freed = 0
  for (const s of report?.statistics ?? []) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize
  }
  return Math.max(0, (after - before + freed) / inputs.length)
}
