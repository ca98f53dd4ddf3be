package checks

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
)

func TestScanPlaceholders(t *testing.T) {
	tests := []struct {
		text string
		want []string // syntax:key
	}{
		{"Hello %s, you have %d new", []string{"printf:%s", "printf:%d"}},
		{"%1$s and %2$.2f and %(name)s and %-5lld and %@ and %i", []string{"printf:%1$s", "printf:%2$.2f", "printf:%(name)s", "printf:%-5lld", "printf:%@", "printf:%d"}},
		{"100%% sure", nil},
		{"50% of them, 50%off, 20 % growth", nil},
		{"see https://example.org/a%20file.txt", nil},
		{"{0} and {} and {name} and {user.name!r:>10} and {0:N2} and {items[0]}", []string{"brace:{0}", "brace:{}", "brace:{name}", "brace:{user.name!r:>10}", "brace:{0:N2}", "brace:{items[0]}"}},
		{"{n, number} {d,date, short} {0,choice,0#none|1#{0} file}", []string{"brace:{n,number}", "brace:{d,date,short}", "brace:{0,choice,0#none|1#{0} file}"}},
		{"{count, plural, =0 {no items} one {# item in {place}} other {# items in {place}}}", []string{"brace:{count,plural}", "brace:{place}", "brace:{place}"}},
		{"{gender, select, male {He} female {She} other {They}} left", []string{"brace:{gender,select}"}},
		{"{{name}} and {{ user.name }} and {{{raw}}} and {{#each items}}", []string{"double:{{name}}", "double:{{user.name}}", "double:{{{raw}}}", "double:{{#each items}}"}},
		{"{{literal}", nil},
		{"${name} and ${ a.b }", []string{"dollar:${name}", "dollar:${a.b}"}},
		{"The :attribute must be at least :min characters.", []string{"colon:attribute", "colon:min"}},
		{"Note: ok, 12:30, :P, :smile: and http://x.org", nil},
		{"a set {a, b} and { spaced } and {中文}", nil},
		{"{count, plural, one {# item} other {# items}", nil}, // not closed
	}
	for _, tt := range tests {
		sc := scanPlaceholders(tt.text)
		var got []string
		for _, ph := range sc.list {
			name := ph.syntax.String()
			if ph.syntax == phDouble {
				name = "double"
			} else if ph.syntax == phDollar {
				name = "dollar"
			}
			key := ph.key
			if ph.syntax == phColon {
				key = strings.TrimPrefix(key, ":")
			}
			got = append(got, name+":"+key)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("scanPlaceholders(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestScanPlaceholdersICU(t *testing.T) {
	text := "{count, plural, offset:1 =0 {none} one {# item} other {# items}}"
	sc := scanPlaceholders(text)
	if len(sc.list) != 1 || sc.list[0].choice == nil {
		t.Fatalf("got %+v", sc.list)
	}
	ph := sc.list[0]
	var keys []string
	for _, s := range ph.choice.selectors {
		keys = append(keys, s.key)
		if text[s.span.Start:s.span.End] != s.key {
			t.Errorf("selector %q has span text %q", s.key, text[s.span.Start:s.span.End])
		}
	}
	if want := []string{"=0", "one", "other"}; !slices.Equal(keys, want) {
		t.Errorf("selectors %q, want %q", keys, want)
	}
	if got := text[ph.head.Start:ph.head.End]; got != "{count, plural" {
		t.Errorf("head %q", got)
	}
	if got := text[ph.name.Start:ph.name.End]; got != "count" {
		t.Errorf("name %q", got)
	}
	if ph.span != (pipeline.Span{Start: 0, End: len(text)}) {
		t.Errorf("span %v", ph.span)
	}
}

func TestScanPlaceholdersEscapesAndLone(t *testing.T) {
	sc := scanPlaceholders("%d%% done, 5 % left")
	if len(sc.escapes) != 1 || len(sc.lone) != 1 || sc.lone[0].Start != 13 {
		t.Errorf("escapes %v lone %v", sc.escapes, sc.lone)
	}
}

func TestPluralForms(t *testing.T) {
	tests := []struct {
		lang string
		want string
	}{
		{"en", "one other"},
		{"zh", "other"},
		{"ja", "other"},
		{"ru", "one few many other"},
		{"pl", "one few many other"},
		{"ar", "zero one two few many other"},
		{"fr", "one other"},
	}
	for _, tt := range tests {
		got := strings.Join(pluralForms(plural.Cardinal, language.MustParse(tt.lang)), " ")
		if got != tt.want {
			t.Errorf("pluralForms(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := pluralForms(plural.Cardinal, language.Und); got != nil {
		t.Errorf("pluralForms(und) = %q, want none", got)
	}
	if got := strings.Join(pluralForms(plural.Ordinal, language.English), " "); got != "one two few other" {
		t.Errorf("English ordinals: %q", got)
	}
}

// FuzzScanPlaceholders checks that every placeholder lies in the text on
// rune boundaries, starts with its syntax's sigil, does not overlap the
// next one unless an ICU branch holds it, and has a key.
func FuzzScanPlaceholders(f *testing.F) {
	for _, s := range []string{
		"Hello %s, %1$d%% {0} {name!r:>10}",
		"{count, plural, =0 {none} one {# {x}} other {# {x}s}}",
		"{g, select, male {{{name}}} other {${who}}}",
		"The :attribute is :min. 50% of {{x}}",
		"{a,plural,one{{b,select,x{%s}other{}}}other{}}",
		"北约：name，{名字} %！",
		"北约成立于1949年。",
		"No placeholder here.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // readers decode their input to valid UTF-8
		}
		sc := scanPlaceholders(text)
		var plain placeholderScan // the scan without scanPlaceholders' pre-test
		plain.scan(text, 0, len(text), 0, links.Find(text))
		if !reflect.DeepEqual(sc, plain) {
			t.Fatalf("%q: scanPlaceholders gives %+v, the plain scan %+v", text, sc, plain)
		}
		lastEnd := 0
		for _, ph := range sc.list {
			if !ph.span.Valid(text) || ph.span.Len() == 0 {
				t.Fatalf("%q: invalid span %v", text, ph.span)
			}
			if ph.key == "" {
				t.Fatalf("%q: empty key at %v", text, ph.span)
			}
			sigil := map[phSyntax]string{phPrintf: "%", phBrace: "{", phDouble: "{{", phDollar: "${", phColon: ":"}[ph.syntax]
			if !strings.HasPrefix(text[ph.span.Start:], sigil) {
				t.Fatalf("%q: %s placeholder %q does not start with %q", text, ph.syntax, text[ph.span.Start:ph.span.End], sigil)
			}
			if ph.name.Len() > 0 && !ph.span.Contains(ph.name) {
				t.Fatalf("%q: name %v outside %v", text, ph.name, ph.span)
			}
			if ph.depth == 0 && ph.span.Start < lastEnd {
				t.Fatalf("%q: top-level placeholder at %v overlaps the one before", text, ph.span)
			}
			if ph.depth == 0 {
				lastEnd = ph.span.End
			}
			if ph.choice != nil {
				for _, s := range ph.choice.selectors {
					if !ph.span.Contains(s.span) || text[s.span.Start:s.span.End] != s.key {
						t.Fatalf("%q: selector %q at %v", text, s.key, s.span)
					}
				}
			}
		}
		for _, sp := range append(sc.escapes, sc.lone...) {
			if !sp.Valid(text) || text[sp.Start] != '%' {
				t.Fatalf("%q: percent sign span %v", text, sp)
			}
		}
	})
}
