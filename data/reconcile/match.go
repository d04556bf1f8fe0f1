package reconcile

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// nameSuffixes are words cities add to a project's name ("… 조성사업",
// "… 운영") that do not make it another project.
var nameSuffixes = []string{"사업", "운영", "추진", "지원사업"}

// nameVariants are the forms under which a name is recognised: normalised;
// without a generic suffix; and for "A(B) C" both "A C" and "B C" (a
// bracket often holds the short name: 영일만 횡단구간(영일만대교) 건설 →
// 영일만대교 건설).
func nameVariants(name string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		n := value.NormalizeName(s)
		if utf8.RuneCountInString(n) < 2 || seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n)
		for _, suf := range nameSuffixes {
			if cut, ok := strings.CutSuffix(n, suf); ok && utf8.RuneCountInString(cut) >= 4 && !seen[cut] {
				seen[cut] = true
				out = append(out, cut)
			}
		}
	}
	add(name)
	norm := strings.NewReplacer("（", "(", "）", ")", "[", "(", "]", ")").Replace(name)
	if open := strings.Index(norm, "("); open > 0 {
		if closeAt := strings.Index(norm[open:], ")"); closeAt > 0 {
			before, inner, after := norm[:open], norm[open+1:open+closeAt], norm[open+closeAt+1:]
			add(before + after)
			add(inner + after)
			if sp := strings.LastIndex(strings.TrimSpace(before), " "); sp > 0 {
				add(before[:sp] + " " + inner + after)
			}
		}
	}
	return out
}

// matcher finds the project a row stands for.
type matcher struct {
	byCode    map[string]*model.Project
	byVariant map[string][]*model.Project
	byWord    map[string][]*model.Project // for similar names
	byName    map[string]*model.Project   // exact names
}

// commonWord is how many projects a word may name before it says too
// little to suggest a match ("해오름", "조성").
const commonWord = 50

func newMatcher(projects map[int64]*model.Project) *matcher {
	m := &matcher{byCode: map[string]*model.Project{}, byVariant: map[string][]*model.Project{}, byWord: map[string][]*model.Project{}, byName: map[string]*model.Project{}}
	for _, p := range projects {
		if p.Deleted {
			continue
		}
		m.add(p)
	}
	return m
}

func (m *matcher) add(p *model.Project) {
	m.byCode[strings.ToUpper(p.Code)] = p
	if _, dup := m.byName[p.Name]; !dup {
		m.byName[p.Name] = p
	}
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		m.addName(p, n)
	}
	for w := range wordSet(p.Name) {
		if list := m.byWord[w]; len(list) <= commonWord {
			m.byWord[w] = append(list, p)
		}
	}
}

func (m *matcher) addName(p *model.Project, name string) {
	for _, v := range nameVariants(name) {
		list := m.byVariant[v]
		if len(list) == 0 || list[len(list)-1] != p {
			m.byVariant[v] = append(list, p)
		}
	}
}

// match returns the one project a row stands for, or the candidates when
// unsure (never a guess): by code, then exact name, then the variants of
// names and aliases.
func (m *matcher) match(code, name string) (p *model.Project, candidates []*model.Project) {
	if code != "" {
		return m.byCode[strings.ToUpper(code)], nil
	}
	if q := m.byName[name]; q != nil {
		return q, nil
	}
	found := map[*model.Project]bool{}
	var list []*model.Project
	for _, v := range nameVariants(name) {
		for _, q := range m.byVariant[v] {
			if !found[q] {
				found[q] = true
				list = append(list, q)
			}
		}
	}
	if len(list) == 1 {
		return list[0], nil
	}
	if len(list) > 1 {
		return nil, list
	}
	return nil, m.similar(name)
}

// similar lists projects whose names share most of their words with name
// (or contain it): candidates to ask about, never to apply on their own.
// Names that differ in their numbers (2단계, 3단계) are different projects.
// Only projects sharing a word that few projects use are considered, so
// this stays fast on a large register.
func (m *matcher) similar(name string) []*model.Project {
	words := wordSet(name)
	seen := map[*model.Project]bool{}
	var out []*model.Project
	for w := range words {
		list := m.byWord[w]
		if len(list) > commonWord {
			continue
		}
		for _, q := range list {
			if seen[q] || digits(q.Name) != digits(name) {
				continue
			}
			seen[q] = true
			other := wordSet(q.Name)
			common := 0
			for w := range words {
				if other[w] {
					common++
				}
			}
			if common*3 >= max(len(words), len(other))*2 || containsEither(value.NormalizeName(name), value.NormalizeName(q.Name)) {
				out = append(out, q)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// digits returns the digits of s in order.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func containsEither(a, b string) bool {
	if utf8.RuneCountInString(a) < 4 || utf8.RuneCountInString(b) < 4 {
		return false
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(strings.NewReplacer("·", " ", "ㆍ", " ", "(", " ", ")", " ").Replace(s)) {
		out[value.NormalizeName(w)] = true
	}
	return out
}

// canonicalField maps a field as a city wrote it to the scheme's spelling:
// 경제ㆍ산업ㆍ해양 → 경제·산업·해양, 도시기반 → 도시기반(인프라).
func canonicalField(text string, scheme []string) (string, bool) {
	n := value.NormalizeName(text)
	bare := value.NormalizeName(withoutBrackets(text))
	for _, f := range scheme {
		if value.NormalizeName(f) == n || value.NormalizeName(withoutBrackets(f)) == bare {
			return f, true
		}
	}
	return text, false
}

func withoutBrackets(s string) string {
	for {
		open := strings.IndexAny(s, "(（")
		if open < 0 {
			return s
		}
		closeAt := strings.IndexAny(s[open:], ")）")
		if closeAt < 0 {
			return s[:open]
		}
		_, w := utf8.DecodeRuneInString(s[open+closeAt:])
		s = s[:open] + s[open+closeAt+w:]
	}
}
