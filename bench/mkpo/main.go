// Command mkpo writes the benchmark inputs of bench/pofilter.sh from the
// project's shared data: a gettext PO file of the Tatoeba Chinese-English
// pairs (../shared/data/tatoeba_cmn_eng.tsv; msgid the Chinese source,
// msgstr the English translation), and, with -jsonl, a JSON Lines corpus of at least -size bytes
// made of the same pairs repeated with numbered ids.
//
//	go run ./bench/mkpo -o /tmp/tatoeba.po
//	go run ./bench/mkpo -jsonl /tmp/big.jsonl -size 1000000000
//
// Every pair becomes one message; a Chinese sentence that recurs gets a
// msgctxt with its occurrence number, since a PO file's messages are
// unique.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data directory")
	poPath := flag.String("o", "", "PO file to write")
	jsonlPath := flag.String("jsonl", "", "JSON Lines file to write")
	size := flag.Int64("size", 100<<20, "least size of the JSON Lines file, in bytes")
	flag.Parse()
	if err := run(*shared, *poPath, *jsonlPath, *size); err != nil {
		fmt.Fprintln(os.Stderr, "mkpo:", err)
		os.Exit(1)
	}
}

type pair struct{ en, zh string }

func run(shared, poPath, jsonlPath string, size int64) error {
	if poPath == "" && jsonlPath == "" {
		return errors.New("nothing to write: give -o and/or -jsonl")
	}
	pairs, err := readTatoeba(shared + "/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		return err
	}
	if poPath != "" {
		if err := writeFile(poPath, func(w io.Writer) error { return writePO(w, pairs) }); err != nil {
			return err
		}
	}
	if jsonlPath != "" {
		if err := writeFile(jsonlPath, func(w io.Writer) error { return writeJSONL(w, pairs, size) }); err != nil {
			return err
		}
	}
	return nil
}

func readTatoeba(path string) ([]pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 3 || fields[0] == "" || fields[1] == "" {
			continue
		}
		out = append(out, pair{fields[0], fields[1]})
	}
	return out, sc.Err()
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// poString quotes s as a PO string literal.
func poString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

func writePO(w io.Writer, pairs []pair) error {
	fmt.Fprint(w, "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: en\\n\"\n\n")
	seen := map[string]int{}
	for _, p := range pairs {
		seen[p.zh]++
		if n := seen[p.zh]; n > 1 {
			// A repeated source needs a context to stay a distinct message.
			if _, err := fmt.Fprintf(w, "msgctxt %s\n", poString(fmt.Sprint(n))); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "msgid %s\nmsgstr %s\n\n", poString(p.zh), poString(p.en)); err != nil {
			return err
		}
	}
	return nil
}

func writeJSONL(w io.Writer, pairs []pair, size int64) error {
	var written int64
	cw := &countWriter{w: w}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for n := 0; written < size; n++ {
		p := pairs[n%len(pairs)]
		rec := struct {
			ID         string `json:"id"`
			Source     string `json:"source"`
			Target     string `json:"target"`
			SourceLang string `json:"source_lang"`
			TargetLang string `json:"target_lang"`
		}{fmt.Sprint(n + 1), p.zh, p.en, "zh", "en"}
		if err := enc.Encode(rec); err != nil {
			return err
		}
		written = cw.n
	}
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
