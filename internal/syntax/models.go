package syntax

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sync"
)

// The models of the languages other than English, embedded beside model/ewt.model (see
// model/LICENSE for each one's treebanks and license).
var (
	//go:embed model/es.model
	embeddedES []byte
	//go:embed model/fr.model
	embeddedFR []byte
)

// ErrNoModel marks a language that has no syntax model.
var ErrNoModel = errors.New("no syntax model for this language")

type lazyModel struct {
	once sync.Once
	data []byte
	m    *Model
	err  error
}

func (l *lazyModel) get(lang string) (*Model, error) {
	l.once.Do(func() {
		l.m, l.err = Read(bytes.NewReader(l.data))
		if l.err != nil {
			l.err = fmt.Errorf("embedded %s syntax model: %w", lang, l.err)
		}
	})
	return l.m, l.err
}

var models = map[string]*lazyModel{Spanish: {data: embeddedES}, French: {data: embeddedFR}}

// For returns the embedded model of a language, by its ISO 639-1 code: English ("en" or ""),
// Spanish ("es") or French ("fr"), each decoded on its first use only. Another code is an
// error wrapping ErrNoModel; callers that read such a text anyway use the English model.
func For(lang string) (*Model, error) {
	if lang == "" || lang == English {
		return Default()
	}
	l, ok := models[lang]
	if !ok {
		return nil, fmt.Errorf("syntax model for %q: %w (there are en, es and fr)", lang, ErrNoModel)
	}
	return l.get(lang)
}

// Languages are the codes For has a model for.
func Languages() []string { return []string{English, Spanish, French} }

// ParseTextIn tokenizes one sentence of text as language lang does (TokenizeIn) and parses
// it; offsets are code points from the start of text.
func (m *Model) ParseTextIn(lang, text string) *Sentence {
	s := &Sentence{Tokens: TokenizeIn(lang, text, 0)}
	m.Parse(s)
	return s
}
