package model

import (
	"fmt"
	"time"
)

// Generate returns a large, valid form for benchmarks and load tests: the
// sample's targets and indicators, and tasks rows spread over units of 25
// rows, with amounts of up to 4 decimals. The same n gives the same form.
func Generate(tasks int) *Form {
	s := Sample()
	f := New(SampleYear, SampleDept, time.Time{})
	f.Meta.Origin = fmt.Sprintf("生成的测试表（%d 项任务）", tasks)
	f.Indicators = s.Indicators
	for i := 0; i < tasks; i++ {
		if i%25 == 0 {
			f.Units = append(f.Units, Unit{Name: fmt.Sprintf("测试单位%03d（%s）", len(f.Units)+1, s.Units[len(f.Units)%len(s.Units)].Name)})
		}
		src := s.Units[i%len(s.Units)]
		st := src.Tasks[i%len(src.Tasks)]
		m := Money(int64(i)*12_345%10_000_000 + 10_000)
		u := &f.Units[len(f.Units)-1]
		u.Tasks = append(u.Tasks, Task{
			Content: fmt.Sprintf("%s（第%d项）", st.Content, i+1),
			Total:   AmountOf(m),
			Fiscal:  AmountOf(m - m/10),
			Note:    st.Note,
		})
		if i < len(s.Goals) || i%10 == 0 {
			f.Goals = append(f.Goals, Goal{Text: fmt.Sprintf("%s（%d）", s.Goals[i%len(s.Goals)].Text, i+1)})
		}
	}
	return f
}
