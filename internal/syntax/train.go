package syntax

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"sync"
	"time"
)

// TrainOptions sets how Train builds a model. The zero value of a field takes its default.
type TrainOptions struct {
	TagIters     int     // tagger passes over the training set (default 6)
	ParseIters   int     // parser passes (default 14)
	Folds        int     // jackknife folds that give the parser predicted tags to learn from (default 5; 1 for gold tags)
	Seed         int64   // seed of the shuffles and of the oracle's exploration (default 1)
	Explore      float64 // probability of following the model's own move once past the first pass (default 0.9)
	MinWeight    float64 // parser weights whose average is smaller than this are pruned (default 1)
	TagMinWeight float64 // the same for the tagger (default 0.5)
	DictMin      int     // a word enters the tag dictionary when seen this often... (default 20)
	DictRatio    float64 // ...with one tag this share of the time (default 0.97)
	// PruneReport scores the dev set with the parser pruned at several thresholds.
	PruneReport bool
	Log         io.Writer
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.TagIters, 6)
	def(&o.ParseIters, 14)
	def(&o.Folds, 5)
	def(&o.DictMin, 20)
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1
	}
	if o.TagMinWeight == 0 {
		o.TagMinWeight = 0.5
	}
	if o.DictRatio == 0 {
		o.DictRatio = 0.97
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Train builds a model from annotated sentences (gold UPOS, XPOS, lemmas, heads and
// relations, as ReadCoNLLU gives them). dev, when not empty, is scored after each parser
// pass and at the end. The same data, options and seed give the same model.
func Train(ctx context.Context, train, dev []*Sentence, o TrainOptions) (*Model, error) {
	o.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("train: no training sentences")
	}
	start := time.Now()
	logf := func(format string, a ...any) {
		fmt.Fprintf(o.Log, "%6.1fs  ", time.Since(start).Seconds())
		fmt.Fprintf(o.Log, format+"\n", a...)
	}
	// Classes and labels, in a fixed order.
	classOf := map[string]int{}
	labelSet := map[string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			classOf[t.UPOS+"\t"+t.XPOS] = 0
			labelSet[t.Rel] = true
		}
	}
	var tc tagClasses
	for i, k := range sortedKeys(classOf) {
		classOf[k] = i
		u, x, _ := strings.Cut(k, "\t")
		tc.upos = append(tc.upos, u)
		tc.xpos = append(tc.xpos, x)
	}
	tc.setCoarse()
	if len(tc.upos) > 255 {
		return nil, fmt.Errorf("train: %d tag pairs, at most 255", len(tc.upos))
	}
	ps := &parser{labels: sortedKeys(labelSet), root: -1}
	for i, l := range ps.labels {
		if l == "root" {
			ps.root = i
		}
	}
	if ps.root < 0 || len(ps.labels) > 63 {
		return nil, fmt.Errorf("train: %d relations (at most 63, with root among them)", len(ps.labels))
	}
	labelOf := map[string]int{}
	for i, l := range ps.labels {
		labelOf[l] = i
	}
	golds := make([]goldSent, len(train))
	for i, s := range train {
		g, err := makeGold(s, classOf, labelOf)
		if err != nil {
			return nil, fmt.Errorf("train: sentence %d: %w", i+1, err)
		}
		golds[i] = g
	}
	logf("%d sentences, %d tag pairs, %d relations", len(train), len(tc.upos), len(ps.labels))

	// Tag dictionary.
	dictCounts := map[string]map[int]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			inc(dictCounts, t.Form, classOf[t.UPOS+"\t"+t.XPOS])
		}
	}
	dict := map[uint64]int{}
	for w, m := range dictCounts {
		total := 0
		for _, n := range m {
			total += n
		}
		c, n := best(m, func(a, b int) bool { return a < b })
		if total >= o.DictMin && float64(n) >= o.DictRatio*float64(total) {
			dict[hashString(w)] = c
		}
	}
	logf("tag dictionary: %d words", len(dict))

	// Jackknifed tags for the parser: each fold is tagged by a tagger trained on the others.
	if o.Folds > 1 {
		var wg sync.WaitGroup
		sem := make(chan struct{}, 2)
		errs := make([]error, o.Folds)
		for k := 0; k < o.Folds; k++ {
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				var part []int
				for i := range golds {
					if i%o.Folds != k {
						part = append(part, i)
					}
				}
				tr, err := trainTagger(ctx, golds, part, len(tc.upos), dict, o.TagIters, o.Seed+int64(k)+1)
				if err != nil {
					errs[k] = err
					return
				}
				tg := &tagger{classes: tc, dict: dict, model: tr}
				var info []wordInfo
				var feats []uint64
				scores := make([]float32, len(tc.upos))
				for i := k; i < len(golds); i += o.Folds {
					info = infos(train[i].Tokens, info)
					var tags []int
					tags, feats = tg.tag(info, nil, feats, scores)
					golds[i].predTags = tags
				}
			}(k)
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		right, all := 0, 0
		for _, g := range golds {
			for i, c := range g.predTags {
				all++
				if c == g.tags[i] {
					right++
				}
			}
		}
		logf("jackknifed tags (%d folds): %.2f%% right", o.Folds, 100*float64(right)/float64(all))
	} else {
		for i := range golds {
			golds[i].predTags = golds[i].tags
		}
	}

	all := make([]int, len(golds))
	for i := range all {
		all[i] = i
	}
	tr, err := trainTagger(ctx, golds, all, len(tc.upos), dict, o.TagIters, o.Seed)
	if err != nil {
		return nil, err
	}
	te, tscale := tr.freeze(o.TagMinWeight)
	tg := &tagger{classes: tc, dict: dict, model: tableOf(len(tc.upos), te, tscale)}
	logf("tagger: %d features kept of %d", len(te), len(tr.rows))
	tr = nil

	lc := newLemmaCounts(len(tc.upos))
	for _, s := range train {
		for _, t := range s.Tokens {
			lc.add(t.Form, t.Lemma, t.Feats, t.UPOS, classOf[t.UPOS+"\t"+t.XPOS])
		}
	}
	m := &Model{tg: tg, lm: lc.build(3)}
	m.lm.index(tc.upos)
	m.ps = ps

	pt := newTrainer(ps.outputs())
	rng := rand.New(rand.NewSource(o.Seed))
	order := append([]int(nil), all...)
	for it := 0; it < o.ParseIters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := 0.0
		if it > 0 {
			explore = o.Explore
		}
		right, total := 0, 0
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			r, n := trainParse(pt, ps, tc.coarse, train[i], &golds[i], rng, explore)
			right += r
			total += n
		}
		msg := fmt.Sprintf("parser pass %d: %.2f%% of moves right, %d features", it+1, 100*float64(right)/float64(total), len(pt.rows))
		if len(dev) > 0 && (it == o.ParseIters-1 || it%3 == 2) {
			ps.model = averaged{pt}
			sc := m.Evaluate(ctx, dev)
			msg += fmt.Sprintf("; dev %s", sc)
		}
		logf("%s", msg)
	}
	if len(dev) > 0 && o.PruneReport {
		for _, thr := range []float64{0.25, 0.5, 1, 2, 4} {
			e, sc := pt.freeze(thr)
			ps.model = tableOf(ps.outputs(), e, sc)
			logf("pruned at %.2f: %d parser features; dev %s", thr, len(e), m.Evaluate(ctx, dev))
		}
	}
	pe, pscale := pt.freeze(o.MinWeight)
	ps.model = tableOf(ps.outputs(), pe, pscale)
	logf("parser: %d features kept of %d", len(pe), len(pt.rows))
	m.Info = fmt.Sprintf("trained on %d sentences; %d tagger and %d parser features", len(train), len(te), len(pe))
	if len(dev) > 0 {
		sc := m.Evaluate(ctx, dev)
		m.Info += "; dev (gold tokens): " + sc.String()
		logf("final model, dev: %s", sc)
	}
	return m, nil
}

// averaged scores with the averaged weights of a model still in training.
type averaged struct{ p *trainer }

func (a averaged) scores(feats []uint64, out []float32) {
	clear(out)
	t := max(a.p.t, 1)
	for _, f := range feats {
		r, ok := a.p.index[f]
		if !ok {
			continue
		}
		for _, w := range a.p.rows[r] {
			out[w.class] += float32(float64(w.w) - w.acc/t)
		}
	}
}

// goldSent is a training sentence in the classes' and parser's terms.
type goldSent struct {
	tags     []int
	predTags []int
	heads    []int32 // n for the root
	labels   []int16
	deps     [][]int32 // gold dependents of each token, and of ROOT at n
	toks     []Token
}

func makeGold(s *Sentence, classOf, labelOf map[string]int) (goldSent, error) {
	n := len(s.Tokens)
	g := goldSent{toks: s.Tokens, tags: make([]int, n), heads: make([]int32, n), labels: make([]int16, n), deps: make([][]int32, n+1)}
	for i, t := range s.Tokens {
		g.tags[i] = classOf[t.UPOS+"\t"+t.XPOS]
		h := t.Head
		if h < 0 {
			h = n
		}
		if h > n || h == i {
			return g, fmt.Errorf("token %d: head %d out of range", i+1, t.Head+1)
		}
		g.heads[i] = int32(h)
		g.labels[i] = int16(labelOf[t.Rel])
		g.deps[h] = append(g.deps[h], int32(i))
	}
	return g, nil
}

// trainTagger trains a tagger on the sentences idx of golds.
func trainTagger(ctx context.Context, golds []goldSent, idx []int, classes int, dict map[uint64]int, iters int, seed int64) (*trainer, error) {
	// Words are interned once.
	p := newTrainer(classes)
	rng := rand.New(rand.NewSource(seed))
	order := append([]int(nil), idx...)
	var feats []uint64
	scores := make([]float32, classes)
	cache := make(map[int][]wordInfo, len(idx))
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, si := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			g := &golds[si]
			w := cache[si]
			if w == nil {
				w = infos(g.toks, nil)
				cache[si] = w
			}
			var p1, p2 uint64
			for i := range w {
				guess, ok := dict[w[i].cased]
				if !ok {
					feats = tagFeatures(w, i, p1, p2, feats[:0])
					p.scores(feats, scores)
					guess = argmax(scores)
					p.update(feats, g.tags[i], guess)
					p.tick()
				}
				p2, p1 = p1, uint64(guess+1)
			}
		}
	}
	return p, nil
}

// trainParse parses one sentence with the dynamic oracle, updating the model where it
// chooses a move that loses arcs. It returns the number of moves that were right and made.
func trainParse(p *trainer, ps *parser, coarse []uint8, s *Sentence, g *goldSent, rng *rand.Rand, explore float64) (right, total int) {
	n := len(s.Tokens)
	if n == 0 {
		return 0, 0
	}
	var st pstate
	st.reset(n)
	var pw pwords
	info := infos(s.Tokens, nil)
	pw.fill(info, g.predTags, coarse)
	inStack := make([]bool, n+1)
	inStack[n] = true
	nc := ps.classes()
	scores := make([]float32, ps.outputs())
	costs := make([]int, nc)
	var feats []uint64
	nl := len(ps.labels)
	for !st.done() {
		feats = st.features(&pw, feats[:0])
		p.scores(feats, scores)
		canShift, canLeft, canRight := st.legal()
		cs, cl, cr := moveCosts(&st, g, inStack)
		minCost := 1 << 30
		for c := 0; c < nc; c++ {
			costs[c] = -1
			if !ps.allowed(&st, c, canShift, canLeft, canRight) {
				continue
			}
			m, l := moveOf(c, nl)
			cost := 0
			switch m {
			case mShift:
				cost = cs
			case mLeft:
				cost = cl
				if s0 := st.top(0); g.heads[s0] == int32(st.b) && int16(l) != g.labels[s0] {
					cost++
				}
			case mRight:
				cost = cr
				if s0, s1 := st.top(0), st.top(1); g.heads[s0] == int32(s1) && int16(l) != g.labels[s0] {
					cost++
				}
			}
			costs[c] = cost
			minCost = min(minCost, cost)
		}
		pred, gold := -1, -1
		var pscore, gscore float32
		for c := 0; c < nc; c++ {
			if costs[c] < 0 {
				continue
			}
			sc := ps.score(scores, c)
			if pred < 0 || sc > pscore {
				pred, pscore = c, sc
			}
			if costs[c] == minCost && (gold < 0 || sc > gscore) {
				gold, gscore = c, sc
			}
		}
		total++
		if costs[pred] == minCost {
			right++
		} else {
			p.update(feats, gold, pred)
			gm, _ := moveOf(gold, nl)
			pm, _ := moveOf(pred, nl)
			p.update(feats, nc+gm, nc+pm)
		}
		p.tick()
		next := gold
		if explore > 0 && rng.Float64() < explore {
			next = pred
		}
		m, l := moveOf(next, nl)
		switch m {
		case mShift:
			inStack[st.b] = true
		default:
			inStack[st.top(0)] = false
		}
		st.apply(m, l)
	}
	return right, total
}

// moveCosts returns the number of gold arcs each move type makes unreachable (Goldberg and
// Nivre, 2013, for the arc-hybrid system).
func moveCosts(st *pstate, g *goldSent, inStack []bool) (shift, left, right int) {
	n := st.n
	b := st.b
	s0 := st.top(0)
	s1 := st.top(1)
	depsInBuffer := func(h int) int {
		c := 0
		for _, d := range g.deps[h] {
			if int(d) >= b {
				c++
			}
		}
		return c
	}
	if b < n {
		// b0 can no longer take a head from the stack below s0, nor dependents from the stack.
		h := int(g.heads[b])
		if inStack[h] && h != s0 {
			shift++
		}
		for _, d := range g.deps[b] {
			if inStack[d] {
				shift++
			}
		}
	}
	if s0 >= 0 && s0 != n {
		h := int(g.heads[s0])
		deps := depsInBuffer(s0)
		if b < n {
			// LEFT: s0 loses a head in s1 or the buffer after b0, and its dependents in the buffer.
			left = deps
			if h != b && (h == s1 || (h > b && h < n)) {
				left++
			}
		}
		if s1 >= 0 {
			// RIGHT: s0 loses a head and dependents in the buffer.
			right = deps
			if h != s1 && h >= b && h < n {
				right++
			}
		}
	}
	return shift, left, right
}
