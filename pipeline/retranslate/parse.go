package retranslate

import (
	"encoding/json"
	"errors"
	"strings"
)

// Reply is what the model answers: the new target text and its notes.
type Reply struct {
	Translation string `json:"translation"`
	Notes       string `json:"notes"`
}

// errNoReply is returned for replies without a JSON object that has a
// "translation" string.
var errNoReply = errors.New(`the reply has no JSON object with a "translation" string`)

// ParseReply reads the model's answer tolerantly: a bare JSON object, one
// in a Markdown code fence, or one amid chatter ("Sure! Here it is:
// {...}"). The first JSON object, in order of its opening brace, that has a
// "translation" string wins. Leading and trailing white space of the
// translation are removed.
func ParseReply(content string) (Reply, error) {
	for i := 0; i < len(content); i++ {
		j := strings.IndexByte(content[i:], '{')
		if j < 0 {
			break
		}
		i += j
		var raw map[string]json.RawMessage
		if err := json.NewDecoder(strings.NewReader(content[i:])).Decode(&raw); err != nil {
			continue
		}
		var r Reply
		t, ok := raw["translation"]
		if !ok || json.Unmarshal(t, &r.Translation) != nil {
			continue
		}
		json.Unmarshal(raw["notes"], &r.Notes) // notes are optional, any type but a string is dropped
		r.Translation = strings.TrimSpace(r.Translation)
		r.Notes = strings.TrimSpace(r.Notes)
		return r, nil
	}
	return Reply{}, errNoReply
}
