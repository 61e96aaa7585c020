package chart

import "testing"

func BenchmarkTimeline(b *testing.B) {
	for _, c := range []struct {
		name string
		spec TimelineSpec
	}{
		{"fa-rtl", faTimeline(b)},
		{"en-ltr", enTimeline(b)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Timeline(c.spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUptime(b *testing.B) {
	for _, c := range []struct {
		name string
		spec UptimeSpec
	}{
		{"fa-rtl", faUptime()},
		{"en-ltr", enUptime()},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Uptime(c.spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
