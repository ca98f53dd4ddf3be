package doccache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/tqa-project/tqa/pipeline"
)

// schema names the layout of an entry; a new layout takes a new name, so
// that old entries are misses rather than misread.
const schema = "tqa.doccache/v1"

// Cache is a directory of entries. It implements pipeline.DocumentCache
// for the documents registered with Add; others are never found and never
// stored. It is safe for concurrent use.
type Cache struct {
	dir string

	mu    sync.Mutex
	keys  map[*pipeline.Document]string
	stats Stats
}

// Stats counts what a Cache did.
type Stats struct {
	Loaded  int   // documents whose findings were loaded
	Missed  int   // documents looked up and not found (or found unusable)
	Stored  int   // entries written
	Failed  int   // entries that could not be written
	LastErr error // the last write error
}

// Open returns the cache in dir, creating the directory if needed.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(filepath.Join(dir, schema), 0o755); err != nil {
		return nil, fmt.Errorf("doccache: %w", err)
	}
	return &Cache{dir: filepath.Join(dir, schema), keys: map[*pipeline.Document]string{}}, nil
}

// Key returns the key of parts: the SHA-256 of each part preceded by its
// length, so that no two lists of parts share a key.
func Key(parts ...[]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Add registers key as the key of d.
func (c *Cache) Add(d *pipeline.Document, key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys[d] = key
}

// Stats returns the counts so far.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

func (c *Cache) key(d *pipeline.Document) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[d]
	return k, ok
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// entry is the file of one document.
type entry struct {
	Schema   string    `json:"schema"`
	Key      string    `json:"key"`
	Findings []finding `json:"findings"`
}

type finding struct {
	Check    string `json:"check"`
	Category string `json:"category"`
	Severity int    `json:"severity"`
	Segment  int    `json:"segment"`
	ID       string `json:"id"`
	Side     int    `json:"side"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Message  string `json:"message"`
	Fixes    []fix  `json:"fixes,omitempty"`
}

type fix struct {
	Message string `json:"message"`
	Edits   []edit `json:"edits"`
}

type edit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new"`
}

// Load returns the findings stored for d. Doc and Path are left for the
// pipeline to set.
func (c *Cache) Load(d *pipeline.Document) ([]pipeline.Finding, bool) {
	key, ok := c.key(d)
	if !ok {
		return nil, false
	}
	fs, ok := c.read(d, key)
	c.mu.Lock()
	if ok {
		c.stats.Loaded++
	} else {
		c.stats.Missed++
	}
	c.mu.Unlock()
	return fs, ok
}

func (c *Cache) read(d *pipeline.Document, key string) ([]pipeline.Finding, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e entry
	if err := json.Unmarshal(data, &e); err != nil || e.Schema != schema || e.Key != key {
		return nil, false
	}
	out := make([]pipeline.Finding, 0, len(e.Findings))
	for _, f := range e.Findings {
		if f.Segment < 0 || f.Segment >= len(d.Segments) || f.Side < 0 || f.Side > 1 || f.Severity < 0 || f.Severity > int(pipeline.Critical) {
			return nil, false
		}
		s := &d.Segments[f.Segment]
		side := pipeline.Side(f.Side)
		text := s.Text(side)
		span := pipeline.Span{Start: f.Start, End: f.End}
		if s.ID != f.ID || !span.Valid(text) || text[f.Start:f.End] != f.Text {
			return nil, false
		}
		pf := pipeline.Finding{
			Check: f.Check, Category: f.Category, Severity: pipeline.Severity(f.Severity),
			Segment: f.Segment, ID: f.ID, Side: side, Span: span, Text: f.Text, Message: f.Message,
		}
		for _, x := range f.Fixes {
			px := pipeline.Fix{Message: x.Message}
			for _, ed := range x.Edits {
				px.Edits = append(px.Edits, pipeline.Edit{Span: pipeline.Span{Start: ed.Start, End: ed.End}, NewText: ed.NewText})
			}
			pf.Fixes = append(pf.Fixes, px)
		}
		out = append(out, pf)
	}
	return out, true
}

// Store writes the entry of d: into a temporary file in the entry's
// directory, renamed over the entry once complete. A failure is counted
// in Stats, not returned: the run goes on without the entry.
func (c *Cache) Store(d *pipeline.Document, fs []pipeline.Finding) {
	key, ok := c.key(d)
	if !ok {
		return
	}
	err := c.write(key, fs)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.stats.Failed++
		c.stats.LastErr = err
		return
	}
	c.stats.Stored++
}

func (c *Cache) write(key string, fs []pipeline.Finding) error {
	e := entry{Schema: schema, Key: key, Findings: make([]finding, len(fs))}
	for i, f := range fs {
		ef := finding{
			Check: f.Check, Category: f.Category, Severity: int(f.Severity), Segment: f.Segment, ID: f.ID,
			Side: int(f.Side), Start: f.Span.Start, End: f.Span.End, Text: f.Text, Message: f.Message,
		}
		for _, x := range f.Fixes {
			ex := fix{Message: x.Message, Edits: make([]edit, len(x.Edits))}
			for j, ed := range x.Edits {
				ex.Edits[j] = edit{Start: ed.Span.Start, End: ed.Span.End, NewText: ed.NewText}
			}
			ef.Fixes = append(ef.Fixes, ex)
		}
		e.Findings[i] = ef
	}
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("doccache: %w", err)
	}
	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("doccache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+key+".*.tmp")
	if err != nil {
		return fmt.Errorf("doccache: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("doccache: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("doccache: %w", err)
	}
	return nil
}

var _ pipeline.DocumentCache = (*Cache)(nil)
