// Package text turns a report into the pieces extraction reads: the header, paragraphs,
// sentences and tokens, all with byte offsets into the text, plus a map from byte offsets to
// the code-point offsets that records carry.
//
// Nothing here knows about actors or events. The tokenizer keeps curly and straight quotes,
// dashes and non-breaking spaces apart so that later stages can tell an apostrophe from a
// quotation mark.
package text
