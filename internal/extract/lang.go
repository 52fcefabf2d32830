package extract

import (
	"github.com/alboran/alboran/internal/lexicon"
)

// Spanish and French documents.
//
// Extraction reads a document's language from record.Document.Language ("es", "fr"; "" and
// "en" are English) and never detects it. A language with dictionaries of its own
// (lexicon.For) takes them: names, titles, agencies, counted nouns, speech verbs, event
// triggers and function words, on top of English ones. The rules are the same code; where an
// English rule keeps its own list of function words ("the", "Mr", "according to"), it also
// asks the language's list (s.word). English extraction is unchanged: its lexicon has no such
// lists.

// lexicon returns the dictionaries for a document's language: the extractor's own for
// English and for languages without dictionaries of their own. The embedded data of every
// language is compiled in the lexicon package's tests, so an error here is a broken build; the
// document is then read with the English dictionaries rather than lost.
func (x *Extractor) lexicon(lang string) *lexicon.Lexicon {
	if lang == "" || lang == "en" {
		return x.lx
	}
	lx, err := lexicon.For(lang)
	if err != nil || lx.Lang == "" {
		return x.lx
	}
	return lx
}

// lang is the document's language when it has dictionaries of its own, else "".
func (s *state) lang() string { return s.lx.Lang }

// word reports whether lower-case w has a role in the language's function words
// (data/LANG/words.tsv); always false for English.
func (s *state) word(role, w string) bool { return s.lx.Word(role, w) }
