package checks

import (
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline/langid"
)

// tagFacts is what the checks ask of a language tag once a segment: its
// base language and region, and whether it names a language at all.
// Working them out (Tag.Base, Tag.Region) costs more than many checks
// spend on a short segment, and a run has few tags, so factsOf keeps
// them.
type tagFacts struct {
	// base is the base language subtag ("en", "zh"); for an
	// undetermined tag it is Tag.Base's guess, "en" for und.
	base string
	// region is the region subtag, inferred when the tag has none
	// (Tag.Region).
	region string
	// undetermined is true when Tag.Base is at most of low confidence:
	// language.Und, whose Base only guesses English (undetermined).
	undetermined bool
	// noBase is true when Tag.Base has no confidence at all
	// (btBaseLanguage).
	noBase bool
	// scripts are the scripts the language is written in
	// (langid.ScriptsFor).
	scripts langid.Set
}

// recentTagFacts holds the facts of the first maxTagFacts tags asked
// for, searched by comparing tags, which costs less than hashing a Tag
// for a map; tagFactsMu serialises additions.
var (
	recentTagFacts atomic.Pointer[[]taggedFacts]
	tagFactsMu     sync.Mutex
)

type taggedFacts struct {
	tag   language.Tag
	facts tagFacts
}

// maxTagFacts bounds recentTagFacts; the facts of further tags are
// worked out each time.
const maxTagFacts = 16

// scriptsFor returns langid.ScriptsFor(tag), kept by factsOf.
func scriptsFor(tag language.Tag) langid.Set { return factsOf(tag).scripts }

// factsOf returns the facts of tag. Callers must not modify them.
func factsOf(tag language.Tag) *tagFacts {
	if recent := recentTagFacts.Load(); recent != nil {
		for k := range *recent {
			if (*recent)[k].tag == tag {
				return &(*recent)[k].facts
			}
		}
	}
	f := makeTagFacts(tag)
	tagFactsMu.Lock()
	defer tagFactsMu.Unlock()
	var recent []taggedFacts
	if p := recentTagFacts.Load(); p != nil {
		recent = *p
	}
	for k := range recent {
		if recent[k].tag == tag {
			return &recent[k].facts // added meanwhile
		}
	}
	if len(recent) < maxTagFacts {
		grown := append(recent[:len(recent):len(recent)], taggedFacts{tag, f})
		recentTagFacts.Store(&grown)
	}
	return &f
}

func makeTagFacts(tag language.Tag) tagFacts {
	base, conf := tag.Base()
	region, _ := tag.Region()
	return tagFacts{
		base:         base.String(),
		region:       region.String(),
		undetermined: conf <= language.Low,
		noBase:       conf == language.No,
		scripts:      langid.ScriptsFor(tag),
	}
}
