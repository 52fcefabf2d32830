package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Languages with a tokenizer and a model of their own, as ISO 639-1 codes. Any other code is
// tokenized and parsed as English.
const (
	English = "en"
	Spanish = "es"
	French  = "fr"
)

// TokenizeIn splits s into syntactic words as the UD treebank of language lang does (Spanish
// and French GSD; English EWT for "en", "" and any other code, as Tokenize). Offsets are code
// points from base.
//
// Spanish and French keep what English splits off as one word (no "'s", "n't"); French keeps
// hyphenated words ("Grande-Bretagne", "c'est-à-dire") but splits the subject pronoun of an
// inversion ("a-t-il" → "a" "-t-il"), and splits after an elided article, pronoun or
// conjunction ("l'", "d'", "qu'", "jusqu'"); Spanish splits hyphens as English does. A number
// with groups of three digits after spaces ("12 000") is one word. Contractions become the
// syntactic words of the treebank, each with the span of the whole surface word (or its own
// part of it when the words spell it, as "hacer" and "lo" spell "hacerlo"): Spanish
// "del" → "de" "el", "al" → "a" "el", an infinitive or gerund with its clitics ("dárselo" →
// "dar" "se" "lo", "hacerlo" → "hacer" "lo"); French "du" → "de" "le", "au" → "à" "le", "aux"
// → "à" "les", "des" → "de" "les" when it follows a noun rather than a verb or a preposition,
// "auquel" → "à" "lequel".
func TokenizeIn(lang, s string, base int) []Token {
	return AppendTokens(lang, nil, s, base)
}

// AppendTokens appends the tokens of s to out, as TokenizeIn would split them, and returns the
// extended slice. The tokens already in out are the context of the first ones of s (a French
// "des" after a noun is "de les"), and the last of them gets SpaceAfter when s starts with
// white space. s's offsets are code points from base.
func AppendTokens(lang string, out []Token, s string, base int) []Token {
	r := rulesFor(lang)
	if r == nil {
		tokenizeInto(s, base, &out)
		return out
	}
	r.tokenizeInto(s, base, &out)
	return out
}

// langRules is how a language other than English splits words.
type langRules struct {
	lang string
	// abbreviations keep their final dot (lower case, without the dot); capAbbreviations
	// only when capitalized (Spanish "Mar." is March, "mar." the sea at a sentence's end).
	abbreviations    map[string]bool
	capAbbreviations map[string]bool
	// splitHyphens: a hyphen between words is a token (Spanish), or part of the word (French).
	splitHyphens bool
	// elisions end a word at their apostrophe (French "l'", "qu'"), lower case without it.
	elisions map[string]bool
	// contractions of one surface word into several syntactic words, lower case.
	contractions map[string][]string
}

func rulesFor(lang string) *langRules {
	switch lang {
	case Spanish:
		return spanishRules
	case French:
		return frenchRules
	}
	return nil
}

var spanishRules = &langRules{
	lang: Spanish,
	abbreviations: setOf("sr", "sra", "srta", "sres", "dr", "dra", "d", "dña", "ud", "uds", "etc", "av", "avda", "núm",
		"pág", "art", "arts", "excmo", "excma", "ilmo", "gral", "cap", "col", "tte", "sgto", "prof", "lic", "ing",
		"ee", "uu", "ss", "aa", "cc", "oo", "pp", "vs", "aprox", "tel", "fig", "dcha", "izq", "admón", "dpto"),
	capAbbreviations: setOf("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "sept", "oct", "nov", "dic"),
	splitHyphens:     true,
	contractions:     map[string][]string{"del": {"de", "el"}, "al": {"a", "el"}},
}

var frenchRules = &langRules{
	lang: French,
	abbreviations: setOf("m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "me", "st", "ste", "etc", "av", "bd", "cf",
		"boul", "env", "éd", "fig", "gén", "col", "cdt", "lt", "sgt", "prof", "p", "vol", "art", "min", "max", "tél", "apr"),
	elisions: setOf("l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"),
	contractions: map[string][]string{"du": {"de", "le"}, "au": {"à", "le"}, "aux": {"à", "les"}, "des": {"de", "les"},
		"auquel": {"à", "lequel"}, "auxquels": {"à", "lesquels"}, "auxquelles": {"à", "lesquelles"},
		"duquel": {"de", "lequel"}, "desquels": {"de", "lesquels"}, "desquelles": {"de", "lesquelles"}},
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// frenchInversions are the subject pronouns joined by a hyphen to the verb they follow.
var frenchInversions = [...]string{"-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-on", "-ils", "-elles",
	"-je", "-tu", "-nous", "-vous", "-ce"}

// mwPiece is a piece with the forms of the syntactic words it stands for (nil: its text).
type mwPiece struct {
	piece
	words []string
	// cond: the words hold only in some contexts ('d': French "des", 'c': a capitalized
	// Spanish "Al" or "Del"), decided by contracts with the tokens before.
	cond byte
}

func (r *langRules) tokenizeInto(s string, base int, out *[]Token) {
	tokenizeWith(&langSplitter{r: r}, s, base, out)
}

// langSplitter is the splitter of a language with rules: numbers with spaces are one word,
// and contractions become their syntactic words.
type langSplitter struct {
	r      *langRules
	pieces []mwPiece
}

func (*langSplitter) joins(s string, k int) bool { return numberSpace(s, k) }

func (ls *langSplitter) split(s string, i, j int, at func(int) int, out *[]Token) {
	r := ls.r
	ls.pieces = r.splitChunk(s, i, j, ls.pieces[:0])
	for _, p := range ls.pieces {
		st, en := at(p.start), at(p.end)
		if p.words == nil || p.cond != 0 && !r.contracts(p.cond, *out) {
			*out = append(*out, Token{Form: s[p.start:p.end], Start: st, End: en, Head: -1})
			continue
		}
		// Words that spell the surface word ("hacerlo" = "hacer" "lo") get their part of
		// it, as in English; the others ("del" = "de" "el") all get its whole span.
		spelled := strings.Join(p.words, "") == s[p.start:p.end]
		off := st
		for _, f := range p.words {
			if spelled {
				n := utf8.RuneCountInString(f)
				*out = append(*out, Token{Form: f, Start: off, End: off + n, Head: -1})
				off += n
				continue
			}
			*out = append(*out, Token{Form: f, Start: st, End: en, Head: -1})
		}
	}
}

// numberSpace reports whether the space at s[k] separates groups of digits of one number:
// one to three digits before it, exactly three after ("12 000", "1 250 000"; not "2019 200").
func numberSpace(s string, k int) bool {
	c, w := utf8.DecodeRuneInString(s[k:])
	if c != ' ' && c != '\u00a0' && c != '\u202f' {
		return false
	}
	n := 0
	for b := k; b > 0 && n < 4; n++ {
		if s[b-1] < '0' || s[b-1] > '9' {
			break
		}
		b--
	}
	return n >= 1 && n <= 3 && threeDigits(s, k+w)
}

// threeDigits reports whether s[k:] starts with exactly three digits and then no letter or digit.
func threeDigits(s string, k int) bool {
	if k+3 > len(s) {
		return false
	}
	for m := k; m < k+3; m++ {
		if s[m] < '0' || s[m] > '9' {
			return false
		}
	}
	if k+3 == len(s) {
		return true
	}
	n, _ := utf8.DecodeRuneInString(s[k+3:])
	return !isWordRune(n)
}

func (r *langRules) splitChunk(s string, i, j int, out []mwPiece) []mwPiece {
	if isURL(s[i:j]) {
		k := j
		for k > i {
			c, w := utf8.DecodeLastRuneInString(s[i:k])
			if !strings.ContainsRune(".,;:!?)\"'”’»", c) {
				break
			}
			k -= w
		}
		out = append(out, mwPiece{piece: piece{i, k}})
		return r.splitChunk(s, k, j, out)
	}
	for i < j {
		c, w := utf8.DecodeRuneInString(s[i:])
		if c == '-' && r.lang == French && i > 0 && r.inversionAt(s[i:j]) {
			if l := inversionLen(s[i:j]); l > 0 {
				out = append(out, mwPiece{piece: piece{i, i + l}})
				i += l
				continue
			}
		}
		if !isWordRune(c) {
			// A run of the same punctuation mark is one token ("...", "!!", "--").
			k := i + w
			for k < j {
				c2, w2 := utf8.DecodeRuneInString(s[k:])
				if c2 != c && !(c == '.' && (c2 == '?' || c2 == '!')) {
					break
				}
				k += w2
			}
			out = append(out, mwPiece{piece: piece{i, k}})
			i = k
			continue
		}
		k := r.scanWordEnd(s, i, j)
		out = r.word(s, i, k, out)
		i = k
	}
	return out
}

// scanWordEnd returns the end of the word starting at i (before j).
func (r *langRules) scanWordEnd(s string, i, j int) int {
	k := i
	for k < j {
		c, w := utf8.DecodeRuneInString(s[k:])
		if isWordRune(c) {
			k += w
			continue
		}
		if isSpace(c) {
			// Only inside a number, as the chunk joined it: "12 000".
			if numberSpace(s, k) {
				k += w
				continue
			}
			return k
		}
		if k+w >= j {
			if c == '.' && r.isAbbrev(s[i:k]) {
				return k + w
			}
			return k
		}
		n, _ := utf8.DecodeRuneInString(s[k+w:])
		switch {
		case isApos(c) && unicode.IsLetter(n):
			if r.elisions[strings.ToLower(s[i:k])] {
				return k + w // "l'", "qu'": the word ends with its apostrophe
			}
			k += w // "aujourd'hui", "O'Donnell"
		case (c == ',' || c == '.' || c == ':' || c == '/') && unicode.IsDigit(n) && k > i && isDigitBefore(s, k):
			k += w // "1.250", "18,5", "19:00"
		case c == '.' && unicode.IsLetter(n) && (dottedLetters(s[i:k]) || doubledCaps(s[i:k])):
			k += w // "J.-C", "p.ej", "EE.UU"
		case c == '-' && unicode.IsDigit(n) && isDigitBefore(s, k):
			k += w // scores and spans of years: "1-1", "1994-95"
		case c == '-' && unicode.IsLetter(n) && !r.splitHyphens:
			if r.lang == French && r.inversionAt(s[k:j]) {
				return k
			}
			k += w
		case c == '.' && r.isAbbrev(s[i:k]) && !unicode.IsLetter(n) && !unicode.IsDigit(n):
			return k + w
		default:
			return k
		}
	}
	return k
}

// inversionAt reports whether rest starts with an inverted subject pronoun that ends the word.
func (r *langRules) inversionAt(rest string) bool { return inversionLen(rest) > 0 }

// inversionLen returns the byte length of the inverted subject pronoun that starts rest and
// ends its word ("-t-il", "-elle"), or 0.
func inversionLen(rest string) int {
	l := strings.ToLower(rest)
	for _, inv := range frenchInversions {
		if strings.HasPrefix(l, inv) && len(l) >= len(inv) {
			after, _ := utf8.DecodeRuneInString(rest[len(inv):])
			if len(rest) == len(inv) || !isWordRune(after) && after != '-' {
				return len(inv)
			}
		}
	}
	return 0
}

func (r *langRules) isAbbrev(w string) bool {
	if strings.Contains(w, ".") && doubledCaps(w) {
		return true
	}
	if strings.Contains(w, ".") {
		return dottedLetters(w)
	}
	if r.abbreviations[strings.ToLower(w)] {
		return true
	}
	c, size := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(c) && r.capAbbreviations[strings.ToLower(w)] {
		return true
	}
	return size == len(w) && unicode.IsUpper(c)
}

// word appends the pieces of the word s[i:k]: French inversion pronouns come out of the
// word scanning; here contractions and Spanish clitics become their syntactic words.
func (r *langRules) word(s string, i, k int, out []mwPiece) []mwPiece {
	w := s[i:k]
	l := strings.ToLower(w)
	if r.lang == French && strings.HasPrefix(w, "-") {
		return append(out, mwPiece{piece: piece{i, k}})
	}
	if parts, ok := r.contractions[l]; ok {
		var cond byte
		switch {
		case r.lang == French && l == "des":
			cond = 'd'
		case r.lang == Spanish && w != l:
			cond = 'c'
		}
		return append(out, mwPiece{piece: piece{i, k}, words: parts, cond: cond})
	}
	if r.lang == French {
		// Times: "20h45" → "20" "h" "45", "10h" → "10" "h".
		if h := strings.IndexByte(w, 'h'); h > 0 && allDigits(w[:h]) && allDigits(w[h+1:]) {
			out = append(out, mwPiece{piece: piece{i, i + h}}, mwPiece{piece: piece{i + h, i + h + 1}})
			if h+1 < len(w) {
				out = append(out, mwPiece{piece: piece{i + h + 1, k}})
			}
			return out
		}
	}
	if r.lang == Spanish {
		if parts := spanishClitics(w); parts != nil {
			return append(out, mwPiece{piece: piece{i, k}, words: parts})
		}
	}
	return append(out, mwPiece{piece: piece{i, k}})
}

// contracts decides whether a contraction is one after the tokens before: a Spanish "Al" or
// "Del" capitalized inside a sentence begins a name ("Al Hoceima", "Del Valle"), while first
// it is "a el" ("Al menos 30 migrantes"); French "des" is "de les" after a noun, an adjective,
// a number or a pronoun ("l'arrivée des migrants", "l'un des passeurs") and the plural
// indefinite article first, after punctuation, a verb, a preposition, a conjunction or an
// adverb ("avec des migrants", "ont arrêté des passeurs").
func (r *langRules) contracts(cond byte, before []Token) bool {
	if len(before) == 0 {
		return cond == 'c'
	}
	if cond == 'c' {
		return false
	}
	prev := before[len(before)-1].Form
	c, _ := utf8.DecodeRuneInString(prev)
	if !isWordRune(c) {
		return false
	}
	l := strings.ToLower(prev)
	if frenchBeforeIndefinite[l] || strings.HasSuffix(l, "ment") || strings.HasSuffix(l, "'") || strings.HasSuffix(l, "’") {
		return false
	}
	return true
}

// frenchBeforeIndefinite are words after which "des" is the indefinite article: prepositions,
// conjunctions, adverbs and frequent verbs (the UD French GSD and PUD files show these before
// a "des" that is a determiner).
var frenchBeforeIndefinite = setOf("à", "a", "par", "avec", "dans", "sur", "pour", "sans", "entre", "contre", "vers",
	"chez", "selon", "comme", "pendant", "après", "avant", "parmi", "malgré", "envers", "durant", "depuis", "dès", "en",
	"sous", "et", "ou", "mais", "que", "dont", "où", "ni", "car", "si", "est", "sont", "ont", "était", "étaient",
	"sera", "seront", "avait", "avaient", "aura", "auront", "été", "fait", "font", "faire", "y", "il", "ils", "elle",
	"elles", "on", "aussi", "également", "toujours", "souvent", "encore", "déjà", "plus", "moins", "très", "trop",
	"notamment", "voire", "puis", "donc", "alors", "ainsi", "aussi", "même", "surtout", "parfois", "propose",
	"proposent", "compte", "comptent", "contient", "donne", "donnent", "offre", "offrent", "trouve", "trouver",
	"avoir", "être", "ayant", "étant", "produit", "produire", "provoque", "provoquer", "lire", "voir", "utilise",
	"utilisent", "utiliser", "crée", "créer", "porte", "portent", "mène", "mènent", "mener", "reçoit", "reçu",
	"arrêté", "intercepté", "secouru", "interpellé", "démantelé", "saisi", "expulsé", "rapatrié", "accueilli",
	"arrêter", "intercepter", "secourir", "interpeller", "démanteler", "saisir", "expulser", "accueillir",
	"sauvé", "transportait", "transportant", "transporte", "contre", "voici", "voilà")

// spanishClitics splits a Spanish verb from its enclitic pronouns, as UD Spanish GSD does:
// "hacerlo" → "hacer" "lo", "dárselo" → "dar" "se" "lo", "diciéndole" → "diciendo" "le". The
// verb must be an infinitive or a gerund; without a written accent, an infinitive takes one
// clitic of the third person or "se" (so that "muerte", "gobiernos" and "extranjeros" stay
// whole); with one ("dárselo", "transmitiéndose"), two or more clitics of any person, the
// accent leaving with them. Only lower-case words are split. nil when the word is not one.
func spanishClitics(w string) []string {
	for _, c := range w {
		if !unicode.IsLower(c) {
			return nil
		}
	}
	var clitics []string
	stem := w
	for n := 0; n < 3; n++ {
		c := cliticSuffix(stem)
		if c == "" {
			break
		}
		stem = stem[:len(stem)-len(c)]
		clitics = append([]string{c}, clitics...)
		verb, accented, ok := spanishVerb(stem)
		if !ok {
			continue
		}
		if !accented && (len(clitics) > 1 || !thirdPerson[clitics[0]] && !(clitics[0] == "nos" && !strings.HasSuffix(verb, "er"))) {
			continue
		}
		if accented && len(clitics) == 1 && !strings.HasSuffix(verb, "ndo") {
			continue // an accented infinitive with one clitic is not written so
		}
		return append([]string{verb}, clitics...)
	}
	return nil
}

var thirdPerson = setOf("se", "lo", "la", "los", "las", "le", "les")

// cliticSuffix returns the clitic pronoun that ends w, the longest first, or "".
func cliticSuffix(w string) string {
	for _, c := range [...]string{"los", "las", "les", "nos", "lo", "la", "le", "se", "me", "te", "os"} {
		if strings.HasSuffix(w, c) && len(w) > len(c)+1 {
			return c
		}
	}
	return ""
}

// shortInfinitives are the infinitives of fewer than four letters that take clitics.
var shortInfinitives = setOf("dar", "ver", "ir", "ser", "oír", "reír", "freír")

// spanishVerb reports whether stem is an infinitive or a gerund, returning it without the
// accent that its clitics made it carry, and whether it had one.
func spanishVerb(stem string) (verb string, accented, ok bool) {
	for _, e := range [...][2]string{{"ár", "ar"}, {"ér", "er"}, {"ír", "ir"}, {"ándo", "ando"}, {"iéndo", "iendo"}, {"yéndo", "yendo"}} {
		if strings.HasSuffix(stem, e[0]) {
			verb = stem[:len(stem)-len(e[0])] + e[1]
			return verb, true, utf8.RuneCountInString(verb) >= 4 || shortInfinitives[verb]
		}
	}
	for _, e := range [...]string{"ar", "er", "ir", "ando", "iendo", "yendo"} {
		if strings.HasSuffix(stem, e) {
			return stem, false, utf8.RuneCountInString(stem) >= 4 || shortInfinitives[stem]
		}
	}
	return "", false, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// doubledCaps reports whether w is Spanish plural initials, doubled capitals separated by
// dots ("EE", "EE.UU", "FF.AA", "CC.OO").
func doubledCaps(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if len(part) != 2 || part[0] != part[1] || part[0] < 'A' || part[0] > 'Z' {
			return false
		}
	}
	return true
}
