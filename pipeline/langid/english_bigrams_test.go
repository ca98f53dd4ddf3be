package langid

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
)

// tatoebaPath is the source of english_bigrams.bin, from this directory.
const tatoebaPath = "../../../shared/data/tatoeba_cmn_eng.tsv"

// encodeEnglishBigrams counts the words and neighbouring pairs of words
// of the English column (the first, tab-separated) of r's lines, each
// distinct sentence once, in the form of english_bigrams.bin. It fails
// where two keys share a hash.
func encodeEnglishBigrams(r io.Reader) ([]byte, error) {
	var sentences []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if en, _, ok := strings.Cut(sc.Text(), "\t"); ok {
			sentences = append(sentences, en)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return encodeWordPairs(sentences, englishBigramMagic)
}

// encodeWordPairs counts the words and neighbouring pairs of words of
// texts, each distinct text once, in the layout of english_bigrams.bin
// with header magic. It fails where two keys share a hash.
func encodeWordPairs(texts []string, magic string) ([]byte, error) {
	counts := map[string]int{}
	seen := map[string]bool{}
	words := 0
	for _, text := range texts {
		if seen[text] {
			continue
		}
		seen[text] = true
		ws := LatinWords(text)
		for k, w := range ws {
			key := bigramKey(text[w.Start:w.End])
			counts[key]++
			words++
			if k > 0 && spaceOnly(text[ws[k-1].End:w.Start]) {
				counts[bigramKey(text[ws[k-1].Start:ws[k-1].End])+" "+key]++
			}
		}
	}
	byHash := map[uint64]string{}
	entries := make([]uint64, 0, len(counts))
	for key, n := range counts {
		h := bigramHash(key)
		if other, dup := byHash[h]; dup {
			return nil, fmt.Errorf("%q and %q share a hash", key, other)
		}
		byHash[h] = key
		entries = append(entries, h<<16|uint64(min(n, 0xffff)))
	}
	slices.Sort(entries)
	out := []byte(magic)
	out = binary.LittleEndian.AppendUint32(out, uint32(words))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(entries)))
	for _, e := range entries {
		out = binary.LittleEndian.AppendUint64(out, e)
	}
	return out, nil
}

// TestEnglishBigrams checks that english_bigrams.bin holds the counts of
// the shared Tatoeba file, and with -update (or go generate) rewrites it.
// It skips when the shared data is absent.
func TestEnglishBigrams(t *testing.T) {
	f, err := os.Open(tatoebaPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no shared data")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := encodeEnglishBigrams(f)
	if err != nil {
		t.Fatalf("%s: %v", tatoebaPath, err)
	}
	golden.Check(t, "english_bigrams.bin", data)
	if !golden.Update() && !bytes.Equal(data, embeddedEnglishBigrams) {
		t.Fatal("english_bigrams.bin differs from the counts of the shared data: go generate ./pipeline/langid")
	}
}

// TestEnglishBigramCounts checks the decoder and the counts on a small
// text, and that the embedded table decodes.
func TestEnglishBigramCounts(t *testing.T) {
	data, err := encodeEnglishBigrams(strings.NewReader("I sat on the mat.\tx\nThe cat sat on it.\tx\nThe cat sat on it.\tx\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := decodeBigramCounts(data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		want int
	}{
		{"sat", 2}, {"the", 2}, {"sat on", 2}, {"on the", 1}, {"cat sat", 1},
		{"mat it", 0}, {"dog", 0},
		{"mat the", 0}, // a full stop lies between them
	}
	for _, tt := range tests {
		if got := c.count(tt.key); got != tt.want {
			t.Errorf("count(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
	if c.words != 10 {
		t.Errorf("words = %d, want 10", c.words)
	}
	for _, bad := range [][]byte{nil, []byte("tqa-enbg0\n"), append([]byte(englishBigramMagic), 0, 0, 0, 0, 1, 0, 0, 0)} {
		if _, err := decodeBigramCounts(bad); err == nil {
			t.Errorf("decodeBigramCounts(%q) succeeded", bad)
		}
	}
	if _, err := decodeBigramCounts(embeddedEnglishBigrams); err != nil {
		t.Errorf("english_bigrams.bin: %v", err)
	}
}

// TestEnglishPMI checks the sign of englishPMI on pairs whose fit in
// English is plain.
func TestEnglishPMI(t *testing.T) {
	tests := []struct {
		a, b string
		sign int
	}{
		{"on", "the", 1},
		{"I", "think", 1},
		{"of", "on", -1},
		{"the", "the", -1},
		{"source", "complémentaire", 0}, // a word English does not know
	}
	for _, tt := range tests {
		got := englishPMI(tt.a, tt.b)
		if tt.sign > 0 && got <= 0 || tt.sign < 0 && got >= 0 || tt.sign == 0 && got != 0 {
			t.Errorf("englishPMI(%q, %q) = %.2f, want sign %d", tt.a, tt.b, got, tt.sign)
		}
	}
}
