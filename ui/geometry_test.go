package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// tourAt tours every screen of a workspace on f in a window of size sz
// and returns the controls of each screen.
func tourAt(t *testing.T, f *model.Form, sz fyne.Size) (map[string][]Placed, *Workspace) {
	t.Helper()
	ws, _, _ := newTestWorkspace(t, f)
	ws.win.Resize(sz)
	clk, _ := fakes(t, ws.e)
	got := map[string][]Placed{}
	done := false
	ws.GeometryTour(time.Second, func(screen string, next func()) { got[screen] = ws.Geometry(); next() }, func() { done = true })
	for i := 0; i < 20 && !done; i++ {
		clk.Advance(time.Second)
	}
	if !done {
		t.Fatal("the tour did not end")
	}
	return got, ws
}

// At 800×600 every control of the toolbar, of each tab's top row and of
// the 草稿 screen lies inside the window, in each stage; the window's
// least width is at most 800.
func TestEveryControlFits800x600(t *testing.T) {
	mon := model.Sample()
	_ = mon.SetStage(model.StageMonitor, 6, testTime)
	// every optional task column shown: 上年 (复制上年) and 其他资金
	carried, _, err := model.CarryForward(model.Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	carried.Options.OtherFunds = true
	for name, f := range map[string]*model.Form{"申报": model.Sample(), "运行监控": mon, "年度自评": model.SampleEval(testTime), "复制上年、其他资金": carried} {
		got, ws := tourAt(t, f, fyne.NewSize(800, 600))
		if len(got) < 6 {
			t.Errorf("%s: only %d screens toured", name, len(got))
		}
		for screen, ps := range got {
			if len(ps) < 2 {
				t.Errorf("%s/%s: %d controls found", name, screen, len(ps))
			}
			for _, p := range ps {
				if p.X < 0 || p.Y < 0 || p.X+p.W > 800.5 || p.Y+p.H > 600.5 {
					t.Errorf("%s/%s: %s “%s” at %.0f,%.0f size %.0f×%.0f is outside 800×600", name, screen, p.Where, p.What, p.X, p.Y, p.W, p.H)
				}
			}
		}
		if min := ws.win.Content().MinSize(); min.Width > 800 {
			t.Errorf("%s: the window needs %.0f px", name, min.Width)
		}
	}
}

// The check sees a control pushed off: a toolbar as wide as 2000 px.
func TestGeometrySeesAControlOffScreen(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	ws.win.Resize(fyne.NewSize(800, 600))
	ws.ShowEditor()
	wide := fyne.NewSize(2000, 10)
	ws.e.AddToolbar(newSpacerOf(wide))
	ws.e.AddToolbar(widget.NewButton("远处的按钮", nil))
	ws.win.Content().Refresh()
	ws.win.Resize(fyne.NewSize(800, 600))
	var far *Placed
	for _, p := range ws.Geometry() {
		if p.What == "远处的按钮" {
			far = &p
		}
	}
	if far == nil || far.X+far.W <= 800 {
		t.Fatalf("the far button is not seen off-screen: %+v", far)
	}
	var b strings.Builder
	WriteGeometry(&b, "test", []Placed{*far})
	if !strings.HasPrefix(b.String(), "test\t工具栏\t远处的按钮\t") {
		t.Errorf("line %q", b.String())
	}
}

func newSpacerOf(sz fyne.Size) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(sz)
	return r
}
