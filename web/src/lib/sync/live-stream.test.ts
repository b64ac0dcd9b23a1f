import { describe, expect, it } from 'vitest';
import { parseEventBlock } from './live-stream.ts';

describe('parseEventBlock', () => {
  it('reads a change event', () => {
    const block = 'event: change\ndata: {"type":"change","collection":"patients","seq":42}';
    expect(parseEventBlock(block)).toEqual({ type: 'change', collection: 'patients', seq: 42 });
  });

  it('joins multi-line data as the SSE spec says', () => {
    expect(parseEventBlock('data: {"type":\ndata: "resync"}')).toEqual({ type: 'resync' });
  });

  it('ignores comments, empty blocks and garbage', () => {
    expect(parseEventBlock(': ping')).toBeNull();
    expect(parseEventBlock('')).toBeNull();
    expect(parseEventBlock('data: not json')).toBeNull();
    expect(parseEventBlock('data: 42')).toBeNull();
  });
});
