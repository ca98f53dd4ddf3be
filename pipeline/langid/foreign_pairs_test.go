package langid

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/golden"
)

// libreOfficeHelpEnv names the directory into which Debian's
// libreoffice-help-<code> packages were unpacked (dpkg-deb -x), the
// source of foreign_pairs_<code>.bin (foreign_pairs.md).
const libreOfficeHelpEnv = "TQA_LIBREOFFICE_HELP"

// foreignPairCodes are the languages of foreign_pairs_<code>.bin and their
// folders under usr/share/libreoffice/help.
var foreignPairCodes = map[language.Tag]string{
	language.German: "de", language.Spanish: "es", language.French: "fr",
	language.Italian: "it", language.Dutch: "nl", language.Portuguese: "pt",
}

var (
	// helpCode is what a help page holds besides text.
	helpCode = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)>`)
	// helpBlock is a tag that starts or ends a paragraph.
	helpBlock = regexp.MustCompile(`(?i)</?(p|h[1-6]|li|ul|ol|td|th|tr|table|div|br|header|footer|nav)\b[^>]*>`)
	helpTag   = regexp.MustCompile(`(?s)<[^>]*>`)
)

// helpParagraphs returns the paragraphs of the HTML help pages under dir,
// in the order of their paths: the text between block tags (line breaks
// of the source do not end a paragraph), with the
// entities resolved and white space collapsed, where it has at least four
// words (headings, menu entries and table cells of one word or a few are
// left out).
func helpParagraphs(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := helpCode.ReplaceAllString(string(page), " ")
		text = strings.NewReplacer("\n", " ", "\r", " ").Replace(text)
		text = helpBlock.ReplaceAllString(text, "\n")
		text = html.UnescapeString(helpTag.ReplaceAllString(text, " "))
		for _, line := range strings.Split(text, "\n") {
			if f := strings.Fields(line); len(f) >= 4 {
				out = append(out, strings.Join(f, " "))
			}
		}
		return nil
	})
	return out, err
}

// translatedParagraphs returns the paragraphs of paras that are not also
// paragraphs of english: the help pages of a language keep the English
// text of what was not translated, and code and names that need none
// (Basic macros, "Excel 2.1, Excel 3.0"), which would make English words
// look at home in the language.
func translatedParagraphs(paras, english []string) []string {
	seen := make(map[string]bool, len(english))
	for _, p := range english {
		seen[p] = true
	}
	var out []string
	for _, p := range paras {
		if !seen[p] {
			out = append(out, p)
		}
	}
	return out
}

// TestForeignPairs checks that foreign_pairs_<code>.bin hold the counts of
// the LibreOffice help pages unpacked under $TQA_LIBREOFFICE_HELP, less the
// paragraphs that the English help pages (en-US) have too, and with
// -update (or go generate) rewrites them. It skips when the variable is
// not set.
func TestForeignPairs(t *testing.T) {
	root := os.Getenv(libreOfficeHelpEnv)
	if root == "" {
		t.Skip(libreOfficeHelpEnv + " not set (foreign_pairs.md)")
	}
	help := func(code string) (string, []string) {
		dir := filepath.Join(root, "usr", "share", "libreoffice", "help", code, "text")
		paras, err := helpParagraphs(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if len(paras) == 0 {
			t.Fatalf("%s: no help pages", dir)
		}
		return dir, paras
	}
	_, english := help("en-US")
	for tag, code := range foreignPairCodes {
		dir, paras := help(code)
		data, err := encodeWordPairs(translatedParagraphs(paras, english), foreignPairMagic)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		name := "foreign_pairs_" + code + ".bin"
		golden.Check(t, name, data)
		if !golden.Update() && !bytes.Equal(data, *embeddedForeignPairs[tag]) {
			t.Errorf("%s differs from the counts of %s: go generate ./pipeline/langid", name, dir)
		}
	}
}

// TestTranslatedParagraphs checks that paragraphs the English pages have
// too are left out, and only they.
func TestTranslatedParagraphs(t *testing.T) {
	got := translatedParagraphs(
		[]string{"Ouvre une boîte de dialogue.", "Help content debug info:", "sMsg = sMsg & sLine", "Cliquez sur OK."},
		[]string{"Opens a dialog.", "Help content debug info:", "sMsg = sMsg & sLine"})
	want := []string{"Ouvre une boîte de dialogue.", "Cliquez sur OK."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("translatedParagraphs = %q, want %q", got, want)
	}
}

// TestHelpParagraphs checks the text taken from a help page.
func TestHelpParagraphs(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html><head><title>Barre Rechercher</title><script>var x = "a b c d";</script></head>
<body><header><p>Aide LibreOffice 7.4</p></header>
<h1>Barre Rechercher</h1><p id="par">Affiche ou masque la <span class="emph">barre d'outils</span>
Rechercher&nbsp;: chercher un texte.</p><ul><li>Ouvre une boîte de dialogue.</li></ul><td>Non</td></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := helpParagraphs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Affiche ou masque la barre d'outils Rechercher : chercher un texte.",
		"Ouvre une boîte de dialogue.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("helpParagraphs = %q, want %q", got, want)
	}
}

// TestForeignPairTables checks that every table decodes and that its
// counts say what the language plainly does: its own frequent pairs fit,
// English pairs and a word repeated do not.
func TestForeignPairTables(t *testing.T) {
	tests := []struct {
		tag         language.Tag
		fits, odd   [2]string
		frequent    string
		minPerMille int
	}{
		{language.French, [2]string{"de", "la"}, [2]string{"la", "de"}, "de", 20},
		{language.German, [2]string{"in", "der"}, [2]string{"der", "die"}, "die", 10},
		{language.Spanish, [2]string{"de", "la"}, [2]string{"la", "de"}, "de", 20},
		{language.Italian, [2]string{"della", "finestra"}, [2]string{"il", "la"}, "di", 10},
		{language.Dutch, [2]string{"in", "het"}, [2]string{"de", "het"}, "de", 10},
		{language.Portuguese, [2]string{"de", "texto"}, [2]string{"o", "a"}, "de", 20},
	}
	for _, tt := range tests {
		c := foreignPairs(tt.tag)
		if c == nil {
			t.Errorf("no word pairs of %s", tt.tag)
			continue
		}
		if got := pairPMI(c, tt.fits[0], tt.fits[1], englishPMISmooth); got <= 0 {
			t.Errorf("%s: pairPMI(%q, %q) = %.2f, want > 0", tt.tag, tt.fits[0], tt.fits[1], got)
		}
		if got := pairPMI(c, tt.odd[0], tt.odd[1], englishPMISmooth); got >= 0 {
			t.Errorf("%s: pairPMI(%q, %q) = %.2f, want < 0", tt.tag, tt.odd[0], tt.odd[1], got)
		}
		if got := 1000 * c.count(tt.frequent) / c.words; got < tt.minPerMille {
			t.Errorf("%s: %q is %d per mille of the words, want at least %d", tt.tag, tt.frequent, got, tt.minPerMille)
		}
	}
	if foreignPairs(language.English) != nil || foreignPairs(language.Chinese) != nil {
		t.Error("word pairs of English or Chinese, want none")
	}
}

// TestWordCountLLR checks the sign of wordCountLLR on words that are
// plainly more frequent in one of the two languages.
func TestWordCountLLR(t *testing.T) {
	tests := []struct {
		tag      language.Tag
		word     string
		positive bool
	}{
		{language.German, "die", true},
		{language.German, "hat", true},
		{language.French, "la", true},
		{language.Spanish, "sin", true},
		{language.French, "the", false},
		{language.German, "you", false},
	}
	for _, tt := range tests {
		if got := wordCountLLR(tt.tag, tt.word); (got > 0) != tt.positive {
			t.Errorf("wordCountLLR(%s, %q) = %.2f, want positive %v", tt.tag, tt.word, got, tt.positive)
		}
	}
	if got := wordCountLLR(language.Chinese, "la"); got != 0 {
		t.Errorf("wordCountLLR(zh, la) = %v, want 0", got)
	}
}
