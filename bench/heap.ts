/**
 * The main thread's JavaScript heap while the page runs, measured two ways through the Chrome
 * DevTools Protocol (the page's own code is not involved, so the measuring adds nothing to it):
 *
 * - allocation: bytes allocated per second, garbage included, from V8's sampling heap profiler with
 *   the objects later collected by minor and major GCs kept in the profile (each sample stands for
 *   about `samplingInterval` bytes; V8 scales the sizes, so their sum estimates all bytes allocated).
 *   This is the churn that makes the collector run.
 * - retained: growth of the heap (V8's heap and ArrayBuffer backing stores) from a forced full
 *   collection at the start of the window to one at its end, per second: what the page keeps.
 *
 * Neither counts the contents of ArrayBuffers as allocation (they live outside V8's heap and the
 * sampling profiler does not see them); performance.memory.usedJSHeapSize does count them.
 *
 * With `sites`, the top allocation sites (the function that allocated, self bytes), with positions in
 * the production build mapped back to the sources through the build's source maps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright';

export interface HeapWindow {
  seconds: number;
  /** Bytes allocated per second (garbage included), MB/s. */
  allocated_mb_per_s: number;
  /** Heap growth from a full collection to a full collection, MB/s. */
  retained_mb_per_s: number;
  /** The heap after the last full collection, MB. */
  heap_after_gc_mb: number;
}

export interface AllocationSite {
  /** Function name and source position (mapped to src/ when the build's source map has it). */
  site: string;
  mb_per_s: number;
  share: number;
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const SAMPLING_INTERVAL = 1024;

async function usedAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  // backingStorageSize: ArrayBuffer contents, outside V8's heap (newer protocol versions report it).
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/**
 * Measures `seconds` of the page as it runs. The sampling profiler costs the page a little time;
 * the frame statistics of a window measured alongside are slightly pessimistic.
 */
export async function measureHeap(
  page: Page,
  seconds: number,
  options: { sites?: number; distDir?: string } = {},
): Promise<{ window: HeapWindow; sites: AllocationSite[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const before = await usedAfterGc(cdp);
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: SAMPLING_INTERVAL,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const elapsed = (performance.now() - started) / 1000;
  const after = await usedAfterGc(cdp);
  await cdp.detach();

  const bySite = new Map<string, number>();
  let total = 0;
  const visit = (node: ProfileNode) => {
    if (node.selfSize > 0) {
      total += node.selfSize;
      const key = siteOf(node.callFrame, options.distDir);
      bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head as ProfileNode);
  const sites = [...bySite]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.sites ?? 0)
    .map(([site, bytes]) => ({ site, mb_per_s: bytes / elapsed / 1e6, share: bytes / total }));
  return {
    window: {
      seconds: elapsed,
      allocated_mb_per_s: total / elapsed / 1e6,
      retained_mb_per_s: (after - before) / elapsed / 1e6,
      heap_after_gc_mb: after / 1e6,
    },
    sites,
  };
}

function siteOf(frame: ProfileNode['callFrame'], distDir: string | undefined): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.replace(/^.*\/assets\//, '');
  const mapped = distDir ? originalPosition(distDir, file, frame.lineNumber, frame.columnNumber) : null;
  return mapped ? `${name} ${mapped}` : `${name} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

// Source maps: a minimal decoder of the "mappings" field (base64 VLQ), enough to map a position of
// the minified build back to a source file and line.
interface Segment {
  column: number;
  source: number;
  line: number;
}
const maps = new Map<string, { sources: string[]; lines: Segment[][] } | null>();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(',')) {
      if (!part) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of part) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        line += values[2];
        segments.push({ column, source, line });
      }
    }
    lines.push(segments);
  }
  return lines;
}

function originalPosition(distDir: string, file: string, line: number, column: number): string | null {
  if (!maps.has(file)) {
    try {
      const map = JSON.parse(readFileSync(join(distDir, 'assets', `${file}.map`), 'utf8')) as {
        sources: string[];
        mappings: string;
      };
      maps.set(file, { sources: map.sources, lines: decodeMappings(map.mappings) });
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  const segments = map?.lines[line];
  if (!map || !segments || segments.length === 0) return null;
  let best = segments[0];
  for (const s of segments) if (s.column <= column) best = s;
  const source = map.sources[best.source].replace(/^(\.\.\/)+/, '');
  return `${source}:${best.line + 1}`;
}
