package model

// Tier is a canonical funding tier. Sheets label tiers differently by city:
// see TierLabels.
type Tier string

const (
	Total    Tier = "total"
	National Tier = "national" // 국비
	Regional Tier = "regional" // 도비 (Gyeongbuk) or Ulsan's 시비: the 광역 tier
	Local    Tier = "local"    // Pohang's/Gyeongju's 시비, Ulsan's 구·군비: the 기초 tier
	Private  Tier = "private"  // 민자, 민간, 자부담
	Other    Tier = "other"    // 기타, 기금, 균특
)

// Parts are the five tiers that add up to the total.
var Parts = []Tier{National, Regional, Local, Private, Other}

// AllTiers is the total followed by the parts, the order of every report.
var AllTiers = append([]Tier{Total}, Parts...)

// Budget is a whole-project budget in integer won.
type Budget struct {
	Total    int64 `json:"total"`
	National int64 `json:"national"`
	Regional int64 `json:"regional"`
	Local    int64 `json:"local"`
	Private  int64 `json:"private"`
	Other    int64 `json:"other"`
}

// Get returns the amount of tier t.
func (b Budget) Get(t Tier) int64 {
	switch t {
	case Total:
		return b.Total
	case National:
		return b.National
	case Regional:
		return b.Regional
	case Local:
		return b.Local
	case Private:
		return b.Private
	case Other:
		return b.Other
	}
	return 0
}

// Set changes the amount of tier t.
func (b *Budget) Set(t Tier, won int64) {
	switch t {
	case Total:
		b.Total = won
	case National:
		b.National = won
	case Regional:
		b.Regional = won
	case Local:
		b.Local = won
	case Private:
		b.Private = won
	case Other:
		b.Other = won
	}
}

// SumOfParts adds the five tiers.
func (b Budget) SumOfParts() int64 {
	return b.National + b.Regional + b.Local + b.Private + b.Other
}

// Add adds o to b tier by tier.
func (b *Budget) Add(o Budget) {
	for _, t := range AllTiers {
		b.Set(t, b.Get(t)+o.Get(t))
	}
}

// TierLabel is the Korean column label a city's own sheet uses for tier t,
// and the label of the secretariat's register ("" city).
func TierLabel(city City, t Tier) string {
	switch t {
	case Total:
		return "계"
	case National:
		return "국비"
	case Private:
		return "민자"
	case Other:
		return "기타"
	case Regional:
		switch {
		case city == "":
			return "광역비"
		case city.Metropolitan():
			return "시비"
		default:
			return "도비"
		}
	case Local:
		switch {
		case city == "":
			return "기초비"
		case city.Metropolitan():
			return "구·군비"
		default:
			return "시비"
		}
	}
	return string(t)
}
