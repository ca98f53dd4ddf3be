package langid

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"

	"github.com/tqa-project/tqa/internal/golden"
)

// encodeNgramTables builds the tables of n-grams of one to embeddedOrders
// letters of langs from lingua's model files, in the form of
// embeddedNgrams. It fails where two n-grams of a model share a key.
func encodeNgramTables(langs []lingua.Language) ([]byte, error) {
	type built struct {
		iso   string
		order int
		b     *ngramTableBuilder
	}
	var tables []built
	for _, l := range langs {
		for n := 1; n <= embeddedOrders; n++ {
			b, err := buildNgramTable(l, n)
			if err != nil {
				return nil, err
			}
			if b.collisions > 0 {
				return nil, fmt.Errorf("%s: %d n-grams share a key with another", modelFileName(l, n), b.collisions)
			}
			tables = append(tables, built{strings.ToLower(l.IsoCode639_1().String()), n, b})
		}
	}
	var dir, data bytes.Buffer
	dir.WriteString(ngramFileMagic)
	dir.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(tables))))
	dir.Write(make([]byte, 4))
	off := ngramHeaderSize + ngramEntrySize*len(tables)
	for _, t := range tables {
		e := append([]byte(t.iso), byte(t.order), 0)
		e = binary.LittleEndian.AppendUint32(e, uint32(len(t.b.slots)))
		e = binary.LittleEndian.AppendUint32(e, uint32(len(t.b.logps)))
		e = binary.LittleEndian.AppendUint32(e, uint32(off+data.Len()))
		dir.Write(e)
		enc := t.b.table()
		data.Write(enc.slots)
		data.Write(enc.logps)
	}
	return append(dir.Bytes(), data.Bytes()...), nil
}

// TestEmbeddedNgramTables checks that lingua_ngrams.bin holds the tables
// of lingua's model files, and with -update (or go generate) rewrites it.
func TestEmbeddedNgramTables(t *testing.T) {
	for _, tag := range DefaultLanguages {
		code := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(tag.String()))
		if !slices.Contains(embeddedTableLanguages, code) {
			t.Errorf("default language %v has no embedded tables", tag)
		}
	}
	data, err := encodeNgramTables(embeddedTableLanguages)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "lingua_ngrams.bin", data)
	if golden.Update() {
		return
	}
	if !bytes.Equal(data, embeddedNgrams) {
		t.Fatal("the embedded tables differ from lingua's models: go generate ./pipeline/langid")
	}
	entries, err := decodeNgramTables(embeddedNgrams)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(embeddedTableLanguages)*embeddedOrders {
		t.Fatalf("%d tables, want %d", len(entries), len(embeddedTableLanguages)*embeddedOrders)
	}
	for _, bad := range [][]byte{nil, []byte("tqa-ngram-tables"), append([]byte(ngramFileMagic), 1, 0, 0, 0, 0, 0, 0, 0)} {
		if _, err := decodeNgramTables(bad); err == nil {
			t.Errorf("decodeNgramTables(%q) succeeded", bad)
		}
	}
	if underRace {
		return // reading every model again takes seconds under the race detector
	}
	// every table answers as the table read from lingua's file
	for _, l := range embeddedTableLanguages {
		for n := 1; n <= embeddedOrders; n++ {
			emb := embeddedNgramTable(l, n)
			if emb == nil {
				t.Fatalf("no embedded table of %v, %d letters", l, n)
			}
			read, err := loadNgramTable(l, n)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < read.n; i++ {
				s := binary.LittleEndian.Uint64(read.slots[8*i:])
				if s == 0 {
					continue
				}
				want := math.Float64frombits(binary.LittleEndian.Uint64(read.logps[8*(s&indexMask):]))
				if got, ok := emb.get(s); !ok || got != want {
					t.Fatalf("%v, %d letters: slot %d: got %v %v, want %v", l, n, i, got, ok, want)
				}
			}
		}
	}
}

// BenchmarkLoadTrigramTable is what the first look-up of a language's
// trigrams paid before the tables were embedded.
func BenchmarkLoadTrigramTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadNgramTable(lingua.French, 3); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmbeddedTrigramTable is what the first look-up pays now.
func BenchmarkEmbeddedTrigramTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeNgramTables(embeddedNgrams); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzDecodeNgramTables checks that decodeNgramTables never panics and
// that the tables it accepts lie within the data.
func FuzzDecodeNgramTables(f *testing.F) {
	f.Add(embeddedNgrams[:ngramHeaderSize+ngramEntrySize])
	small := newNgramTableBuilder(0)
	i, _ := small.add(-1)
	small.put(fnv64("abc"), i)
	tb := small.table()
	var file []byte
	file = append(file, ngramFileMagic...)
	file = binary.LittleEndian.AppendUint32(file, 1)
	file = append(file, 0, 0, 0, 0, 'e', 'n', 3, 0)
	file = binary.LittleEndian.AppendUint32(file, uint32(tb.n))
	file = binary.LittleEndian.AppendUint32(file, 1)
	file = binary.LittleEndian.AppendUint32(file, ngramHeaderSize+ngramEntrySize)
	file = append(append(file, tb.slots...), tb.logps...)
	f.Add(file)
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := decodeNgramTables(data)
		if err != nil {
			return
		}
		for _, e := range entries {
			if 8*e.table.n != len(e.table.slots) || len(e.table.slots)+len(e.table.logps) > len(data) {
				t.Fatalf("entry %s/%d: %d slots in %d bytes", e.iso, e.order, e.table.n, len(e.table.slots))
			}
		}
	})
}
