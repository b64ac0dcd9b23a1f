import { describe, expect, it } from 'vitest';
import type { PolicyBlock } from '../print/policy-blocks.ts';
import { renderPolicyText } from '../print/policy-render.ts';
import { h, li, ol, p, policyTextFrom } from '../print/policy-text.fixture.ts';
import { policyRedline, sameText, type RedlineBlock } from './policy-redline.ts';
import { redlineHtml, redlineSummary } from './redline-html.ts';

const heading = (text: string, level = 1): PolicyBlock => ({ type: 'heading', level, text });
const para = (text: string, marker?: string, depth = 0): PolicyBlock => ({
  type: 'paragraph',
  text,
  depth: marker ? Math.max(1, depth) : depth,
  ...(marker ? { marker } : {}),
});
const table = (...rows: string[][]): PolicyBlock => ({
  type: 'table',
  rows: rows.map((cells, index) => ({ header: index === 0, cells })),
});

/** A block as a reviewer reads it: its change, and its words with [+added] and [-removed]. */
function read(block: RedlineBlock): string {
  const words = (parts: { text: string; change?: string }[]) =>
    parts
      .map((s) =>
        s.change === 'inserted' ? `[+${s.text}]` : s.change === 'deleted' ? `[-${s.text}]` : s.text,
      )
      .join('');
  switch (block.type) {
    case 'heading':
      return `${block.change} heading: ${words(block.segments)}`;
    case 'paragraph':
      return `${block.change} ${block.marker ? `${words(block.marker)} ` : ''}${words(block.segments)}`;
    case 'table':
      return `${block.change} table: ${block.rows.map((row) => `${row.change} ${row.cells.map(words).join(' | ')}`).join(' / ')}`;
    case 'rule':
      return `${block.change} rule`;
  }
}

describe('the redline between two versions of a policy', () => {
  it('marks the words changed inside a paragraph, and counts them', () => {
    const redline = policyRedline(
      [heading('Purpose'), para('Staff verify identity with one document.')],
      [heading('Purpose'), para('Staff verify identity with two documents.')],
    );
    expect(redline.blocks.map(read)).toEqual([
      'same heading: Purpose',
      'changed Staff verify identity with [-one document][+two documents].',
    ]);
    expect(redline).toMatchObject({ wordsInserted: 2, wordsDeleted: 2, blocksChanged: 1 });
    expect(redlineSummary(redline)).toBe('2 words added and 2 words removed, in 1 place.');
  });

  it('shows an inserted step as one added step, and the renumbered steps after it as unchanged', () => {
    const redline = policyRedline(
      [para('Greet the patient', '1.'), para('Scan the card', '2.'), para('Confirm the address', '3.')],
      [
        para('Greet the patient', '1.'),
        para('Ask for photo identification', '2.'),
        para('Scan the card', '3.'),
        para('Confirm the address', '4.'),
      ],
    ); // prettier-ignore
    expect(redline.blocks.map(read)).toEqual([
      'same 1. Greet the patient',
      'inserted 2. [+Ask for photo identification]',
      'same 3. Scan the card',
      'same 4. Confirm the address',
    ]);
    expect(redline.blocksChanged).toBe(1);
  });

  it('shows a paragraph rewritten beyond recognition as removed and another added', () => {
    const redline = policyRedline(
      [para('Call the utility company from the desk phone.')],
      [para('Evacuate by the north stairs and meet in the car park.')],
    );
    expect(redline.blocks.map(read)).toEqual([
      'deleted [-Call the utility company from the desk phone.]',
      'inserted [+Evacuate by the north stairs and meet in the car park.]',
    ]);
  });

  it('compares a table row by row and cell by cell', () => {
    const redline = policyRedline(
      [table(['Who', 'Phone'], ['Utility', '555-0100'], ['Landlord', '555-0110'])],
      [table(['Who', 'Phone'], ['Utility', '555-0199'], ['Alarm company', '555-0120'])],
    );
    expect(redline.blocks.map(read)).toEqual([
      'changed table: same Who | Phone / changed Utility | 555-[-0100][+0199] / deleted [-Landlord] | [-555-0110] / inserted [+Alarm company] | [+555-0120]',
    ]);
  });

  it('marks a checklist box ticked as a change of the item', () => {
    const redline = policyRedline(
      [para('Generator checked', '☐')],
      [para('Generator checked', '☑')],
    );
    expect(redline.blocks.map(read)).toEqual(['changed [-☐][+☑] Generator checked']);
  });

  it('finds nothing between a text and itself', () => {
    const blocks = [heading('Scope'), para('Everyone at the desk.'), { type: 'rule' } as const];
    const redline = policyRedline(blocks, blocks);
    expect(redline.blocksChanged).toBe(0);
    expect(redlineSummary(redline)).toBe('The two versions read the same.');
    expect(sameText(blocks, [...blocks])).toBe(true);
    expect(sameText(blocks, [heading('Scope'), para('Everyone at the desk')])).toBe(false);
  });

  it('reads stored versions: structure from the editor, a heading and numbered steps', async () => {
    const before = await renderPolicyText(
      policyTextFrom(h(1, 'Power outage'), ol(li(p('Switch to paper forms')))),
    );
    const after = await renderPolicyText(
      policyTextFrom(h(1, 'Power or network outage'), ol(li(p('Switch to the paper forms')))),
    );
    expect(policyRedline(before.blocks, after.blocks).blocks.map(read)).toEqual([
      'changed heading: Power [+or network ]outage',
      'changed 1. Switch to [+the ]paper forms',
    ]);
  });
});

describe('the redline as HTML', () => {
  it('marks additions and removals in words as well as colour, every word escaped', () => {
    const html = redlineHtml(
      policyRedline([para('Keep <b> & go')], [para('Keep <b> & stay'), para('New step', '1.')]),
    );
    expect(html).toContain(
      '<del><span class="visually-hidden">[removed: </span>go<span class="visually-hidden">]</span></del>',
    );
    expect(html).toContain('<ins><span class="visually-hidden">[added: </span>stay');
    expect(html).toContain('Keep &lt;b&gt; &amp; ');
    expect(html).toContain('<span class="rl-label">Changed</span>');
    expect(html).toContain('<span class="rl-label">Added</span>');
    expect(html).not.toContain('<b>');
  });
});
