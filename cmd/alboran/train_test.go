package main

import (
	"testing"

	"github.com/alboran/alboran/internal/syntax"
)

// TestRelabeling: another treebank's relations and tags follow the reference's conventions.
func TestRelabeling(t *testing.T) {
	var ref []*syntax.Sentence
	for range 12 {
		ref = append(ref, &syntax.Sentence{Tokens: []syntax.Token{
			{Form: "su", UPOS: "DET", Lemma: "su", Rel: "det"},
			{Form: "Juan", UPOS: "PROPN", Lemma: "Juan", Rel: "nsubj"},
			{Form: "Pérez", UPOS: "PROPN", Lemma: "Pérez", Rel: "flat"},
			{Form: "se", UPOS: "PRON", Lemma: "él", Rel: "expl:pv"},
			{Form: "que", UPOS: "SCONJ", Lemma: "que", Rel: "mark"},
		}})
	}
	ref = append(ref, &syntax.Sentence{Tokens: []syntax.Token{{Form: "que", UPOS: "PRON", Lemma: "que", Rel: "expl:pass"}}})
	rel := relabeling(ref)
	for in, want := range map[string]string{"flat:name": "flat", "flat": "flat", "expl:pass": "expl:pv", "nsubj": "nsubj", "obl:tmod": "obl:tmod", "vocative": "vocative"} {
		if got := rel(in); got != want {
			t.Errorf("relabel(%q) = %q, want %q", in, got, want)
		}
	}
	tags := retagging(ref)
	if got := tags["su"]; got != (tagLemma{"DET", "su"}) {
		t.Errorf("retag su = %+v, want DET su", got)
	}
	if _, ok := tags["que"]; ok {
		t.Error("que is tagged two ways in the reference and must keep its own tag")
	}
}
