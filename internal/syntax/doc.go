// Package syntax turns English, Spanish and French sentences into Universal Dependencies
// tokens with part-of-speech tags, lemmas and labeled dependency trees, in pure Go.
//
// # Pieces
//
//   - Tokenize splits text as UD English does (clitics such as 's and n't split off,
//     punctuation and inner hyphens split), with code-point offsets.
//   - A Model tags (averaged perceptron over word shape, affix and context features, with a
//     tag dictionary for frequent words), lemmatizes (the treebank's word/tag/lemma table, then
//     suffix rules) and parses (arc-hybrid transitions scored by an averaged perceptron over
//     Zhang & Nivre-style features, trained with a dynamic oracle). Parsing is greedy: one pass,
//     linear in the sentence's length.
//   - Default returns the model trained on the UD English Web Treebank, embedded in the binary
//     (model/ewt.model; CC BY-SA 4.0, see model/LICENSE) and loaded once. For returns the
//     model of a language: English, or Spanish and French (model/es.model, model/fr.model,
//     trained on UD GSD dev + PUD), each loaded on first use.
//   - TokenizeIn and AppendTokens split text as the language's treebank does: Spanish and
//     French contractions ("del", "au") become their syntactic words ("de" "el", "à" "le"),
//     all pointing at the surface word's span; Spanish enclitics split from their verb
//     ("dárselo" → "dar" "se" "lo"); French elisions and inversions ("l'", "-t-il") split.
//   - Train builds a model from CoNLL-U files; ReadCoNLLU and WriteCoNLLU read and write them.
//
// # Trees
//
// A Sentence's tokens are indexed from 0; Token.Head is the index of the head, or -1 for the
// root. Every parsed sentence is a tree: one root, no cycles, every head in range.
// Relations are UD relations with their subtypes ("nsubj:pass", "obl:agent"); RelIs matches a
// relation or any of its subtypes.
//
// A Model is immutable once built and safe for concurrent use.
package syntax
