package reports

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/tqa-project/tqa/pipeline"
)

// Fingerprint identifies a finding across runs independently of where its
// segment sits in the file: it hashes the check, the document path, the
// segment ID, the side and the flagged text, but no line, column or byte
// offset. Baselines and SARIF partialFingerprints use it, so moving a
// paragraph does not make an old finding new. Two identical findings in one
// segment share a fingerprint; callers that need to tell them apart count
// occurrences.
func Fingerprint(f *pipeline.Finding) string {
	h := sha256.New()
	for _, part := range []string{"tqa/fp/v1", f.Check, f.Path, f.ID, f.Side.String(), f.Text} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
