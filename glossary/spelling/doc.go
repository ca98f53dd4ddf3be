// Package spelling knows how American, British and Oxford English spell
// the words they spell differently, and checks words against a spelling
// profile.
//
// # Profiles
//
// A Profile is the spelling convention that a text follows:
//
//   - nato: British spelling with the -ize suffix (Oxford spelling), the
//     convention of NATO's English texts: defence, centre, programme,
//     labour, travelled, catalogue and analyse, but organization and
//     recognize, as in "North Atlantic Treaty Organization". NATO's
//     terminology methodology names the Oxford English Dictionary as the
//     reference dictionary for English (as the glossary methodology of
//     the NATO-accredited Climate Change and Security Centre of Excellence
//     quotes it), and Oxford spelling is that dictionary's. NATO's own
//     pages are not consistent about -ize: its topic page on the NATO
//     Defence Planning Process writes "recognizing" and "harmonized",
//     while its topic page on Centres of Excellence writes "organisations"
//     and "recognised"; a text that follows British -ise spelling is
//     better checked with en-GB.
//   - en-GB: British spelling; both -ise and -ize are accepted.
//   - en-US: American spelling.
//   - off: no spelling is checked.
//
// Profile.Suggest tells whether a word breaks a profile and what the
// profile expects instead; Words splits a text into words, so that a
// caller can check a whole text without allocating per word, and
// Profile.Flagged yields only the words of a text that a profile flags,
// in one pass that turns most words away on their length and end letters
// before any look-up.
//
// # Data
//
// The spellings come from SCOWL (Spell Checker Oriented Word Lists) by
// Kevin Atkinson, as Debian's scowl package ships it. SCOWL lists the words
// that American, British (-ise) and Oxford (British -ize, "british_z")
// spelling have in common and, apart, those they spell their own way. The
// generator in internal/gen pairs the words of the regional lists through
// the standard spelling differences (or/our, er/re, ense/ence, og/ogue,
// program/programme, l/ll, ize/ise, yze/yse, e/ae, e/oe, gment/gement,
// ol/oul, sk/sc), keeps the pairs whose both words SCOWL lists, leaves out
// pairs that are different words or whose spelling depends on the meaning
// (a meter that measures, a computer program, check and cheque), and writes
// variants.tsv, which this package embeds. Only whole words of the lists
// are known, with the inflected forms that SCOWL lists (centres, centred,
// centring), and possessives of them (centre's). Beside it, variants.slots
// is the table's hash table (with a filter of hash bits and the shapes of
// its words: lengths and end letters), generated from variants.tsv by go generate
// (TestVariantSlots fails while it is stale), so that no run builds one.
//
// A profile accepts the words of its SCOWL lists, including the variants
// that SCOWL rates "almost equal" (American catalogue and judgment, British
// judgment and aging), and flags only a word that another variety spells
// that way and that it spells differently.
//
// To regenerate the table: apt-get install -y scowl, then, at the module
// root, go run ./glossary/spelling/internal/gen and go generate
// ./glossary/spelling.
package spelling
