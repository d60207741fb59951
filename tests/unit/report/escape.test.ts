import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, htmlLink, isLinkableUrl } from '../../../src/shared/report/escape';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['"double" \'single\' `back`', '&quot;double&quot; &#39;single&#39; &#96;back&#96;'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['a\u0000b\u0007c\u001Fd\u007Fe', 'abcde'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['curly “quotes” — and é', 'curly “quotes” — and é'],
    ['</style><style>', '&lt;/style&gt;&lt;style&gt;'],
    ['<!-- comment -->', '&lt;!-- comment --&gt;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('turns null, undefined and numbers into text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('leaves no character that could end an attribute or open a tag, for any input', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    const out = escapeHtml(all);
    expect(out).not.toMatch(/[<>"'`]/);
    expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
  });
});

describe('htmlLink', () => {
  it('links http(s) only, escaping the address', () => {
    expect(htmlLink('https://a.example/?q="x"&y=<1>')).toBe(
      '<a href="https://a.example/?q=&quot;x&quot;&amp;y=&lt;1&gt;" rel="noreferrer noopener">https://a.example/?q=&quot;x&quot;&amp;y=&lt;1&gt;</a>',
    );
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', '//evil.example', 'http://', 'https://a b']) {
      expect(isLinkableUrl(bad)).toBe(false);
      expect(htmlLink(bad)).not.toContain('<a');
    }
  });
});

describe('escapeMarkdown', () => {
  it('escapes what would be markup, and only that', () => {
    expect(escapeMarkdown('<script>x</script> *bold* _it_ [l](u) `c` | ~ #')).toBe('\\<script>x\\</script> \\*bold\\* \\_it\\_ \\[l](u) \\`c\\` \\| \\~ #');
    expect(escapeMarkdown('&amp; &#38; &#x26; AT&T; a & b')).toBe('\\&amp; \\&#38; \\&#x26; AT\\&T; a & b');
    expect(escapeMarkdown('![img](x) \\d')).toBe('!\\[img](x) \\\\d');
  });

  it.each([
    ['The vote (Oct. 9) was 4-3.'],
    ['Gen. Lloyd J. Austin III said U.S. forces left at 9 a.m.'],
    ['$4.2 billion, up 50% {est.}!'],
    ['He asked: "Why?" — she said no.'],
    ['#hashtag and C# and 5 > 3'],
    ['snake_case_name and https://example.org/a_b_c?x=1&y=2'],
    ['-3 percent'],
    ['+1 555 0100'],
    ['=SUM(A1)'],
    ['1.2 miles'],
    ['Mr. O’Neil (D., Minn.) [sic]'],
  ])('leaves ordinary punctuation alone: %j', (text) => {
    // The one exception above is “[”, which every link needs.
    expect(escapeMarkdown(text)).toBe(text.replace('[', '\\['));
  });

  it('defuses line starts and keeps line breaks inside the item', () => {
    expect(escapeMarkdown('1. first\n- dash\n\n=== \n> quote\n## heading\n+ plus\n---\n2) second', '  ')).toBe(
      '1\\. first\\\n  \\- dash\\\n  \\=== \\\n  \\> quote\\\n  \\## heading\\\n  \\+ plus\\\n  \\---\\\n  2\\) second',
    );
    // “2024. A year.” at the start of a line is a list item numbered 2024.
    expect(escapeMarkdown('2024. A year.')).toBe('2024\\. A year.');
    // Leading spaces would make an indented code block: they go.
    expect(escapeMarkdown('    code?\n\t- tab', '')).toBe('code?\\\n\\- tab');
  });

  // The guarantee, for any text: nothing can open raw HTML, a link, an image, code,
  // emphasis, a table or strikethrough, or start a block, and the text reads back
  // exactly once CommonMark's backslash escapes are taken out.
  it('lets no markup form from any mix of Markdown’s characters, and the text reads back', () => {
    const alphabet = ['<', '>', '[', ']', '(', ')', '`', '*', '_', '~', '|', '&', '#', ';', '!', '-', '+', '=', '.', ')', '1', '\\', 'a', 'x', ' ', ' ', '\n', 'amp', 'http://x', '\t'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const escapedAt = (text: string, i: number) => {
      let slashes = 0;
      for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
      return slashes % 2 === 1;
    };
    const blockStart = /^(?:>|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|[ \t])/;
    for (let n = 0; n < 3_000; n++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const out = escapeMarkdown(input, '  ');
      const lines = out.split('\\\n  ');
      for (const line of lines) {
        expect(blockStart.test(line), JSON.stringify([input, line])).toBe(false);
        for (let i = 0; i < line.length; i++) {
          const c = line[i]!;
          if ('<[`*|~'.includes(c) || (c === '\\' && i === line.length - 1)) expect(escapedAt(line, i), JSON.stringify([input, line, i])).toBe(true);
          if (c === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(line.slice(i))) expect(escapedAt(line, i), JSON.stringify([input, line])).toBe(true);
          if (c === '_' && !escapedAt(line, i)) expect(/[\p{L}\p{N}]/u.test(line[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(line[i + 1] ?? ''), JSON.stringify([input, line])).toBe(true);
        }
      }
      // Reading back: CommonMark drops a backslash before any ASCII punctuation.
      const readBack = lines.map((l) => l.replace(/\\([!-/:-@[-`{-~])/g, '$1')).join('\n');
      const expected = input.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l.trim() !== '').join('\n');
      expect(readBack, JSON.stringify(input)).toBe(expected);
    }
  });
});
