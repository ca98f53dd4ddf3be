// Package baseline records the findings of a run so that later runs report
// only new ones.
//
// A baseline is a JSON file (schema "tqa.baseline/v1") that lists findings
// by what they are, not where they are: each entry has the check, the
// document path, the segment ID, the side and the flagged text, and the
// fingerprint of those five (reports.Fingerprint), but no line, column or
// byte offset. Moving a paragraph, or editing text around a finding,
// leaves it in the baseline; changing the flagged text, or the segment's
// ID, makes it new. In formats whose segment IDs are ordinals (plain text,
// Markdown), inserting or removing a paragraph renumbers those after it,
// and their findings count as new until the baseline is updated.
//
// Entries are a multiset: N identical findings (same fingerprint) are N
// entries, and a run with N+1 of them reports one. Paths are stored
// relative to the directory of the baseline file, slash-separated, so that
// the file does not depend on the directory tqa runs in. The file is
// sorted (path, segment, check, side, text) and indented, with no
// timestamp: the same findings give the same bytes, and a diff of the file
// shows what was accepted.
//
//	{
//	  "schema": "tqa.baseline/v1",
//	  "findings": [
//	    {
//	      "fingerprint": "…",
//	      "check": "mixed-script",
//	      "path": "corpus/samples/001_b2d8e521503d7cce.txt",
//	      "segment": "1",
//	      "side": "target",
//	      "text": "酝酿"
//	    }
//	  ]
//	}
//
// Read checks each entry's fingerprint against its fields, so that an
// entry edited by hand cannot silently stop matching.
package baseline
