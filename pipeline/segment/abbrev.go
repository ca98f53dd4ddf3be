package segment

// The word lists below are tqa's own, written for English news and
// policy prose such as the NATO articles in corpus/samples; they are not
// taken from another project. Each entry is written as it appears before
// its full stop, case-sensitive.

// prefixAbbreviations stand before a name, a number or another word and
// so never end a sentence: titles and ranks, "No. 5", "Art. 5", months
// before a day, and Latin abbreviations that introduce what follows.
var prefixAbbreviations = set(
	// titles and ranks
	"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Pres",
	"Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt",
	"Amb", "Hon", "Rev", "Fr", "St", "Mt", "Ft",
	// numbers and references
	"No", "Nos", "Art", "Arts", "Sec", "Ch", "Fig", "Vol", "vol",
	"p", "pp", "para", "cf", "approx", "ca",
	// months
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	// Latin and other connectors
	"e.g", "i.e", "vs", "v", "viz",
)

// closingAbbreviations often end a sentence as well as stand inside one;
// like initialisms, they end a sentence only before a sentence starter.
var closingAbbreviations = set(
	"etc", "al", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "Esq", "Ph.D",
)

// sentenceStarters are English function words (articles, pronouns,
// determiners, conjunctions, prepositions and sentence adverbs) that
// commonly open a sentence and rarely follow an initialism inside one
// ("the U.S. Department", "J. Smith" are followed by names).
var sentenceStarters = set(
	"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He",
	"She", "They", "We", "I", "You", "There", "Here", "His", "Her", "Their",
	"Our", "My", "Your", "What", "Why", "How", "Who", "Where", "When",
	"Which", "While", "If", "But", "And", "Or", "So", "Yet", "Nor", "In",
	"On", "At", "For", "From", "With", "By", "As", "After", "Before",
	"Although", "Though", "Because", "Since", "Such", "Some", "Many", "Most",
	"Both", "Each", "Every", "All", "None", "No", "Not", "Only", "Even",
	"Also", "However", "Thus", "Hence", "Then", "Still", "Instead",
	"Meanwhile", "Moreover", "Furthermore", "Nevertheless", "Nonetheless",
	"Indeed", "Yes", "Now", "Today",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
