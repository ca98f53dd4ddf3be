package checks

import (
	"testing"

	"golang.org/x/text/language"
)

// TestLastTag checks lastTag against the functions it remembers, on a
// sequence of tags that repeat and alternate.
func TestLastTag(t *testing.T) {
	tags := []language.Tag{language.Und, language.English, language.English, language.AmericanEnglish,
		language.MustParse("fr-CA"), language.French, language.French, language.Chinese, language.English, language.Und,
		language.MustParse("en-Latn-GB"), language.MustParse("zh-Hant"), language.MustParse("en-Latn-GB")}
	english := lastTag[bool]{of: englishTarget}
	pinyinTarget := lastTag[bool]{of: pinyinTargetLanguage}
	ws := lastTag[wsLanguage]{of: wsLanguageOf}
	for _, tag := range tags {
		if got, want := english.get(tag), englishTarget(tag); got != want {
			t.Errorf("englishTarget(%v) = %v, remembered %v", tag, want, got)
		}
		if got, want := pinyinTarget.get(tag), pinyinTargetLanguage(tag); got != want {
			t.Errorf("pinyinTargetLanguage(%v) = %v, remembered %v", tag, want, got)
		}
		if got, want := ws.get(tag), wsLanguageOf(tag); got != want {
			t.Errorf("wsLanguageOf(%v) = %+v, remembered %+v", tag, want, got)
		}
	}
}
