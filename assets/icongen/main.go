// Command icongen draws the application icon, a sun rising over the East
// Sea (해오름), into assets/icon.png: go run ./assets/icongen
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

func main() {
	const n = 512
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	sky1, sky2 := color.NRGBA{0x1f, 0x3a, 0x68, 0xff}, color.NRGBA{0xf6, 0xa5, 0x5b, 0xff}
	sun := color.NRGBA{0xff, 0xd2, 0x3f, 0xff}
	sea := color.NRGBA{0x0b, 0x5c, 0x8e, 0xff}
	wave := color.NRGBA{0xe8, 0xf4, 0xfb, 0xff}
	horizon := 330.0
	r := 46.0 // corner radius
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if !inRounded(float64(x)+.5, float64(y)+.5, n, r) {
				continue
			}
			fx, fy := float64(x)+.5, float64(y)+.5
			var c color.NRGBA
			if fy < horizon {
				c = mix(sky1, sky2, fy/horizon)
				if d := math.Hypot(fx-256, fy-horizon); d < 130 {
					c = sun
				} else if d < 150 {
					c = mix(sun, c, (d-130)/20)
				}
			} else {
				c = sea
				// three sine waves in white
				for i, base := range []float64{365, 405, 445} {
					amp, per := 9.0, 90.0+float64(i)*10
					wy := base + amp*math.Sin((fx+float64(i)*30)/per*2*math.Pi)
					if math.Abs(fy-wy) < 7 {
						c = wave
					}
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	out := "assets/icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func inRounded(x, y, n, r float64) bool {
	cx := math.Min(math.Max(x, r), n-r)
	cy := math.Min(math.Max(y, r), n-r)
	return math.Hypot(x-cx, y-cy) <= r
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	t = math.Max(0, math.Min(1, t))
	l := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}
