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
});

describe('escapeMarkdown', () => {
  it('escapes markup and raw HTML', () => {
    expect(escapeMarkdown('<script>x</script> *bold* _it_ [l](u) `c` | ~ #')).toBe(
      '\\<script\\>x\\</script\\> \\*bold\\* \\_it\\_ \\[l\\]\\(u\\) \\`c\\` \\| \\~ \\#',
    );
  });

  it('defuses line starts and keeps line breaks inside the item', () => {
    expect(escapeMarkdown('1. first\n- dash\n\n=== rule', '  ')).toBe('1\\. first\\\n  \\- dash\\\n  \\=== rule');
  });
});
