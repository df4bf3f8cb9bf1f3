package recognize

import (
	"strconv"
	"strings"
	"testing"

	"jixiao/model"
)

// read runs the recognition on one grid as export's readSheets does.
func read(t *testing.T, cells [][]string, merges [][4]int) (*model.Form, *ImportReport) {
	t.Helper()
	g, err := NewGrid("S", cells, merges)
	if err != nil {
		t.Fatal(err)
	}
	g.Tpl = Template(g.Texts(), model.BuiltinTemplates())
	blocks := FindBlocks(g)
	if len(blocks) == 0 {
		t.Fatalf("no blocks in %q", cells)
	}
	rep := &ImportReport{}
	return ParseSheet(g, blocks, rep), rep
}

// The cells of a small form (as the .xls reader gives them): the year and
// department above, a task table whose unit name is merged over its rows.
func TestReadTasks(t *testing.T) {
	cells := [][]string{
		{"（2021年度）"},
		{"部门名称", "某局"},
		{"任务名称", "", "主要内容", "预算资金", "备注"},
		{"机关", "", "甲项", "15.5"},
		{"", "", "乙项", "81.6"},
		{"", "", "丙项", "7", "8"},
	}
	f, rep := read(t, cells, [][4]int{{3, 0, 5, 1}})
	if f.Year != "2021" || f.Dept != "某局" || len(f.Units) != 1 || f.Units[0].Name != "机关" {
		t.Fatalf("%+v\n%s", f, rep)
	}
	var got []string
	for _, tk := range f.Units[0].Tasks {
		got = append(got, tk.Content+"="+tk.Total.String()+"/"+tk.Note)
	}
	if s := strings.Join(got, " "); s != "甲项=15.5/ 乙项=81.6/ 丙项=7/8" {
		t.Errorf("tasks %s", s)
	}
}

// A value that is no amount is kept as typed and reported with its cell.
func TestReadBadAmount(t *testing.T) {
	cells := [][]string{
		{"部门名称", "某局"},
		{"任务名称", "", "主要内容", "预算资金", "备注"},
		{"机关", "", "甲项", "一百"},
	}
	f, rep := read(t, cells, nil)
	if len(f.Units) != 1 || len(f.Units[0].Tasks) != 1 || f.Units[0].Tasks[0].Total.Raw() != "一百" {
		t.Fatalf("%+v", f)
	}
	if !strings.Contains(rep.String(), "S!D3") {
		t.Errorf("report does not name the cell: %s", rep)
	}
}

// Merged ranges fill every cell they cover; the top-left cell is not
// covered.
func TestNewGrid(t *testing.T) {
	g, err := NewGrid("S", [][]string{{"甲", ""}, {"", ""}}, [][4]int{{0, 0, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if g.Cells[1][1] != "甲" || !g.Covered(1, 1) || g.Covered(0, 0) {
		t.Errorf("cells %q, covered %v", g.Cells, g.origins)
	}
}

// Every covered cell knows the top-left cell of its merged range; a cell
// covered by two ranges has the last one's, whose value it holds.
func TestGridOrigin(t *testing.T) {
	cells := make([][]string, 50)
	for r := range cells {
		cells[r] = []string{"", "", ""}
	}
	cells[1][0], cells[2][1], cells[40][2] = "单位", "任务", "末"
	g, err := NewGrid("S", cells, [][4]int{{1, 0, 45, 1}, {2, 1, 3, 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ r, c, wantR, wantC int }{
		{1, 0, 1, 0},   // a top-left cell is its own
		{30, 0, 1, 0},  // 29 rows down
		{45, 1, 1, 0},  // the range's last cell
		{3, 2, 2, 1},   // the second range (outside the first)
		{3, 1, 2, 1},   // covered by both: the second's
		{40, 2, 40, 2}, // not covered
		{46, 0, 46, 0},
	} {
		r, c := g.origin(tt.r, tt.c)
		if r != tt.wantR || c != tt.wantC {
			t.Errorf("origin(%d, %d) = (%d, %d), want (%d, %d)", tt.r, tt.c, r, c, tt.wantR, tt.wantC)
		}
		if g.at(tt.r, tt.c) != g.at(r, c) {
			t.Errorf("(%d, %d) holds %q, its origin %q", tt.r, tt.c, g.at(tt.r, tt.c), g.at(r, c))
		}
	}
}

// BenchmarkParseSheetTallMerge reads a task table of 20,000 rows whose
// unit name is one merged cell 20,000 rows tall (the shape of a damaged
// .xls the fuzzer found: finding each placed cell's merged range by walking
// up it cell by cell made the import quadratic, 20 s for 61,533 rows).
func BenchmarkParseSheetTallMerge(b *testing.B) {
	const n = 20_000
	head := [][]string{{"（2021年度）"}, {"部门名称", "某局"}, {"任务名称", "", "主要内容", "预算资金", "备注"}}
	for b.Loop() {
		cells := append([][]string(nil), head...)
		for i := range n {
			cells = append(cells, []string{"", "", "任务" + strconv.Itoa(i), "1"})
		}
		cells[3][0] = "机关"
		g, err := NewGrid("S", cells, [][4]int{{3, 0, n + 2, 1}})
		if err != nil {
			b.Fatal(err)
		}
		g.Tpl = Template(g.Texts(), model.BuiltinTemplates())
		f := ParseSheet(g, FindBlocks(g), &ImportReport{})
		if len(f.Units) != 1 || len(f.Units[0].Tasks) != n {
			b.Fatalf("%d units", len(f.Units))
		}
	}
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		col, row int
		want     string
	}{{1, 1, "A1"}, {26, 9, "Z9"}, {27, 3, "AA3"}, {52, 1, "AZ1"}, {53, 1, "BA1"}, {702, 2, "ZZ2"}, {703, 2, "AAA2"}, {16384, 1048576, "XFD1048576"}} {
		if got := cellName(c.col, c.row); got != c.want {
			t.Errorf("cellName(%d, %d) = %q, want %q", c.col, c.row, got, c.want)
		}
	}
}
