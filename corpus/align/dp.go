package align

import "math"

// move is a bead type: how many source and target sentences it takes.
type move struct{ di, dj int }

// moves lists the bead types in the order that breaks ties between equal
// costs: 1-1 first.
var moves = [...]move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}

const noMove = 255

// problem holds what the dynamic programme needs about one pair of texts.
type problem struct {
	n, m   int
	cs, ct []float64 // prefix sums of the sentence lengths: cs[i] is the length of src[:i]
	lc     lengthCost
	prior  [len(moves)]float64
	omit   bool // 1-0 and 0-1 beads pay a length cost too
	refine bool // re-estimate c from the 1-1 beads and align again
	anch   *anchors
}

// band is the part of the (n+1) x (m+1) matrix that one run of the
// programme fills: row i holds the cells j in [lo[i], hi[i]].
type band struct {
	lo, hi []int
	off    []int // off[i] is the index of cell (i, lo[i]) in back
	full   bool  // the band is the whole matrix
	cells  int
}

// newBand returns the band of half-width w around the diagonal from (0, 0)
// to (n, m). Row i spans the diagonal from row i-1 to row i+1, widened by
// w on each side, so that consecutive rows overlap and (n, m) is always
// reachable from (0, 0).
func newBand(n, m, w int) *band {
	b := &band{lo: make([]int, n+1), hi: make([]int, n+1), off: make([]int, n+2), full: true}
	for i := 0; i <= n; i++ {
		lo := (i-1)*m/n - w // floor; (i-1)*m may be negative, which only widens the band
		hi := ((i+1)*m+n-1)/n + w
		lo = max(lo, 0)
		hi = min(hi, m)
		b.lo[i], b.hi[i] = lo, hi
		if lo > 0 || hi < m {
			b.full = false
		}
		b.off[i+1] = b.off[i] + hi - lo + 1
	}
	b.cells = b.off[n+1]
	return b
}

// Band sizes: the first run uses initialBand sentences either side of the
// diagonal; the band doubles while the best path comes within edgeMargin
// cells of its edge, until it covers the matrix or would exceed maxCells.
const (
	initialBand = 32
	edgeMargin  = 2
	maxCells    = 1 << 25
)

// solve aligns the texts. When p.refine is set, it re-estimates c from the
// 1-1 beads of the alignment, which omissions and merges do not bias, and
// aligns again if c moved by 0.01 or more.
func (p *problem) solve() []Bead {
	beads := p.solveBand()
	if !p.refine {
		return beads
	}
	var ls, lt float64
	for _, b := range beads {
		if len(b.Source) == 1 && len(b.Target) == 1 {
			i, j := b.Source[0], b.Target[0]
			ls += p.cs[i+1] - p.cs[i]
			lt += p.ct[j+1] - p.ct[j]
		}
	}
	c := min(max((lt+refineLength)/(ls+refineLength), minC), maxC)
	if math.Abs(c-p.lc.c) < 0.01 {
		return beads
	}
	p.lc.c = c
	return p.solveBand()
}

// solveBand runs the programme in a widening band and returns the beads of
// the cheapest path.
func (p *problem) solveBand() []Bead {
	w := initialBand
	for {
		b := newBand(p.n, p.m, w)
		path, touched := p.run(b)
		if !touched || b.full {
			return path
		}
		next := newBand(p.n, p.m, 2*w)
		if next.cells > maxCells {
			return path
		}
		w *= 2
	}
}

// run fills the band and returns the beads of the cheapest path through
// it, and whether that path comes near the band's edge (where a cheaper
// path outside the band may exist).
func (p *problem) run(b *band) ([]Bead, bool) {
	back := make([]uint8, b.cells)
	// rows[i%3] holds the costs of row i, indexed by j - lo[i].
	var rows [3][]float64
	width := 0
	for i := 0; i <= p.n; i++ {
		width = max(width, b.hi[i]-b.lo[i]+1)
	}
	for k := range rows {
		rows[k] = make([]float64, width)
	}
	inf := math.Inf(1)
	for i := 0; i <= p.n; i++ {
		row := rows[i%3]
		lo, hi := b.lo[i], b.hi[i]
		for j := lo; j <= hi; j++ {
			if i == 0 && j == 0 {
				row[0] = 0
				back[0] = noMove
				continue
			}
			best, bestMove := inf, uint8(noMove)
			for k, mv := range moves {
				pi, pj := i-mv.di, j-mv.dj
				if pi < 0 || pj < b.lo[pi] || pj > b.hi[pi] {
					continue
				}
				prev := rows[pi%3][pj-b.lo[pi]]
				if prev == inf {
					continue
				}
				c := prev + p.cost(k, pi, i, pj, j)
				if c < best {
					best, bestMove = c, uint8(k)
				}
			}
			row[j-lo] = best
			back[b.off[i]+j-lo] = bestMove
		}
	}
	var path []uint8 // the moves of the path, last first
	touched := false
	i, j := p.n, p.m
	for i > 0 || j > 0 {
		if (b.lo[i] > 0 && j-b.lo[i] < edgeMargin) || (b.hi[i] < p.m && b.hi[i]-j < edgeMargin) {
			touched = true
		}
		k := back[b.off[i]+j-b.lo[i]]
		path = append(path, k)
		i, j = i-moves[k].di, j-moves[k].dj
	}
	return beadsOf(path, p.n+p.m), touched
}

// beadsOf turns the moves of a path, last first, into beads. All indexes
// share one backing array of n+m ints.
func beadsOf(path []uint8, total int) []Bead {
	idx := make([]int, 0, total)
	beads := make([]Bead, len(path))
	i, j := 0, 0
	for k := range beads {
		mv := moves[path[len(path)-1-k]]
		b := &beads[k]
		if mv.di > 0 {
			start := len(idx)
			for d := range mv.di {
				idx = append(idx, i+d)
			}
			b.Source = idx[start:len(idx):len(idx)]
		}
		if mv.dj > 0 {
			start := len(idx)
			for d := range mv.dj {
				idx = append(idx, j+d)
			}
			b.Target = idx[start:len(idx):len(idx)]
		}
		i, j = i+mv.di, j+mv.dj
	}
	return beads
}

// cost is the cost of the bead of type moves[k] that joins src[i0:i1] and
// tgt[j0:j1]: the negative log of its prior probability, of the length
// difference given the bead, and the anchor term.
func (p *problem) cost(k, i0, i1, j0, j1 int) float64 {
	c := p.prior[k]
	ls, lt := p.cs[i1]-p.cs[i0], p.ct[j1]-p.ct[j0]
	if i0 != i1 && j0 != j1 || p.omit {
		c += p.lc.cost(ls, lt)
	}
	if p.anch != nil {
		c += p.anch.cost(i0, i1, j0, j1)
	}
	return c
}
