package syntax

import (
	"bytes"
	"context"
	"io"
	"testing"
)

// TestTrainIsDeterministicAndRoundTrips trains two small models on a slice of the training
// treebank with the same seed: their files must be byte for byte the same, and the model read
// back from the file must parse as the one that wrote it.
func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	ctx := context.Background()
	cs, err := ReadCoNLLUFile(ctx, treebank(t, "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	train, dev := Sentences(cs[:250]), Sentences(cs[1500:1560])
	opts := TrainOptions{TagIters: 2, ParseIters: 2, Folds: 2, Seed: 7, Log: io.Discard}
	var files [2]bytes.Buffer
	var models [2]*Model
	for i := range files {
		m, err := Train(ctx, train, dev, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(&files[i]); err != nil {
			t.Fatal(err)
		}
		models[i] = m
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two trainings with the same data and seed wrote different models")
	}
	back, err := Read(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	a, b := models[0].Evaluate(ctx, dev), back.Evaluate(ctx, dev)
	if a != b {
		t.Errorf("model read back scores %v, the one written %v", b, a)
	}
	if a.UAS == 0 || a.UPOS == 0 {
		t.Errorf("a model trained on 250 sentences got nothing right: %v", a)
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), files[0].Bytes()) {
		t.Error("a model read and written again changed")
	}
	// A truncated or foreign file is an error, not a panic.
	for _, bad := range [][]byte{nil, []byte("hello"), files[0].Bytes()[:len(files[0].Bytes())/2]} {
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("Read accepted a bad file of %d bytes", len(bad))
		}
	}
}
