// Package align aligns the sentences of a text with the sentences of its
// translation, in the manner of Gale and Church (1993), "A Program for
// Aligning Sentences in Bilingual Corpora", Computational Linguistics
// 19(1), 75-102.
//
// # Beads
//
// An alignment is a sequence of beads. A bead joins consecutive sentences
// of the source with the consecutive sentences of the target that
// translate them: 1-1 (one sentence each), 2-1 and 1-2 (a translator
// joined or split sentences), 2-2, and 1-0 or 0-1 (a sentence with no
// counterpart: an omission or an addition). Align returns the beads in
// order; together they cover every sentence of both texts exactly once.
//
//	src: [北约成立于1949年。] [它的总部设在布鲁塞尔，目前有三十二个成员国。]
//	tgt: [NATO was founded in 1949.] [Its headquarters are in Brussels.] [It currently has thirty-two member states.]
//	beads: [0]↔[0]  [1]↔[1 2]
//
// # The length model
//
// Gale and Church observed that a sentence and its translation have
// lengths in proportion: a long sentence has a long translation. Let ls be
// the length of the source side of a bead and lt that of the target side.
// They model
//
//	δ = (c·ls − lt) / sqrt(s2 · (ls + lt/c)/2)
//
// as standard normal, where c is the expected target length per unit of
// source length and s2 the variance of the difference per unit of length.
// A bead's cost is −ln of its probability:
//
//	cost = −ln P(bead type) − ln P(|Z| ≥ |δ|)
//
// and the alignment is the sequence of beads of least total cost, found by
// dynamic programming: C(i, j), the cost of aligning the first i source
// and j target sentences, is the least C(i−a, j−b) + cost(bead of the
// sentences between), over the six bead types (a, b).
//
// The prior probabilities of the bead types are the paper's (Table 5,
// counted on hand-aligned Union Bank of Switzerland reports): 1-1 0.89,
// 1-0 or 0-1 0.0099, 2-1 or 1-2 0.089, 2-2 0.011. As in the program of the
// paper's appendix, a category's probability is charged to each of its two
// types.
//
// # Lengths of Chinese, Japanese and Korean
//
// Gale and Church counted characters, which works between European
// languages: c = 1 and s2 = 6.8 (their values, used here for pairs without
// a CJK language). A Chinese character carries far more than an English
// letter, so Align counts a Han, Hiragana, Katakana or Hangul character as
// cjkWeight = 3.905 other characters, and uses s2 = cjkVariance = 5.103
// when either side is Chinese, Japanese or Korean (by its language tag or,
// with language.Und, by its text). White space is not counted. Both values
// were fitted on 4,000 professional translations of WMT20 Chinese news
// (see model.go and bench/README.md for how); Japanese and Korean use them
// unfitted.
//
// # Where Align departs from the paper
//
//   - c is re-estimated for each pair of texts: Align aligns once with c = 1,
//     takes c from the 1-1 beads of that alignment (the ratio of their
//     total lengths, each plus 300 characters, so that a short text keeps
//     c near 1) and aligns again. The ratio depends on the register: under
//     the news fit, Tatoeba's everyday sentences have c = 0.74.
//   - s2 is fitted at the 99th percentile of the observed differences, not
//     at their median: real length differences have a heavier tail than
//     the normal, and that tail is where 1-1 beads compete with merges.
//   - A 1-0 or 0-1 bead costs its prior alone. The paper's program also
//     charges it the length cost of δ with lt = 0, which for any sentence
//     of ordinary length exceeds the cost of joining it to a neighbour in
//     a 2-1 bead, so that omissions are never found as such.
//   - Anchors (below) add a term to the cost.
//   - The programme fills a band around the diagonal (below), not the
//     whole matrix.
//
// # Anchors
//
// With Options.Anchors, a bead's cost falls by 2 nats for every anchor its
// two sides share and rises by 0.5 nats for every strong anchor one side
// has and the other lacks. Anchors are:
//
//   - numbers in Arabic digits, ASCII or fullwidth, compared without
//     thousands separators, leading zeros or trailing decimal zeros
//     ("1,000" = "１０００", "3.50" = "3.5"); strong;
//   - Chinese numerals of two or more characters that parse as a number
//     (二〇二〇 2020, 三十二 32, 一百零五 105); weak, since the
//     translation may spell the number out; single numerals (一, 十) and
//     idioms (万一, 千万, 一一) are not numbers. Numbers written as words in
//     English and magnitudes in words (3.5万, "1.2 billion") do not anchor;
//   - Latin-script words (letters and digits) of two or more characters
//     with a capital letter (NATO, EU, iPhone, G20), compared without
//     regard to case or width (ＮＡＴＯ is NATO); strong in a sentence
//     written mostly in another script (a Latin name in a Chinese sentence
//     survives translation), weak otherwise (a capitalised English word
//     need not appear in a French translation);
//   - the term pairs of Options.Terms, found with the glossary package's
//     matcher (case-insensitive; whole words in scripts written with
//     spaces; English inflections on a side tagged English); strong. Pairs that share a term form one anchor, so that either of
//     two translations of a term matches it.
//
// # The band
//
// Aligning n and m sentences in full takes time and memory proportional
// to n·m. Align fills only a band around the diagonal from (0, 0) to
// (n, m): row i spans the diagonal from row i−1 to row i+1, widened by 32
// sentences on each side. When the cheapest path comes within two cells of
// the band's edge, the band doubles, until the path stays clear of the
// edge, the band covers the whole matrix, or a wider band would exceed
// 2^25 cells (32 MiB of back pointers; the first band, about 70 bytes a
// source sentence, is larger than that beyond 500,000 sentences).
// Texts that are translations of each other
// therefore align in time and memory linear in their length: two texts of
// 10,000 sentences take about 0.2 s of CPU and allocate 7 MB
// (bench/README.md).
//
// # Limits
//
// Length says little about short sentences: an omitted short sentence is
// usually joined to a neighbour in a 2-1 bead rather than left alone
// (about 5% of omissions are found in the Tatoeba evaluation, two thirds
// in the news one), and a long omitted passage tends to be spread over a
// chain of 2-1 beads. Documents made of sentences of similar length (a
// list of short items) align less well than prose. Align never fails:
// texts that are not translations of each other get an alignment too.
package align
