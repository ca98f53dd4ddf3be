package glossary

import "unicode"

// defaultCaseSensitive is the case sensitivity of a term whose glossary
// does not give it: acronyms, and terms with a word written with two or
// more capitals (NATO, SHAPE, SACEUR, NATO's, McDonald), match only with
// their exact case, because such words are often also ordinary words in
// lower case (shape, act). Other terms match in any case.
func defaultCaseSensitive(text string, t TermType) bool {
	if t == Acronym {
		return true
	}
	capitals := 0
	for _, r := range text {
		switch {
		case unicode.IsUpper(r):
			capitals++
			if capitals >= 2 {
				return true
			}
		case !unicode.IsLetter(r):
			capitals = 0
		}
	}
	return false
}
