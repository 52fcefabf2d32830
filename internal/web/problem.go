package web

import (
	"encoding/json"
	"net/http"
)

// problem is an error answer in the form of RFC 9457 (application/problem+json): type
// about:blank says that the status says it all, title is the status's text, detail what was
// wrong with this request and what to do.
type problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`
}

// problemType is the media type of an error answer.
const problemType = "application/problem+json"

// writeProblem answers r with an error of status and detail.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, detail string) {
	p := problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail}
	if r != nil {
		p.Instance = r.URL.Path
	}
	w.Header().Set("Content-Type", problemType)
	w.Header().Del("ETag")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(p)
}
