package retranslate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tqa-project/tqa/glossary"
)

// Cache keeps the model's replies in a directory, one JSON file per
// request, named by the SHA-256 of everything that shapes the reply: the
// model, the endpoint's host, PromptVersion, the prompt (which holds the
// segment's text, its findings, the glossary constraints and the spelling
// profile) and a hash of the glossaries. A rerun with the same inputs finds
// every reply there and sends no request.
//
// Files are written to a temporary file and renamed into place, so that
// concurrent runs sharing a directory see a whole entry or none. Entries
// hold the reply and the model's name, never the API key or the endpoint.
type Cache struct {
	dir string
}

// OpenCache returns the cache in dir, creating the directory if needed.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("retranslate: cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// cacheEntry is the content of one cache file.
type cacheEntry struct {
	Key   string `json:"key"`
	Model string `json:"model"`
	Reply Reply  `json:"reply"`
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// get returns the reply stored under key.
func (c *Cache) get(key string) (Reply, bool, error) {
	data, err := os.ReadFile(c.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return Reply{}, false, nil
	}
	if err != nil {
		return Reply{}, false, fmt.Errorf("retranslate: cache: %w", err)
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil || e.Key != key {
		// A damaged entry is a miss; the next put replaces it.
		return Reply{}, false, nil
	}
	return e.Reply, true, nil
}

// put stores reply under key, atomically.
func (c *Cache) put(key, model string, reply Reply) (err error) {
	data, err := json.MarshalIndent(cacheEntry{Key: key, Model: model, Reply: reply}, "", "  ")
	if err != nil {
		return fmt.Errorf("retranslate: cache: %w", err)
	}
	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("retranslate: cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("retranslate: cache: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("retranslate: cache: %w", err)
		}
	}()
	if _, err = tmp.Write(append(data, '\n')); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// cacheKey hashes the parts of a request that shape its reply.
func cacheKey(model, host, glossaryHash string, msgs []Message) string {
	h := sha256.New()
	parts := []string{PromptVersion, model, host, glossaryHash}
	for _, m := range msgs {
		parts = append(parts, m.Role, m.Content)
	}
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s\n", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// GlossaryHash returns the SHA-256 of the glossaries, each written as TBX,
// in order: a part of every cache key, so that a changed glossary asks the
// model again.
func GlossaryHash(gs []*glossary.Glossary) (string, error) {
	h := sha256.New()
	for _, g := range gs {
		fmt.Fprintf(h, "%d:%s\n", len(g.Name), g.Name)
		if err := glossary.WriteTBX(h, g); err != nil {
			return "", fmt.Errorf("retranslate: hash glossary %s: %w", g.Name, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
