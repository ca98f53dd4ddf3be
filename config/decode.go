package config

import (
	"cmp"
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Error is one problem in a configuration file, at a 1-based line and
// column (0 when the YAML parser gives none). Lines are counted as YAML
// counts them: a lone CR ends a line as LF and CRLF do.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// ErrorList is every problem found in a file, in file order. Parse and
// Load return one as their error.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// decoder fills typed values from a YAML node tree, recording where each
// value was written so that validation can name the line and column of a
// bad value, and reporting keys that no field takes.
type decoder struct {
	file string
	errs ErrorList
	val  map[string]*yaml.Node // dotted path -> the node of its value
	key  map[string]*yaml.Node // dotted path -> the node of its key
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, val: map[string]*yaml.Node{}, key: map[string]*yaml.Node{}}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// errorAt reports a problem with the value at path, or with its key when
// atKey is set (an unknown check name used as a key).
func (d *decoder) errorAt(path string, atKey bool, format string, args ...any) {
	n := d.val[path]
	if k, ok := d.key[path]; atKey && ok {
		n = k
	}
	for _, e := range d.errs {
		if n != nil && e.Line == n.Line && e.Column == n.Column {
			return // one error for one value: decoding it failed already
		}
	}
	d.errorf(n, format, args...)
}

// set reports whether path was written in the file.
func (d *decoder) set(path string) bool {
	_, ok := d.val[path]
	return ok
}

// sorted returns the errors in file order.
func (d *decoder) sorted() ErrorList {
	slices.SortStableFunc(d.errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return d.errs
}

// prefix returns "path: ", or "" for the top of the file.
func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var (
	durationType  = reflect.TypeFor[time.Duration]()
	langType      = reflect.TypeFor[language.Tag]()
	unmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// maxAliasDepth bounds chains of aliases.
const maxAliasDepth = 32

func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxAliasDepth {
			d.errorf(n, "aliases nested too deeply")
			return nil
		}
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// kindName names what a node is, for errors.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// scalar returns n's text, or reports that path wants a single value.
func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s: want %s, got %s", path, want, kindName(n))
		return "", false
	}
	return n.Value, true
}

// decode stores n in v. A null value (an empty "key:") leaves v as it is.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if n = d.resolve(n); n == nil {
		return
	}
	d.val[path] = n
	if isNull(n) {
		return
	}
	t := v.Type()
	switch {
	case t == langType:
		s, ok := d.scalar(n, path, "a BCP 47 language tag")
		if !ok {
			return
		}
		tag, err := language.Parse(s)
		if err != nil {
			d.errorf(n, "%s: %q is not a BCP 47 language tag (e.g. en, en-GB, zh-Hans)", path, s)
			return
		}
		v.Set(reflect.ValueOf(tag))
		return
	case t == durationType:
		s, ok := d.scalar(n, path, "a duration")
		if !ok {
			return
		}
		dur, err := time.ParseDuration(s)
		if err != nil {
			d.errorf(n, "%s: %q is not a duration (write e.g. 30s, 2m or 1m30s)", path, s)
			return
		}
		v.Set(reflect.ValueOf(dur))
		return
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		d.decode(n, v.Elem(), path)
		return
	case reflect.PointerTo(t).Implements(unmarshalType):
		s, ok := d.scalar(n, path, "a single value")
		if !ok {
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.errorf(n, "%s: %v", path, err)
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := d.scalar(n, path, "a string"); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			d.errorf(n, "%s: want true or false, got %s", path, kindName(n))
			return
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			d.errorf(n, "%s: want true or false, got %s", path, kindName(n))
			return
		}
		v.SetBool(b)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			d.errorf(n, "%s: want a whole number, got %s", path, kindName(n))
			return
		}
		var i int
		if err := n.Decode(&i); err != nil {
			d.errorf(n, "%s: want a whole number, got %s", path, kindName(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s: want a list, got %s", path, kindName(n))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	default:
		panic(fmt.Sprintf("config: cannot decode into %v", t))
	}
}

// keys walks the keys of mapping n, reporting repeated keys, merge keys
// and keys that are not strings, and calls f for the others.
func (d *decoder) keys(n *yaml.Node, path string, f func(key string, k, val *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%swant a mapping of keys to values, got %s", prefix(path), kindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.errorf(k, "%sa key must be a name, got %s", prefix(path), kindName(k))
			continue
		}
		if k.Value == "<<" && k.ShortTag() == "!!merge" {
			d.errorf(k, "%smerge keys (<<) are not supported: write the keys out", prefix(path))
			continue
		}
		if first, ok := seen[k.Value]; ok {
			d.errorf(k, "%skey %q repeated (first at line %d)", prefix(path), k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		f(k.Value, k, val)
	}
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		panic(fmt.Sprintf("config: map key type %v", t.Key()))
	}
	m := reflect.MakeMap(t)
	d.keys(n, path, func(key string, k, val *yaml.Node) {
		p := join(path, key)
		d.key[p] = k
		e := reflect.New(t.Elem()).Elem()
		d.decode(val, e, p)
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	})
	v.Set(m)
}

// field is a settable field of a struct, by its YAML key.
type field struct {
	name  string
	index []int
}

// fieldsOf lists the keys of struct type t, with the fields of embedded
// structs tagged ",inline".
func fieldsOf(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opt, _ := strings.Cut(tag, ",")
		if name == "-" || !sf.IsExported() {
			continue
		}
		if opt == "inline" {
			for _, f := range fieldsOf(sf.Type) {
				out = append(out, field{f.name, append([]int{i}, f.index...)})
			}
			continue
		}
		if name == "" {
			panic(fmt.Sprintf("config: field %s.%s has no yaml key", t, sf.Name))
		}
		out = append(out, field{name, []int{i}})
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	fields := fieldsOf(v.Type())
	d.keys(n, path, func(key string, k, val *yaml.Node) {
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == key })
		p := join(path, key)
		if i < 0 {
			d.errorf(k, "%s", unknownKey(p, key, fields))
			return
		}
		d.key[p] = k
		d.decode(val, v.FieldByIndex(fields[i].index), p)
	})
}

// unknownKey explains why key is not taken, suggesting the nearest key
// that is.
func unknownKey(path, key string, fields []field) string {
	if secretKey(key) {
		return fmt.Sprintf("%s: API keys and other secrets do not belong in the configuration file: set OPENAI_API_KEY or TQA_LLM_API_KEY in the environment", path)
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	msg := fmt.Sprintf("unknown key %q", path)
	if s := suggest(key, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return msg
}

// secretKey reports whether a key looks like it holds a credential.
func secretKey(key string) bool {
	k := normalizeKey(key)
	for _, w := range []string{"key", "token", "secret", "password", "passwd", "credential", "auth"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// normalizeKey folds case and drops "-" and "_", so that targetLang and
// target_lang are seen as target-lang.
func normalizeKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// suggest returns the name of names closest to s, or "" when none is
// close: the same up to case, "-" and "_", or within a few edits.
func suggest(s string, names []string) string {
	best, bestDist := "", -1
	for _, n := range names {
		if normalizeKey(n) == normalizeKey(s) {
			return n
		}
		dist := editDistance(strings.ToLower(s), n)
		if dist <= max(2, len([]rune(n))/3) && (bestDist < 0 || dist < bestDist) {
			best, bestDist = n, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		// Long keys are never close to ours; spare the quadratic work.
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
