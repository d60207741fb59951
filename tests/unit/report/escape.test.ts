import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, escapeMarkdown, htmlLink, isLinkableUrl } from '../../../src/shared/report/escape';

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

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1 555', "'+1 555"],
    ['-3 percent', "'-3 percent"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("x", "y")', `"'=HYPERLINK(""x"", ""y"")"`],
  ])('quotes %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('never prefixes numbers', () => {
    expect(csvField(-3)).toBe('-3');
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
