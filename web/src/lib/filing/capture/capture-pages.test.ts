import { describe, expect, it } from 'vitest';
import {
  type CapturePage,
  movePage,
  nextRotation,
  removePage,
  rotatePage,
  shownSize,
} from './capture-pages.ts';

function page(id: string, width = 1650, height = 2200): CapturePage {
  return { id, source: new Blob([id]), type: 'image/jpeg', width, height, rotation: 0 };
}
const ids = (pages: readonly CapturePage[]) => pages.map((p) => p.id);
const three = [page('a'), page('b'), page('c')];

describe('reordering the pages of a capture', () => {
  it('moves a page forward and back', () => {
    expect(ids(movePage(three, 'a', 2))).toEqual(['b', 'c', 'a']);
    expect(ids(movePage(three, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(movePage(three, 'b', 1))).toEqual(['a', 'b', 'c']);
  });

  it('keeps a move past either end at that end', () => {
    expect(ids(movePage(three, 'a', 99))).toEqual(['b', 'c', 'a']);
    expect(ids(movePage(three, 'c', -4))).toEqual(['c', 'a', 'b']);
  });

  it('leaves the pages as they were for a page that is gone', () => {
    expect(ids(movePage(three, 'gone', 0))).toEqual(['a', 'b', 'c']);
  });

  it('never changes the list it was given', () => {
    movePage(three, 'a', 2);
    removePage(three, 'b');
    rotatePage(three, 'c');
    expect(ids(three)).toEqual(['a', 'b', 'c']);
    expect(three[2]!.rotation).toBe(0);
  });
});

describe('turning and removing pages', () => {
  it('turns one page a quarter clockwise, four turns back to upright', () => {
    let pages = rotatePage(three, 'b');
    expect(pages.map((p) => p.rotation)).toEqual([0, 90, 0]);
    pages = rotatePage(rotatePage(rotatePage(pages, 'b'), 'b'), 'b');
    expect(pages[1]!.rotation).toBe(0);
    expect(([0, 90, 180, 270] as const).map(nextRotation)).toEqual([90, 180, 270, 0]);
  });

  it('swaps width and height of a page turned sideways', () => {
    expect(shownSize({ width: 1650, height: 2200, rotation: 90 })).toEqual({
      width: 2200,
      height: 1650,
    });
    expect(shownSize({ width: 1650, height: 2200, rotation: 180 })).toEqual({
      width: 1650,
      height: 2200,
    });
  });

  it('removes the page named, keeping the others in order', () => {
    expect(ids(removePage(three, 'b'))).toEqual(['a', 'c']);
    expect(ids(removePage(three, 'gone'))).toEqual(['a', 'b', 'c']);
  });
});
