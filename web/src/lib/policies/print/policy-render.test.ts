import { describe, expect, it } from 'vitest';
import { renderPolicyText } from './policy-render.ts';
import { h, li, ol, p, policyTextFrom, ul } from './policy-text.fixture.ts';

const procedure = policyTextFrom(
  h(1, 'Power outage'),
  p('Keep ', { text: 'calm', marks: { bold: {} } }, ' and call ', {
    text: 'the utility',
    marks: { link: { href: 'tel:+15550100' } },
  }),
  ol(li(p('Switch to paper forms')), li(p('Note each arrival'))),
  ul(li(p('Flashlight at the desk'))),
  {
    node: 'taskList',
    content: [{ node: 'taskItem', attrs: { checked: true }, content: [p('Generator checked')] }],
  },
  {
    node: 'table',
    content: [
      {
        node: 'tableRow',
        content: [
          { node: 'tableHeader', content: [p('Who')] },
          { node: 'tableHeader', content: [p('Phone')] },
        ],
      },
      {
        node: 'tableRow',
        content: [
          { node: 'tableCell', content: [p('Utility')] },
          { node: 'tableCell', content: [p('555-0100')] },
        ],
      },
    ],
  },
);

describe('a policy text read without an editor', () => {
  it('renders headings, marks, links, lists, task lists and tables as HTML', async () => {
    const { html } = await renderPolicyText(procedure);
    expect(html).toContain('<h2>Power outage</h2>');
    expect(html).toContain(
      '<p>Keep <strong>calm</strong> and call <a href="tel:+15550100" rel="noopener noreferrer">the utility</a></p>',
    );
    expect(html).toContain(
      '<ol><li><p>Switch to paper forms</p></li><li><p>Note each arrival</p></li></ol>',
    );
    expect(html).toContain('aria-label="Done"');
    expect(html).toContain('<th scope="col"><p>Who</p></th>');
    expect(html).toContain('<td><p>555-0100</p></td>');
  });

  it('gives plain text with list markers, and tables cell by cell', async () => {
    const { plainText } = await renderPolicyText(procedure);
    expect(plainText.split('\n')).toEqual([
      'Power outage',
      'Keep calm and call the utility',
      '1. Switch to paper forms',
      '2. Note each arrival',
      '• Flashlight at the desk',
      '☑ Generator checked',
      'Who\tPhone',
      'Utility\t555-0100',
    ]);
  });

  it('escapes every word and drops a link the app must not open', async () => {
    const text = policyTextFrom(
      p('<script>alert(1)</script> & "quotes"', {
        text: 'click',
        marks: { link: { href: 'javascript:alert(1)' } },
      }),
    );
    const { html } = await renderPolicyText(text);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;click</p>');
  });

  it('reads an empty version as no text', async () => {
    const { html, plainText } = await renderPolicyText('AAA=');
    expect(html).toBe('');
    expect(plainText).toBe('');
  });
});
