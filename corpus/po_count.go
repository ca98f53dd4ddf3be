package corpus

import "bytes"

// The PO reader makes room for the segments of a file at once, since a
// Segment is large and an array of them that grows is copied and cleared
// again. How many to make room for is counted before reading.

// poRoomHead is how much of a large file poSegmentRoom counts exactly to
// see whether the bound fits it.
const poRoomHead = 64 << 10

// poSegmentRoom returns how many segments to make room for when reading
// data, a PO file or a part of one. For a small file it is the number of
// lines that start with msgstr (poMsgstrLines). For a large one it is
// poSegmentBound, which is cheaper to count (two bytes counted a vector at
// a time, where poMsgstrLines stops at every line), when the bound is
// close: its head (poRoomHead bytes) has few more than the lines there,
// and the whole file not twice as many as its head has.
//
// The room is what the reader expects, not a limit: the array grows when
// the file holds more segments (with msgstr after other tokens on a line).
func poSegmentRoom(data []byte) int {
	if len(data) <= poRoomHead {
		return poMsgstrLines(data)
	}
	head := data[:poRoomHead]
	lines := poMsgstrLines(head)
	bound := poSegmentBound(data)
	if poSegmentBound(head) > lines+lines/8+16 || bound/2 > lines*(len(data)/poRoomHead+1)+16 {
		return poMsgstrLines(data)
	}
	return bound
}

// poSegmentBound returns a number that the segments read from data, a PO
// file or a part of one, cannot exceed: a quarter of its quotes and half
// of its opening brackets. A message without msgid_plural makes one
// segment and has four quotes of its own at least (a string after msgid
// and one after msgstr), and a plural one makes a segment for each
// msgstr[n], with a bracket and two quotes, and has four quotes more (the
// strings after msgid and msgid_plural); so with a messages of the first
// kind and p segments of plural ones, 4a+2p quotes and p brackets at
// least, a+p is at most a quarter of the quotes and half the brackets.
func poSegmentBound(data []byte) int {
	return bytes.Count(data, []byte{'"'})/4 + bytes.Count(data, []byte{'['})/2 + 1
}

// poMsgstrLines counts the lines of data that start with msgstr: the
// segments of a PO file as msgmerge and xgettext write it, exactly.
func poMsgstrLines(data []byte) int {
	n := 0
	if bytes.HasPrefix(data, []byte("msgstr")) {
		n++
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("\nmsgstr"))
		if i < 0 {
			return n
		}
		n++
		rest = rest[i+1:]
	}
}
