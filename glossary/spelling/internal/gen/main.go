// Command gen derives glossary/spelling/variants.tsv from the SCOWL word
// lists that Debian's "scowl" package installs under /usr/share/dict/scowl.
//
// Run it from the module root after `apt-get install -y scowl`:
//
//	go run ./glossary/spelling/internal/gen
//
// It is not needed to build or test tqa: the table it writes is committed.
//
// # What it does
//
// SCOWL splits English words by spelling: "english" words are spelled
// alike everywhere, "american", "british" (-ise) and "british_z" (Oxford,
// -ize) hold the words that are spelled differently, and the variant lists
// hold alternatives that are "almost equal" (variant_1 for American,
// british_variant_1 for British). The generator reads the lists up to size
// 70 (Debian's "large" lists) and keeps lower-case ASCII words.
//
// A profile accepts a word when it is in these lists:
//
//	en-US  english, american, variant_1
//	en-GB  english, british, british_z, british_variant_1
//	nato   english, british_z, british_variant_1
//
// For every word of the american, british and british_z lists that a
// profile does not accept, the generator looks for the spelling that the
// profile expects: a word of the profile's main lists (english plus
// american; english plus british and british_z; english plus british_z)
// that one to three of the rules below turn the word into. Fewer rules win,
// then a word of a regional list over one spelled alike everywhere; a tie
// left after that is an error to resolve in the exclusion lists. The
// British profiles accept -ize, so they never suggest turning -ize into
// -ise (SCOWL's british_z list lacks a few -ize words, such as
// virtualization).
//
// Each rule is a pair of strings, American side first, that may replace
// each other where the rule's context allows (after a vowel, before the end
// of the word ...); a pair of words is kept only when SCOWL lists both, so
// a rule proposes and the lists decide. The pairs that the rules connect
// wrongly, found by reading the whole output, are excluded with a reason
// (excludedPairs, excludedWords), and words whose spelling depends on
// their meaning are never flagged (meaningDependent). The generator fails
// when an exclusion no longer matches the lists, so the lists stay
// reviewed after an update of SCOWL.
//
// Flags: -dir (the lists' directory), -size (the largest SCOWL size read),
// -o (the table written), -review (print every row to stderr).
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// rule is a spelling difference between American and British words: us
// and gb may replace each other at a place in a word where the context
// conditions hold. The conditions look only at what precedes and follows
// the replaced text, which both spellings share, so a rule works the same
// in both directions.
type rule struct {
	us, gb, name string
	// ends, when set, lists what may follow the replaced text up to the
	// end of the word.
	ends []string
	// notEnds lists what may not follow it.
	notEnds []string
	// vowelBefore requires a vowel somewhere before the replaced text.
	vowelBefore bool
	// consonantBefore requires a consonant right before it.
	consonantBefore bool
}

// stemEnds are what may follow a word-final -er/-re: inflections and the
// second parts of the compounds that SCOWL lists.
var stemEnds = []string{"", "s", "ly", "ness", "less", "y", "ous", "ment", "ments",
	"piece", "pieces", "board", "boards", "fold", "folds", "glass", "fill",
	"goer", "goers", "ware", "wares", "wort", "worts"}

// rules are the standard American/British spelling differences, American
// side first. Each is tried in both directions.
var rules = []rule{
	// color/colour, favorite/favourite, behavior/behaviour
	{us: "or", gb: "our", name: "or/our", vowelBefore: true},
	// center/centre, theater/theatre, fiberglass/fibreglass
	{us: "er", gb: "re", name: "er/re", ends: stemEnds, vowelBefore: true, consonantBefore: true},
	// centered/centred, centering/centring, reconnoiterer/reconnoitrer
	{us: "ered", gb: "red", name: "er/re", ends: []string{""}, vowelBefore: true, consonantBefore: true},
	{us: "ering", gb: "ring", name: "er/re", ends: []string{"", "s"}, vowelBefore: true, consonantBefore: true},
	{us: "erer", gb: "rer", name: "er/re", ends: []string{"", "s"}, vowelBefore: true, consonantBefore: true},
	// defense/defence, offense/offence, license/licence (noun)
	{us: "ense", gb: "ence", name: "ense/ence", vowelBefore: true},
	// catalog/catalogue, cataloged/catalogued
	{us: "og", gb: "ogue", name: "og/ogue", ends: []string{"", "s"}, vowelBefore: true},
	{us: "og", gb: "ogu", name: "og/ogue", ends: []string{"ed", "ing", "er", "ers"}, vowelBefore: true},
	// program/programme, only for this word and its compounds
	{us: "program", gb: "programme", name: "am/amme", ends: []string{"", "s"}},
	// traveled/travelled, marvelous/marvellous, fulfill/fulfil, enrollment/enrolment
	{us: "l", gb: "ll", name: "l/ll", vowelBefore: true},
	// organize/organise, organization/organisation
	{us: "iz", gb: "is", name: "ize/ise", vowelBefore: true},
	// analyze/analyse
	{us: "yz", gb: "ys", name: "yze/yse", vowelBefore: true},
	// pediatric/paediatric, anemia/anaemia; never a word-final -ae (Latin plurals)
	{us: "e", gb: "ae", name: "e/ae", notEnds: []string{""}},
	// fetus/foetus, diarrhea/diarrhoea, maneuver/manoeuvre; never the -oes,
	// -oed, -oer, -oey of words whose stem ends in -o (veto, shoe, go)
	{us: "e", gb: "oe", name: "e/oe", notEnds: []string{"", "s", "d", "r", "y", "rs", "es"}},
	// judgment/judgement, acknowledgment/acknowledgement
	{us: "gm", gb: "gem", name: "gment/gement", vowelBefore: true},
	// mold/mould, smolder/smoulder, molt/moult
	{us: "ol", gb: "oul", name: "ol/oul"},
	// aging/ageing
	{us: "ging", gb: "geing", name: "aging/ageing", ends: []string{"", "s"}, vowelBefore: true},
	// skeptic/sceptic, mollusk/mollusc
	{us: "sk", gb: "sc", name: "sk/sc"},
}

// applies reports whether r may replace the text w[i:j].
func (r rule) applies(w string, i, j int) bool {
	rest := w[j:]
	if r.ends != nil && !slices.Contains(r.ends, rest) {
		return false
	}
	if slices.Contains(r.notEnds, rest) {
		return false
	}
	if r.vowelBefore && !strings.ContainsAny(w[:i], "aeiouy") {
		return false
	}
	if r.consonantBefore && (i == 0 || strings.IndexByte("aeiou", w[i-1]) >= 0) {
		return false
	}
	return true
}

// maxSteps is how many rule applications may separate two variants
// (colorization/colourisation takes two, maneuvered/manoeuvred two).
const maxSteps = 3

// meaningDependent are words whose spelling depends on their meaning, not
// on the variety of English: they are never flagged. SCOWL already lists
// most of them as spelled alike everywhere (program, meter) or as accepted
// in British English (dialog); the list guards the table against a change
// of the lists.
var meaningDependent = map[string]string{
	"program":  "computing sense is program in British English too",
	"programs": "computing sense is program in British English too",
	"dialog":   "computing sense (dialog box) is dialog in British English too",
	"dialogs":  "computing sense (dialog boxes) is dialogs in British English too",
	"analog":   "electronics sense is analog in much British usage",
	"meter":    "a measuring device is a meter in British English too",
	"meters":   "measuring devices are meters in British English too",
	"check":    "British cheque is only the bank order; check (verify) is common",
	"checks":   "British cheques are only bank orders; checks (verifies) is common",
	"tire":     "British tyre is only the wheel; tire (weary) is common",
	"tires":    "British tyres are only wheels; tires (wearies) is common",
	"curb":     "British kerb is only the road edge; curb (restrain) is common",
	"curbs":    "British kerbs are only road edges; curbs (restrains) is common",
	"draft":    "British draught is only air, drink or depth; a draft text is common",
	"story":    "British storey is only a floor; story (tale) is common",
	"license":  "license is the verb in British English",
	"licensed": "license is the verb in British English",
	"practice": "practice is the noun in British English",
	"disk":     "computing sense is disk in British English too",
}

// excludedWords are rare words that the rules connect to unrelated common
// ones in several steps (bael: e/ae then l/ll gives bell).
var excludedWords = map[string]string{
	"bael":  "a tree, not a spelling of bel or bell",
	"baels": "trees, not a spelling of bels or bells",
	"taels": "a currency, not a spelling of tels or tells",
}

// excludedPairs are word pairs that the rules connect but that are not
// known to be spellings of one word ("a b", in either order). Leaving a pair
// out means neither word is flagged for the other.
var excludedPairs = map[string]string{
	// Different words.
	"bel bell":           "a unit and a bell",
	"bels bells":         "units and bells",
	"bael bel":           "a tree and a unit",
	"baels bels":         "trees and units",
	"kaed ked":           "different words",
	"taels tels":         "a currency and mounds",
	"tells tels":         "a verb and mounds",
	"haem hem":           "haem is heme in American spelling; hem is another word",
	"saeta seta":         "a Spanish song and a bristle",
	"caesar cesar":       "different words",
	"ecus oecus":         "a currency and a Roman hall",
	"aerogenic erogenic": "gas-producing and erotic",
	"aerose erose":       "brassy and jagged",
	"aerugo erugo":       "not attested as variants",
	"premial proemial":   "rewarding and introductory",
	"lesses loesses":     "different words",
	"matres maters":      "a Latin plural and an English one",
	"amorist amourist":   "different words",
	"amorists amourists": "different words",
	"pandora pandoura":   "not attested as variants",
	"stentor stentour":   "a name and another word",
	"stentors stentours": "a name and another word",
	"fayer fayre":        "not attested as variants",
	"maiger maigre":      "not attested as variants",
	"venter ventre":      "an anatomical term, not a spelling variant",
	"venters ventres":    "an anatomical term, not a spelling variant",
	"attemper attempre":  "not attested as variants",
	// Artefacts of words written with a diaeresis (preëxistent).
	"preaemptor preemptor":     "a diaeresis artefact",
	"preaexistent preexistent": "a diaeresis artefact",
	"reaentrance reentrance":   "a diaeresis artefact",
	"quaestionary questionary": "not attested as variants",
	"haeredes heredes":         "Latin plurals",
	"daeva deva":               "transliterations, not spelling variants",
	// British spelling keeps -or- in Latin derivatives (rigorous, vaporous,
	// malodorous), so these -our- forms are doubtful.
	"rigorism rigourism":             "British rigorism has no u",
	"rigorist rigourist":             "British rigorist has no u",
	"malodorousness malodourousness": "British malodorous has no u",
	"vaporously vapourously":         "British vaporous has no u",
}

type lists struct {
	english, american, british, britishZ, variantUS, variantGB map[string]bool
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := flag.String("dir", "/usr/share/dict/scowl", "directory of SCOWL's final word lists")
	size := flag.Int("size", 70, "largest SCOWL size to read (10 ... 95)")
	out := flag.String("o", "glossary/spelling/variants.tsv", "table to write")
	review := flag.Bool("review", false, "print every pair with its rules to stderr, for review")
	flag.Parse()

	version, err := packageVersion()
	if err != nil {
		return err
	}
	text, n, err := generate(*dir, *size, version, *review)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d words to %s\n", n, *out)
	return nil
}

// generate returns the text of the table derived from the lists in dir up
// to size, and its number of words; review prints every row to stderr.
func generate(dir string, size int, version string, review bool) (string, int, error) {
	l, err := load(dir, size)
	if err != nil {
		return "", 0, err
	}
	dv := derive(l)
	if err := dv.check(); err != nil {
		return "", 0, err
	}
	var b strings.Builder
	writeHeader(&b, version, size, len(dv.rows))
	for _, r := range dv.rows {
		if review {
			fmt.Fprintln(os.Stderr, r.line())
		}
		b.WriteString(r.line())
		b.WriteByte('\n')
	}
	return b.String(), len(dv.rows), nil
}

// packageVersion asks dpkg which version of Debian's scowl package is
// installed, for the table's header.
func packageVersion() (string, error) {
	out, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", "scowl").Output()
	if err != nil {
		return "", fmt.Errorf("dpkg-query scowl: %w (install it with apt-get install -y scowl)", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// load reads the lists of each spelling category up to size.
func load(dir string, size int) (*lists, error) {
	read := func(category string) (map[string]bool, error) {
		files, err := filepath.Glob(filepath.Join(dir, category+"-words.*"))
		if err != nil {
			return nil, err
		}
		set := map[string]bool{}
		n := 0
		for _, f := range files {
			s, err := strconv.Atoi(strings.TrimPrefix(filepath.Ext(f), "."))
			if err != nil || s > size {
				continue
			}
			n++
			if err := readList(f, set); err != nil {
				return nil, err
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("no %s-words lists in %s", category, dir)
		}
		return set, nil
	}
	var l lists
	var err error
	for _, c := range []struct {
		name string
		dst  *map[string]bool
	}{
		{"english", &l.english},
		{"american", &l.american},
		{"british", &l.british},
		{"british_z", &l.britishZ},
		{"variant_1", &l.variantUS},
		{"british_variant_1", &l.variantGB},
	} {
		if *c.dst, err = read(c.name); err != nil {
			return nil, err
		}
	}
	return &l, nil
}

// readList adds the lower-case ASCII words of one list to set. SCOWL's
// lists are ISO-8859-1; words with other characters, capitals or
// apostrophes (possessives) are left out.
func readList(name string, set map[string]bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		w := sc.Text()
		if w == "" {
			continue
		}
		if isLowerASCII(w) {
			set[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: line %d: %w", name, line, err)
	}
	return nil
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// profile is one column of the table.
type profile struct {
	name           string
	accept, expect func(string) bool
	// keepIze: the profile accepts -ize, so it never suggests turning -iz-
	// into -is- (SCOWL's british_z list lacks a few -ize words, such as
	// virtualization, that its american list has).
	keepIze bool
}

func (l *lists) profiles() []profile {
	in := func(sets ...map[string]bool) func(string) bool {
		return func(w string) bool {
			for _, s := range sets {
				if s[w] {
					return true
				}
			}
			return false
		}
	}
	return []profile{
		{"en-US", in(l.english, l.american, l.variantUS), in(l.english, l.american), false},
		{"en-GB", in(l.english, l.british, l.britishZ, l.variantGB), in(l.english, l.british, l.britishZ), true},
		{"nato", in(l.english, l.britishZ, l.variantGB), in(l.english, l.britishZ), true},
	}
}

// row is one line of the table: a word, the spelling it belongs to, what
// each profile expects instead ("" when the profile accepts it) and the
// rules that connect them.
type row struct {
	word, variety string
	want          [3]string
	rules         []string
}

func (r row) line() string {
	cols := []string{r.word, r.variety}
	for _, w := range r.want {
		cols = append(cols, cmp.Or(w, "-"))
	}
	return strings.Join(append(cols, strings.Join(r.rules, ",")), "\t")
}

func (l *lists) variety(w string) string {
	a, b, z := l.american[w], l.british[w], l.britishZ[w]
	switch {
	case a && !b && !z:
		return "us"
	case b && z && !a:
		return "gb"
	case b && !z && !a:
		return "gb-ise"
	case z && !b && !a:
		return "gb-ize"
	case a && b && !z:
		return "us-gb-ise"
	}
	return "us-gb"
}

// derivation is the outcome of derive: the rows of the table, and what the
// generator checks before it writes them.
type derivation struct {
	rows      []row
	words     map[string]bool // the words of the regional lists
	ties      []string        // suggestions that the rules cannot rank
	usedPairs map[string]bool // the excludedPairs keys that kept a pair out
}

// derive builds the table from the lists.
func derive(l *lists) *derivation {
	words := map[string]bool{}
	for _, s := range []map[string]bool{l.american, l.british, l.britishZ} {
		for w := range s {
			words[w] = true
		}
	}
	sorted := slices.Sorted(maps.Keys(words))
	profiles := l.profiles()
	dv := &derivation{words: words, usedPairs: map[string]bool{}}
	for _, w := range sorted {
		if _, ok := excludedWords[w]; ok {
			continue
		}
		if _, ok := meaningDependent[w]; ok {
			continue
		}
		var cands []candidate
		r := row{word: w, variety: l.variety(w)}
		ruleSet := map[string]bool{}
		for i, p := range profiles {
			if p.accept(w) {
				continue
			}
			if cands == nil {
				cands = variants(w)
			}
			best := -1
			for j, c := range cands {
				if !p.expect(c.word) || dv.excludedPair(w, c.word) {
					continue
				}
				if p.keepIze && strings.Count(c.word, "iz") < strings.Count(w, "iz") {
					continue
				}
				if best < 0 {
					best = j
					continue
				}
				switch l.compare(c, cands[best]) {
				case -1:
					best = j
				case 0:
					dv.ties = append(dv.ties, fmt.Sprintf("%s under %s: %s and %s tie", w, p.name, cands[best].word, c.word))
				}
			}
			if best >= 0 {
				r.want[i] = cands[best].word
				for _, n := range cands[best].rules {
					ruleSet[n] = true
				}
			}
		}
		if r.want != [3]string{} {
			r.rules = slices.Sorted(maps.Keys(ruleSet))
			dv.rows = append(dv.rows, r)
		}
	}
	return dv
}

// check reports ties and exclusions that no longer apply to the lists, so
// that the exclusion lists stay reviewed.
func (dv *derivation) check() error {
	var errs []error
	for _, t := range dv.ties {
		errs = append(errs, fmt.Errorf("tie: %s (exclude a pair or refine a rule)", t))
	}
	for _, k := range slices.Sorted(maps.Keys(excludedPairs)) {
		if !dv.usedPairs[k] {
			errs = append(errs, fmt.Errorf("excluded pair %q: no rule connects it to a word a profile expects", k))
		}
	}
	for _, w := range slices.Sorted(maps.Keys(excludedWords)) {
		if !dv.words[w] {
			errs = append(errs, fmt.Errorf("excluded word %q: not in the american, british or british_z lists", w))
		}
	}
	return errors.Join(errs...)
}

// compare orders two suggestions, better first: fewer rules, then a word
// that SCOWL lists as a regional spelling before a word that is spelled
// alike everywhere (centering: centring before centreing).
func (l *lists) compare(a, b candidate) int {
	if c := cmp.Compare(a.steps, b.steps); c != 0 {
		return c
	}
	regional := func(w string) int {
		if l.american[w] || l.british[w] || l.britishZ[w] {
			return 0
		}
		return 1
	}
	return cmp.Compare(regional(a.word), regional(b.word))
}

// excludedPair reports whether a and b are excluded as a pair, and
// records the use so that stale exclusions are reported.
func (dv *derivation) excludedPair(a, b string) bool {
	for _, k := range []string{a + " " + b, b + " " + a} {
		if _, ok := excludedPairs[k]; ok {
			dv.usedPairs[k] = true
			return true
		}
	}
	return false
}

// candidate is a string that rules turn a word into.
type candidate struct {
	word  string
	steps int
	rules []string
}

// variants returns every string that up to maxSteps rule applications turn
// w into, each with the fewest steps that reach it.
func variants(w string) []candidate {
	seen := map[string]int{w: 0}
	frontier := []candidate{{word: w}}
	var out []candidate
	for step := 1; step <= maxSteps; step++ {
		var next []candidate
		for _, c := range frontier {
			for _, r := range rules {
				for _, pair := range [2][2]string{{r.us, r.gb}, {r.gb, r.us}} {
					from, to := pair[0], pair[1]
					for i := 0; ; {
						j := strings.Index(c.word[i:], from)
						if j < 0 {
							break
						}
						j += i
						i = j + 1
						if !r.applies(c.word, j, j+len(from)) {
							continue
						}
						v := c.word[:j] + to + c.word[j+len(from):]
						if _, ok := seen[v]; ok {
							continue
						}
						seen[v] = step
						nc := candidate{word: v, steps: step, rules: append(slices.Clone(c.rules), r.name)}
						next = append(next, nc)
						out = append(out, nc)
					}
				}
			}
		}
		frontier = next
	}
	return out
}

func writeHeader(b *strings.Builder, version string, size, n int) {
	p := func(format string, args ...any) {
		if format == "" {
			b.WriteString("#\n")
			return
		}
		fmt.Fprintf(b, "# "+format+"\n", args...)
	}
	p("American, British and Oxford spellings of English words, for the spelling profiles.")
	p("")
	p("Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, as Debian's")
	p("package scowl %s installs it under /usr/share/dict/scowl: the lists", version)
	p("english-, american-, british-, british_z-, variant_1- and british_variant_1-words")
	p("up to size %d, lower-case ASCII words only.", size)
	p("Regenerate: apt-get install -y scowl && go run ./glossary/spelling/internal/gen")
	p("(glossary/spelling/internal/gen/main.go documents the method, the rules and the")
	p("exclusions with their reasons).")
	p("")
	p("A profile accepts a word in its lists (en-US: english, american, variant_1;")
	p("en-GB: english, british, british_z, british_variant_1; nato: english, british_z,")
	p("british_variant_1). For a word it does not accept, the column gives the word of")
	p("its main lists that the fewest rules turn it into; \"-\" means accepted.")
	for _, line := range wrap("Rules (American/British): "+ruleNames()+".", 80) {
		p("%s", line)
	}
	p("")
	p("Columns: word, variety (us: american only; gb: british and british_z; gb-ise:")
	p("british only; gb-ize: british_z only; us-gb-ise: american and british, not")
	p("british_z), en-US, en-GB, nato, rules. %d words.", n)
	p("")
	p("SCOWL's notice: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy,")
	p("modify, distribute and sell these word lists, the associated scripts, the output")
	p("created from the scripts, and its documentation for any purpose is hereby granted")
	p("without fee, provided that the above copyright notice appears in all copies and")
	p("that both that copyright notice and this permission notice appear in supporting")
	p("documentation. Kevin Atkinson makes no representations about the suitability of")
	p("this array for any purpose. It is provided \"as is\" without express or implied")
	p("warranty. (The other notices of its sources are in Debian's")
	p("/usr/share/doc/scowl/copyright.)")
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

func ruleNames() string {
	var names []string
	for _, r := range rules {
		if !slices.Contains(names, r.name) {
			names = append(names, r.name)
		}
	}
	return strings.Join(names, ", ")
}
