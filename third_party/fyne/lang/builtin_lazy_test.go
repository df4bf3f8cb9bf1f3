package lang

import (
	"testing"

	"fyne.io/fyne/v2"
)

// loadedByInit is whether the built-in translations were parsed by the
// time the package's init had run (a test file's init runs after it).
var loadedByInit = bundle != nil || localizer != nil

func init() {
	loadedByInit = loadedByInit || bundle != nil || localizer != nil
}

// TestBuiltinTranslationsLoadOnFirstUse (jixiao patch, PATCHES.md): init
// parses nothing; the first lookup loads Fyne's own translations, and a
// translation added by the application (here the German word for Cancel,
// as the built-in de file has it) is found next to them.
func TestBuiltinTranslationsLoadOnFirstUse(t *testing.T) {
	if loadedByInit {
		t.Fatal("the built-in translations were parsed at start-up (init), not on first use")
	}
	if err := AddTranslationsForLocale([]byte(`{"jixiao test word": "Testwort"}`), fyne.Locale("de")); err != nil {
		t.Fatal(err)
	}
	if bundle == nil || len(translated) < 10 {
		t.Fatalf("after the first use: %d languages known, want Fyne's built-in ones (about 20) and ours", len(translated))
	}
	setupLang("de")
	if got := L("Cancel"); got != "Abbrechen" {
		t.Errorf("built-in German for Cancel: %q, want Abbrechen", got)
	}
	if got := L("jixiao test word"); got != "Testwort" {
		t.Errorf("added German text: %q, want Testwort", got)
	}
}
