package digits

// CounterStyles are the CSS predefined counter styles (CSS Counter Styles Level 3) of the decimal
// digit systems, by their zero.
var CounterStyles = map[rune]string{
	'0': "decimal", '٠': "arabic-indic", '۰': "persian", '०': "devanagari", '০': "bengali",
	'੦': "gurmukhi", '૦': "gujarati", '୦': "oriya", '௦': "tamil", '౦': "telugu", '೦': "kannada",
	'൦': "malayalam", '๐': "thai", '໐': "lao", '༠': "tibetan", '၀': "myanmar", '០': "khmer",
	'᠐': "mongolian",
}

// CounterStyle is the CSS list-style-type that numbers lists with the digits whose zero is zero,
// "decimal" for digits CSS has no style for.
func CounterStyle(zero rune) string {
	if s, ok := CounterStyles[zero]; ok {
		return s
	}
	return "decimal"
}
