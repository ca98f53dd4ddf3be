package langid

import (
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
)

// baseInfo is what BaseOf tells of one tag.
type baseInfo struct {
	base language.Tag
	conf language.Confidence
}

// baseCache maps a tag to its base language, copied on write: the checks
// ask about the same few tags for every segment, and Tag.Base with
// language.Make costs about a microsecond, as much as classifying several
// words.
var (
	baseCache   atomic.Pointer[map[language.Tag]baseInfo]
	baseCacheMu sync.Mutex
)

// BaseOf returns the base language of tag as a tag of its own ("en" for
// "en-GB") and how sure golang.org/x/text/language is of it
// (language.No or language.Low for an undetermined tag such as "und").
// Results are cached, so it is cheap to call once per segment or word.
func BaseOf(tag language.Tag) (language.Tag, language.Confidence) {
	if m := baseCache.Load(); m != nil {
		if b, ok := (*m)[tag]; ok {
			return b.base, b.conf
		}
	}
	b, conf := tag.Base()
	info := baseInfo{base: language.Make(b.String()), conf: conf}
	baseCacheMu.Lock()
	defer baseCacheMu.Unlock()
	old := baseCache.Load()
	next := make(map[language.Tag]baseInfo, 8)
	if old != nil {
		if len(*old) >= 256 {
			// an unusual number of distinct tags: start afresh rather than grow
			old = nil
		} else {
			for k, v := range *old {
				next[k] = v
			}
		}
	}
	next[tag] = info
	baseCache.Store(&next)
	return info.base, info.conf
}
