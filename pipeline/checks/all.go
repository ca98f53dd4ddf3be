package checks

import "github.com/tqa-project/tqa/pipeline"

// All returns every check in tqa, in the order they are documented. This
// is the only registry: a check not listed here does not run.
func All() []*pipeline.Check {
	return []*pipeline.Check{
		MixedScript,
		Pinyin,
		CJKPunctuation,
		DashSubstitute,
		TermDeprecated,
		TermConsistency,
		SpellingProfile,
		EmptyTarget,
		UntranslatedSegment,
		SourceCopiedFragment,
		WrongLanguage,
		ForeignFragment,
		Numbers,
		Placeholders,
		InlineTags,
		URLsEmails,
		BracketsQuotes,
		Whitespace,
		RepeatedWord,
		LengthRatio,
		TermBilingual,
		RepetitionLoop,
		Truncated,
		LengthOutlier,
		UnrelatedOutput,
		OfficialName,
	}
}

// ByName returns the check called name.
func ByName(name string) (*pipeline.Check, bool) {
	for _, c := range All() {
		if c.Name == name {
			return c, true
		}
	}
	return nil, false
}
