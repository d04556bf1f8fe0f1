// Package model holds the register's vocabulary: cities, funding tiers, field
// keys, projects and their canonical text forms. It has no I/O; every other
// package in data/ speaks these types.
package model

import "strings"

// City is one of the alliance's three cities, by its stable English key.
type City string

const (
	Pohang   City = "pohang"
	Ulsan    City = "ulsan"
	Gyeongju City = "gyeongju"
)

// Cities lists the alliance in its customary order.
var Cities = []City{Pohang, Ulsan, Gyeongju}

var cityKorean = map[City]string{Pohang: "포항", Ulsan: "울산", Gyeongju: "경주"}

// Korean is the short Korean name (포항, 울산, 경주).
func (c City) Korean() string { return cityKorean[c] }

// Valid reports whether c is one of the three cities.
func (c City) Valid() bool { _, ok := cityKorean[c]; return ok }

// Metropolitan reports whether the city is a 광역시, whose own money is the
// regional tier (Ulsan's 시비), with district money (구·군비) as local.
func (c City) Metropolitan() bool { return c == Ulsan }

// ParseCity reads a city from Korean or English text: 포항, 포항시, 울산광역시,
// "Pohang", "gyeongju". It does not search inside longer text; see FindCities.
func ParseCity(s string) (City, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, c := range Cities {
		k := c.Korean()
		switch s {
		case string(c), k, k + "시":
			return c, true
		}
	}
	if s == "울산광역시" || s == "울산시" {
		return Ulsan, true
	}
	return "", false
}

// JoinCities is the canonical text of a city list: "pohang,ulsan".
func JoinCities(cs []City) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, ",")
}

// FindCities returns the cities named anywhere in s, in alliance order:
// "포항, 경주" → [pohang gyeongju].
func FindCities(s string) []City {
	var out []City
	low := strings.ToLower(s)
	for _, c := range Cities {
		if strings.Contains(s, c.Korean()) || strings.Contains(low, string(c)) {
			out = append(out, c)
		}
	}
	return out
}

// SortCities puts cities in alliance order without duplicates.
func SortCities(in []City) []City {
	seen := map[City]bool{}
	for _, c := range in {
		seen[c] = true
	}
	var out []City
	for _, c := range Cities {
		if seen[c] {
			out = append(out, c)
		}
	}
	return out
}
