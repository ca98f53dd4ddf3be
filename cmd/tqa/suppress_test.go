package main

import (
	"path/filepath"
	"testing"
)

// TestSuppressionComments: suppression comments in Markdown, PO and XLIFF
// drop the findings they name, and only those.
func TestSuppressionComments(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "a.md")
	mustWrite(t, md, "# Title\n\n<!-- tqa-disable mixed-script -->\nThe alliance met in 布鲁塞尔.\n\n<!-- tqa-enable -->\nThe alliance met in 华盛顿.\n")
	po := filepath.Join(dir, "a.po")
	mustWrite(t, po, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n# tqa-ignore: mixed-script, source-copied-fragment\nmsgid \"美国酝酿退出北约\"\nmsgstr \"US is酝酿 Leaving NATO\"\n")
	xlf := filepath.Join(dir, "a.xlf")
	mustWrite(t, xlf, `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="t1">
        <source>美国酝酿退出北约</source>
        <target>US is酝酿 Leaving NATO</target>
        <note>tqa-ignore: mixed-script source-copied-fragment</note>
      </trans-unit>
    </body>
  </file>
</xliff>
`)
	typo := filepath.Join(dir, "typo.md")
	mustWrite(t, typo, "<!-- tqa-disable mixed-scrip -->\nThe alliance met in 布鲁塞尔.\n")
	runCases(t, []cliCase{
		{"markdown: the disabled paragraph is silent, the one after enable is not", []string{"check", md}, 1, "华盛顿", "", "布鲁塞尔"},
		{"po translator comment", []string{"check", po}, 0, "no findings", "", ""},
		{"xliff note", []string{"check", xlf}, 0, "no findings", "", ""},
		{"an unknown name warns and suppresses nothing", []string{"check", typo}, 1, "布鲁塞尔", `typo.md:2: a suppression comment names "mixed-scrip", which is no check`, ""},
	})
	// Without the comments, the same texts are reported.
	mustWrite(t, po, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"美国酝酿退出北约\"\nmsgstr \"US is酝酿 Leaving NATO\"\n")
	runCases(t, []cliCase{
		{"po without the comment", []string{"check", po}, 1, "酝酿", "", ""},
	})
}
