// Package queue carries documents to workers through a NATS JetStream work-queue stream.
//
// The publisher counts a document as sent only when the stream has acknowledged it. A
// document too large for one message (the server's max_payload, 1 MB by default) goes by
// reference: its text in an object store, the message naming it. Workers pull batches, store
// each batch in one transaction and acknowledge its messages only after the commit; while they
// work, and while the database is unavailable, they send in-progress acknowledgements, so that
// a live worker keeps its messages however long an outage lasts and a dead worker's messages
// come back within the ack wait. A document that fails (it cannot be read or extracted, or the
// database refuses it) fails alone and is redelivered with back-off; at its last delivery it
// goes to the dead-letter stream with the reason. Stores write idempotently, so a redelivered
// document adds nothing.
//
// Status counts published, pending, in-flight, dead and stranded documents from the streams,
// and stored ones from the database, and says when they do not add up; Requeue sends stranded
// and dead documents back.
package queue

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/text"
)

// Defaults for a consumer that Connect creates.
const (
	DefaultMaxDeliver = 5
	DefaultAckWait    = 10 * time.Second
)

// Config names the streams and sets the delivery policy.
type Config struct {
	URL     string        // nats://host:port, or several separated by commas
	Name    string        // stream name prefix; "ALBORAN" by default
	Options []nats.Option // credentials, TLS

	// The settings below apply when Connect creates the streams and the workers' consumer.
	// When not zero they also change existing ones, and Connect fails with a clear error when
	// the server refuses; zero keeps what the server has.
	MaxDeliver int           // deliveries before a document is dead; DefaultMaxDeliver on creation
	AckWait    time.Duration // how long a worker may hold a document without a sign of life; DefaultAckWait on creation
	Replicas   int           // copies of each stream in a NATS cluster; 1 on creation
}

func (c *Config) defaults() {
	if c.Name == "" {
		c.Name = "ALBORAN"
	}
}

func (c Config) docs() string        { return c.Name + "_DOCS" }
func (c Config) dead() string        { return c.Name + "_DEAD" }
func (c Config) bodies() string      { return c.Name + "_BODIES" }
func (c Config) docSubject() string  { return "alboran." + c.Name + ".docs" }
func (c Config) deadSubject() string { return "alboran." + c.Name + ".dead" }

// requeuedSubject holds one marker per document that Requeue sent back, so that Status counts
// each published document once.
func (c Config) requeuedSubject() string { return "alboran." + c.Name + ".requeued" }

const consumerName = "workers"

// Message headers.
const (
	hdrKey        = "Alboran-Key" // the document's identity (store.Key), so that status can look it up
	hdrReason     = "Alboran-Reason"
	hdrDeliveries = "Alboran-Deliveries"
)

// Queue is a connection to the streams.
type Queue struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
}

// Connect connects to NATS and creates the streams and the workers' consumer when missing;
// settings given in cfg update existing ones.
func Connect(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	opts := append([]nats.Option{nats.Name("alboran"), nats.MaxReconnects(-1), nats.ReconnectWait(500 * time.Millisecond)}, cfg.Options...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("queue: connecting to NATS: %w", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	q := &Queue{cfg: cfg, nc: nc, js: js}
	if err := q.setUp(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// setUp creates or updates the streams and the consumer.
func (q *Queue) setUp(ctx context.Context) error {
	cfg := q.cfg
	replicas := max(cfg.Replicas, 1)
	if err := q.ensureStream(ctx, jetstream.StreamConfig{Name: cfg.docs(), Subjects: []string{cfg.docSubject()},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute, Replicas: replicas}); err != nil {
		return err
	}
	if err := q.ensureStream(ctx, jetstream.StreamConfig{Name: cfg.dead(), Subjects: []string{cfg.deadSubject(), cfg.requeuedSubject()},
		Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute, Replicas: replicas}); err != nil {
		return err
	}
	return q.ensureConsumer(ctx)
}

// ensureStream creates a stream, or brings an existing one's subjects, duplicate window and
// (when cfg.Replicas is set) replicas to want.
func (q *Queue) ensureStream(ctx context.Context, want jetstream.StreamConfig) error {
	s, err := q.js.Stream(ctx, want.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		if _, err := q.js.CreateStream(ctx, want); err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return fmt.Errorf("queue: creating stream %s: %w", want.Name, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", want.Name, err)
	}
	have := s.CachedInfo().Config
	next, change := have, []string(nil)
	for _, subj := range want.Subjects {
		if !contains(have.Subjects, subj) {
			next.Subjects = append(next.Subjects, subj)
			change = append(change, "subjects")
		}
	}
	if have.Duplicates < want.Duplicates {
		next.Duplicates = want.Duplicates
		change = append(change, "duplicate window")
	}
	if q.cfg.Replicas > 0 && have.Replicas != q.cfg.Replicas {
		next.Replicas = q.cfg.Replicas
		change = append(change, fmt.Sprintf("replicas from %d to %d", have.Replicas, q.cfg.Replicas))
	}
	if len(change) == 0 {
		return nil
	}
	if _, err := q.js.UpdateStream(ctx, next); err != nil {
		return fmt.Errorf("queue: the server refused to change stream %s (%s): %w", want.Name, strings.Join(change, ", "), err)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ensureConsumer creates the workers' consumer, or changes the settings cfg gives. The
// server's max deliver is one more than cfg.MaxDeliver: the worker dead-letters a failing
// document at delivery MaxDeliver, and one delivered once more had no result from its last
// MaxDeliver deliveries (the workers holding it died or stalled).
func (q *Queue) ensureConsumer(ctx context.Context) error {
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		md, aw := q.cfg.MaxDeliver, q.cfg.AckWait
		if md <= 0 {
			md = DefaultMaxDeliver
		}
		if aw <= 0 {
			aw = DefaultAckWait
		}
		_, err := q.js.CreateConsumer(ctx, q.cfg.docs(), jetstream.ConsumerConfig{Durable: consumerName, AckPolicy: jetstream.AckExplicitPolicy,
			AckWait: aw, MaxDeliver: md + 1, MaxAckPending: 4096})
		if err != nil && !errors.Is(err, jetstream.ErrConsumerExists) {
			return fmt.Errorf("queue: creating the workers' consumer: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("queue: the workers' consumer: %w", err)
	}
	have := c.CachedInfo().Config
	next, change := have, []string(nil)
	if q.cfg.MaxDeliver > 0 && have.MaxDeliver != q.cfg.MaxDeliver+1 {
		next.MaxDeliver = q.cfg.MaxDeliver + 1
		change = append(change, fmt.Sprintf("max deliver from %d to %d", have.MaxDeliver-1, q.cfg.MaxDeliver))
	}
	if q.cfg.AckWait > 0 && have.AckWait != q.cfg.AckWait {
		next.AckWait = q.cfg.AckWait
		change = append(change, fmt.Sprintf("ack wait from %s to %s", have.AckWait, q.cfg.AckWait))
	}
	if len(change) == 0 {
		return nil
	}
	if _, err := q.js.UpdateConsumer(ctx, q.cfg.docs(), next); err != nil {
		return fmt.Errorf("queue: the server refused to change the workers' consumer (%s): %w; "+
			"the consumer keeps its settings (run without those flags to use them)", strings.Join(change, ", "), err)
	}
	return nil
}

// Settings are the workers' consumer's delivery settings as the server has them.
type Settings struct {
	MaxDeliver int           // deliveries before a failing document is dead
	AckWait    time.Duration // how long a worker may hold a document without a sign of life
	Replicas   int           // copies of the documents' stream
}

// Settings reads the consumer's and the stream's settings from the server.
func (q *Queue) Settings(ctx context.Context) (Settings, error) {
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if err != nil {
		return Settings{}, fmt.Errorf("queue: the workers' consumer: %w", err)
	}
	cc := c.CachedInfo().Config
	s := Settings{MaxDeliver: cc.MaxDeliver - 1, AckWait: cc.AckWait}
	if cc.MaxDeliver <= 0 {
		s.MaxDeliver = 1 << 30 // the server redelivers forever
	}
	if st, err := q.js.Stream(ctx, q.cfg.docs()); err == nil {
		s.Replicas = st.CachedInfo().Config.Replicas
	}
	return s, nil
}

// Close sends what is buffered and closes the connection.
func (q *Queue) Close() {
	q.nc.FlushTimeout(time.Second)
	q.nc.Close()
}

// wireDoc is a document on the queue: record.Document leaves its text out of JSON. A document
// too large for a message has no Text but a Body: the name of its text in the object store.
type wireDoc struct {
	record.Document
	Text string `json:"text"`
	Body string `json:"body_ref,omitempty"`
}

func encode(wd wireDoc) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // '<' as itself, not as six bytes
	if err := enc.Encode(wd); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// keyHeader is a document's identity in a header: the text hash and the escaped URL.
func keyHeader(d record.Document) string {
	hash, u := store.Key(d)
	return hash + " " + url.QueryEscape(u)
}

func parseKey(h string) (store.DocKey, bool) {
	hash, esc, ok := strings.Cut(h, " ")
	if !ok || hash == "" {
		return store.DocKey{}, false
	}
	u, err := url.QueryUnescape(esc)
	if err != nil {
		return store.DocKey{}, false
	}
	return store.DocKey{Hash: hash, URL: u}, true
}

// headroom is what a message's subject, headers and protocol framing may take besides its data.
const headroom = 4 << 10

// ErrTooLarge means a message does not fit the server's maximum payload.
var ErrTooLarge = errors.New("larger than the NATS server's maximum payload")

// Publish sends one document and waits for the stream's acknowledgement, trying again while
// the server is unreachable (for up to two minutes) or ctx ends. The message id is the
// document's key, so that a resend within ten minutes is dropped by the stream. A document
// too large for the server's messages goes by reference through the object store.
func (q *Queue) Publish(ctx context.Context, d record.Document) error {
	key := keyHeader(d)
	data, err := encode(wireDoc{d, d.Text, ""})
	if err != nil {
		return err
	}
	ref := ""
	if int64(len(data)+headroom) > q.nc.MaxPayload() {
		if ref, err = q.putBody(ctx, d.Text); err != nil {
			return err
		}
		if data, err = encode(wireDoc{d, "", ref}); err != nil {
			return err
		}
	}
	m := nats.NewMsg(q.cfg.docSubject())
	m.Data = data
	m.Header.Set(hdrKey, key)
	m.Header.Set(jetstream.MsgIDHeader, key)
	ack, err := q.publish(ctx, m)
	if err != nil {
		return err
	}
	if ack.Duplicate && ref != "" {
		q.deleteBody(ctx, ref) // the stream already holds this document, with its own body
	}
	return nil
}

// publish sends a message to a stream, trying again while no server answers.
func (q *Queue) publish(ctx context.Context, m *nats.Msg) (*jetstream.PubAck, error) {
	deadline := time.Now().Add(2 * time.Minute)
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 5*time.Second) {
		actx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ack, err := q.js.PublishMsg(actx, m)
		cancel()
		if err == nil {
			return ack, nil
		}
		if errors.Is(err, nats.ErrMaxPayload) {
			return nil, fmt.Errorf("a message of %d bytes: %w", len(m.Data), ErrTooLarge)
		}
		var apiErr *jetstream.APIError
		if ctx.Err() != nil || errors.As(err, &apiErr) || time.Now().After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// PublishRaw sends bytes as they are, for tests of bad input.
func (q *Queue) PublishRaw(ctx context.Context, b []byte) error {
	_, err := q.js.Publish(ctx, q.cfg.docSubject(), b)
	return err
}

// objects returns the object store that holds large documents' texts, creating it if needed.
func (q *Queue) objects(ctx context.Context, create bool) (jetstream.ObjectStore, error) {
	obs, err := q.js.ObjectStore(ctx, q.cfg.bodies())
	if errors.Is(err, jetstream.ErrBucketNotFound) && create {
		obs, err = q.js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: q.cfg.bodies(),
			Description: "texts of documents too large for one message", Storage: jetstream.FileStorage, Replicas: max(q.cfg.Replicas, 1)})
	}
	if err != nil {
		return nil, fmt.Errorf("queue: object store %s: %w", q.cfg.bodies(), err)
	}
	return obs, nil
}

// putBody stores a text under a fresh name and returns the name.
func (q *Queue) putBody(ctx context.Context, body string) (string, error) {
	obs, err := q.objects(ctx, true)
	if err != nil {
		return "", err
	}
	var b [16]byte
	rand.Read(b[:])
	name := hex.EncodeToString(b[:])
	if _, err := obs.PutString(ctx, name, body); err != nil {
		return "", fmt.Errorf("queue: storing a text of %d bytes: %w", len(body), err)
	}
	return name, nil
}

// getBody reads a text that went by reference, refusing more than the report size limit.
func (q *Queue) getBody(ctx context.Context, name string) (string, error) {
	obs, err := q.objects(ctx, false)
	if err != nil {
		return "", err
	}
	info, err := obs.GetInfo(ctx, name)
	if err != nil {
		return "", fmt.Errorf("the document's text %s is not in the object store: %w", name, err)
	}
	if info.Size > text.MaxReportBytes {
		return "", fmt.Errorf("the document's text %s has %d bytes: %w", name, info.Size, text.ErrTooLarge)
	}
	return obs.GetString(ctx, name)
}

func (q *Queue) deleteBody(ctx context.Context, name string) error {
	obs, err := q.objects(ctx, false)
	if err != nil {
		return err
	}
	return obs.Delete(ctx, name)
}
