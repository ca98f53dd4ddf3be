package segment

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"only space", " \n\t\u3000", nil},
		{"one", "That would be a mistake.", []string{"That would be a mistake."}},
		{"no terminal", "US is酝酿 Leaving NATO", []string{"US is酝酿 Leaving NATO"}},
		{"spaces trimmed", "  One.  Two.  ", []string{"One.", "Two."}},
		{"question and exclamation", "Is it? Yes! No.", []string{"Is it?", "Yes!", "No."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"title abbreviation", "Mr. Trump spoke. Dr. Smith left.", []string{"Mr. Trump spoke.", "Dr. Smith left."}},
		{"rank abbreviations", "Gen. Lee met Sen. Mike Lee and Lt. Col. Adm. Jones.", []string{"Gen. Lee met Sen. Mike Lee and Lt. Col. Adm. Jones."}},
		{"article abbreviation", "See Art. 5 and No. 3 of the treaty. It binds.", []string{"See Art. 5 and No. 3 of the treaty.", "It binds."}},
		{"month", "Signed on Apr. 4, 1949 in Washington. It held.", []string{"Signed on Apr. 4, 1949 in Washington.", "It held."}},
		{"latin", "Allies, e.g. France, and others, i.e. Germany, agreed.", []string{"Allies, e.g. France, and others, i.e. Germany, agreed."}},
		{"versus", "Europe vs. America. Then peace.", []string{"Europe vs. America.", "Then peace."}},
		{"us lowercase next", "An unusual trend has emerged in U.S. political discourse: criticism.",
			[]string{"An unusual trend has emerged in U.S. political discourse: criticism."}},
		{"us proper noun next", "Some U.S. Department of Defense officials told Politico so.",
			[]string{"Some U.S. Department of Defense officials told Politico so."}},
		{"us ends sentence", "Trump wants to withdraw from the U.S. The next step is unclear.",
			[]string{"Trump wants to withdraw from the U.S.", "The next step is unclear."}},
		{"us before number", "Troops left the U.S. 200 stayed.", []string{"Troops left the U.S. 200 stayed."}},
		{"other initialisms", "The U.K. and the E.U. met at the U.N. in Washington D.C. It rained.",
			[]string{"The U.K. and the E.U. met at the U.N. in Washington D.C.", "It rained."}},
		{"initial", "A letter from J. Smith arrived.", []string{"A letter from J. Smith arrived."}},
		{"initial ends sentence", "He served in World War I. After that he retired.",
			[]string{"He served in World War I.", "After that he retired."}},
		{"etc inside", "Tanks, planes, etc. were sent.", []string{"Tanks, planes, etc. were sent."}},
		{"etc ends", "Tanks, planes, etc. The list is long.", []string{"Tanks, planes, etc.", "The list is long."}},
		{"time", "We met at 5 p.m. Eastern time. It was late.", []string{"We met at 5 p.m. Eastern time.", "It was late."}},
		{"decimal", "Spending rose 3.5 percent. It was 2.1 before.", []string{"Spending rose 3.5 percent.", "It was 2.1 before."}},
		{"domain", "Original: toutiao.com/article/7600286426932199955/ Statement: views.",
			[]string{"Original: toutiao.com/article/7600286426932199955/ Statement: views."}},
		{"ellipsis lower", "Well... maybe not. Or… yes.", []string{"Well... maybe not.", "Or… yes."}},
		{"ellipsis upper", "Wait... The end.", []string{"Wait...", "The end."}},
		{"quote after period", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"curly quote after question", "“Why?” he asked. “Because.”", []string{"“Why?” he asked.", "“Because.”"}},
		{"exclamation then lower", "“Stop!” she said.", []string{"“Stop!” she said."}},
		{"parenthesis", "(This is closed.) Next one.", []string{"(This is closed.)", "Next one."}},
		{"list number", "1. The first point. 2. The second.", []string{"1. The first point.", "2. The second."}},
		{"year ends sentence", "The war ended in 1945. Peace followed.", []string{"The war ended in 1945.", "Peace followed."}},
		{"lowercase after full stop", "It works. and then", []string{"It works. and then"}},
		{"cjk", "我们反对战争。战争并非不可避免！真的吗？", []string{"我们反对战争。", "战争并非不可避免！", "真的吗？"}},
		{"cjk closing quote", "他说：“我们反对战争。”然后走了。", []string{"他说：“我们反对战争。”", "然后走了。"}},
		{"cjk ellipsis", "他犹豫了……然后走了。", []string{"他犹豫了……", "然后走了。"}},
		{"cjk with ascii question", "真的吗?是的。", []string{"真的吗?", "是的。"}},
		{"fullwidth decimal", "增长了３．５个百分点。", []string{"增长了３．５个百分点。"}},
		{"mixed", "US is酝酿 Leaving NATO. 美国酝酿退出北约。", []string{"US is酝酿 Leaving NATO.", "美国酝酿退出北约。"}},
		{"line break inside", "a wrapped\nsentence. Next", []string{"a wrapped\nsentence.", "Next"}},
		{"blank line ends", "Heading\n\nBody text.", []string{"Heading", "Body text."}},
		{"crlf blank line", "Heading\r\n\r\nBody text.", []string{"Heading", "Body text."}},
		{"possessive after abbreviation", "Mr. Trump’s insistence grew. It showed.", []string{"Mr. Trump’s insistence grew.", "It showed."}},
		{"trailing closer only", "Done.)", []string{"Done.)"}},
		{"ph.d", "She holds a Ph.D. The thesis was long.", []string{"She holds a Ph.D.", "The thesis was long."}},
		{"et al", "Freitag et al. The study.", []string{"Freitag et al.", "The study."}},
		{"non-ascii word before period", "Er wohnt in München. Das ist schön.", []string{"Er wohnt in München.", "Das ist schön."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkInvariants(t, tt.text, Sentences(tt.text))
		})
	}
}

// TestSeedSentences checks the tricky places of the two seed articles,
// which hold one paragraph a line.
func TestSeedSentences(t *testing.T) {
	tests := []struct {
		file string
		want []string // sentences that must come out whole
	}{
		{"000_0c19f8692f25b57c.txt", []string{
			"That would be a mistake.",
			"NATO was built in 1949 on a simple but demanding premise: security is indivisible.",
			"Mr Trump’s insistence that allies should automatically align with American military actions reveals a transactional view of alliances that sits uneasily with NATO’s consultative design.",
			"The United States accounts for the majority of the alliance’s defence spending and provides capabilities ~ strategic lift, intelligence, advanced weapons systems ~ that others cannot easily replicate.",
		}},
		{"001_b2d8e521503d7cce.txt", []string{
			"US is酝酿 Leaving NATO",
			"Since mid-2025, an unusual trend has emerged in U.S. political discourse: criticism of the North Atlantic Treaty Organization (NATO) is no longer limited to traditional debates about defense spending, but has evolved into a serious discussion on whether the U.S. should continue participating in NATO.",
			"Some U.S. Department of Defense officials told Politico that the current U.S. defense strategy lacks foresight, focusing too much on external threats while deviating from actual national security needs.",
			"This statement can be interpreted as a diplomatic \"mild criticism\": although it does not directly attack NATO, it is a clear signal that the current model of NATO urgently needs a thorough reform.",
			"Critics point out that negotiations regarding the Ukraine issue have always been postponed under the excuse of \"unfavorable timing,\" and any attempt at compromise is labeled as \"encouraging aggression.\"",
			"Original: toutiao.com/article/7600286426932199955/",
		}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile("../../corpus/samples/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			for _, s := range Sentences(line) {
				got[line[s.Start:s.End]] = true
			}
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%s: sentence not found whole: %q", tt.file, w)
			}
		}
		checkInvariants(t, string(data), Sentences(string(data)))
	}
}
