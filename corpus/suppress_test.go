package corpus

import (
	"reflect"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// TestSuppress reads each format's suppression comments into the
// segments' Suppress lists.
func TestSuppress(t *testing.T) {
	all := []string{pipeline.SuppressAll}
	tests := []struct {
		name, format, data string
		want               map[string][]string // segment ID, or target, -> Suppress; others nil
	}{
		{"markdown", "markdown", `# Title 酝酿

<!-- tqa-disable mixed-script, dash-substitute -->
Two 北约

- three 北约
  <!-- tqa-enable dash-substitute -->
- four

<!--
  tqa-disable
-->

Five

<!-- tqa-enable -->
Six

` + "```" + `
<!-- tqa-disable -->
` + "```" + `

Seven, after a comment in code. <!-- tqa-disable --> A comment inside a paragraph is text.

Eight
`, map[string][]string{"2": {"dash-substitute", "mixed-script"}, "3": {"dash-substitute", "mixed-script"}, "4": {"mixed-script"}, "5": all}},
		{"markdown comments that are not directives", "markdown", `<!-- tqa-disabled x -->
one

<!-- tqa-disable x --> <div>two</div>

three
`, nil},
		{"po", "po", `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

# tqa-ignore: mixed-script
#. tqa-ignore: numbers
msgid "美国酝酿退出北约"
msgstr "US is酝酿 Leaving NATO"

# A note for the translator.
# tqa-ignore
msgid "北约"
msgstr "NATO"

#. tqa-ignore: numbers
msgid "两百"
msgstr "300"

# tqa-ignore: a b,c
msgid "%d tank"
msgid_plural "%d tanks"
msgstr[0] "%d tank"
msgstr[1] "%d tanks"
`, map[string][]string{"US is酝酿 Leaving NATO": {"mixed-script"}, "NATO": all, "%d tank": {"a", "b", "c"}, "%d tanks": {"a", "b", "c"}}},
		{"xliff 1.2", "xliff", `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="t1">
        <source>美国酝酿退出北约</source>
        <target>US is酝酿 Leaving NATO</target>
        <note>tqa-ignore: mixed-script, source-copied-fragment</note>
      </trans-unit>
      <trans-unit id="t2">
        <source>北约</source>
        <target>NATO</target>
        <note>Not a directive: tqa-ignore: mixed-script</note>
      </trans-unit>
      <trans-unit id="t3">
        <source>北约</source>
        <target>NATO</target>
        <note> tqa-ignore </note>
      </trans-unit>
    </body>
  </file>
</xliff>
`, map[string][]string{"t1": {"mixed-script", "source-copied-fragment"}, "t3": all}},
		{"xliff 2.0", "xliff", `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <notes><note>tqa-ignore: mixed-script</note></notes>
      <segment id="s1"><source>美国酝酿</source><target>US is酝酿</target></segment>
      <segment id="s2"><source>退出北约</source><target>Leaving 北约</target></segment>
    </unit>
    <unit id="u2">
      <segment><source>北约</source><target>NATO</target></segment>
    </unit>
  </file>
</xliff>
`, map[string][]string{"u1/s1": {"mixed-script"}, "u1/s2": {"mixed-script"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("f", []byte(tt.data), tt.format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			seen := 0
			for _, s := range doc.Segments {
				want, ok := tt.want[s.ID]
				if !ok {
					want = tt.want[s.Target] // PO IDs are hashes
				}
				if want != nil {
					seen++
				}
				if !reflect.DeepEqual(s.Suppress, want) {
					t.Errorf("segment %s %q: Suppress %q, want %q", s.ID, s.Target, s.Suppress, want)
				}
			}
			if seen != len(tt.want) {
				var ids []string
				for _, s := range doc.Segments {
					ids = append(ids, s.ID)
				}
				t.Errorf("%d of %d expected segments found; IDs are %q", seen, len(tt.want), ids)
			}
		})
	}
}

func TestIgnoreDirectives(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{nil, nil},
		{[]string{"nothing here"}, nil},
		{[]string{"tqa-ignore: b, a", "tqa-ignore: a"}, []string{"a", "b"}},
		{[]string{"line one\n  tqa-ignore:  x\tz \nline three"}, []string{"x", "z"}},
		{[]string{"tqa-ignore:"}, []string{pipeline.SuppressAll}},
		{[]string{"tqa-ignored: x", "tqa-ignore-all"}, nil},
		{[]string{"see tqa-ignore: x"}, nil},
	}
	for _, tt := range tests {
		if got := ignoreDirectives(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ignoreDirectives(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
