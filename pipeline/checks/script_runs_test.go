package checks

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TestScanTargets checks that scriptRuns gives each target the runs
// langid.Scan finds in it, and nil for a target without any or in ASCII
// only, whatever the number of runs of the targets before it.
func TestScanTargets(t *testing.T) {
	targets := []string{"", "NATO 北约", "   ", "Hello", "北约（NATO）成立于1949年。Москва", "", "a", "かなカナ漢字 and Latin", "That’s it."}
	var segs []pipeline.Segment
	for range 400 { // runs for more than one chunk
		for _, text := range targets {
			segs = append(segs, pipeline.Segment{Target: text})
		}
	}
	for range 3 * refsBlockLen { // blocks of ASCII targets only
		segs = append(segs, pipeline.Segment{Target: "Hello."})
	}
	segs = append(segs, pipeline.Segment{Target: "北约"})
	sr := scanTargets(segs)
	for i := range segs {
		var want []langid.Run
		if !asciiText(segs[i].Target) {
			want = langid.Runs(segs[i].Target)
		}
		got := sr.of(i)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("runs of target %d %q = %v, want %v", i, segs[i].Target, got, want)
		}
		if cap(got) != len(got) {
			t.Fatalf("runs of target %d have room for %d: appending to them would overwrite the next target's", i, cap(got))
		}
	}
}

// TestScriptRunsASCII checks on the seeds of FuzzScriptRunsASCII what
// lets scanTargets leave out the runs of ASCII targets (scriptRuns.of).
func TestScriptRunsASCII(t *testing.T) {
	for _, s := range scriptRunsASCIISeeds {
		checkScriptRunsASCII(t, s[0], s[1])
	}
}

var scriptRunsASCIISeeds = [][2]string{
	{"Hello, world.", "你好，世界。"},
	{"NATO", "NATO"},
	{"Open the file now", "Open the file now!"},
	{"", "北约"},
	{"\x00\x7f 12 <b>x</b>", ""},
	{"  ", "x"},
}

// FuzzScriptRunsASCII checks what lets scanTargets leave out the runs of
// a target in ASCII only: they are all Latin or Common runs, which
// classifyRuns finds native whatever the target language, and
// judgeUntranslated judges such a target with them as without them. The
// fuzzed target is made ASCII by clearing the high bit of each byte.
func FuzzScriptRunsASCII(f *testing.F) {
	for _, s := range scriptRunsASCIISeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, target, source string) {
		b := []byte(target)
		for i := range b {
			b[i] &= 0x7f
		}
		checkScriptRunsASCII(t, string(b), source)
	})
}

func checkScriptRunsASCII(t *testing.T, target, source string) {
	t.Helper()
	if !asciiText(target) {
		t.Fatalf("asciiText(%q) = false", target)
	}
	runs := langid.Runs(target)
	for _, r := range runs {
		if r.Script != langid.Latin && r.Script != langid.Common {
			t.Fatalf("run %v of ASCII text %q", r, target)
		}
	}
	tags := []language.Tag{language.English, language.Chinese, language.Russian, language.Japanese, language.Greek, language.Und}
	for _, tl := range tags {
		native := scriptsFor(tl)
		for k, kind := range classifyRuns(target, runs, native, native.Has(langid.Latin), nil) {
			if kind != runNative {
				t.Fatalf("target %q in %v: run %v is %v, not native", target, tl, runs[k], kind)
			}
		}
		if hasFromU3000(target) {
			t.Fatalf("hasFromU3000(%q) = true", target)
		}
		for _, sl := range tags {
			seg := &pipeline.Segment{Source: source, Target: target, SourceLang: sl, TargetLang: tl}
			if with, without := judgeUntranslated(seg, runs), judgeUntranslated(seg, nil); with != without {
				t.Fatalf("judgeUntranslated(%q -> %q, %v -> %v) = %v with the runs, %v without", source, target, sl, tl, with, without)
			}
		}
	}
}
