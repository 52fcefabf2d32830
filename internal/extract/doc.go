// Package extract turns one document into records: actors, events, statistics and quotes.
//
// Extraction is a pure, deterministic function of the document and the lexicon: no I/O, no
// clock, no randomness. The stages run in a fixed order over one shared analysis:
//
//	text.Analyze       paragraphs, sentences, tokens
//	findActors         countries, organizations and agencies from the gazetteer
//	findPersons        names with titles and affiliations, then surnames, roles and pronouns
//	findTimes          date expressions resolved against the publication date and the text so far
//	findStatistics     numbers, what they count, where, when, according to whom, part-of links
//	findQuotes         quotations with their speakers
//	findEvents         PLOVER triggers with source, target, date and place
//
// Every record keeps the code-point offsets of its evidence.
package extract
