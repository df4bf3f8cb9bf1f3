//go:build screenshots

package main

import (
	"os"
	"strconv"
)

// screenshotStart reads the screen to start on from the environment, for
// the screenshots in docs/ (build with -tags screenshots):
// JIXIAO_SCREEN=editor|carry|history|trash|import=FILE|merge=FILES|library=WORDS and
// JIXIAO_TAB=N (0 基本信息 … 4 审核; -1 when unset).
func screenshotStart() (screen string, tab int) {
	tab = -1
	if n, err := strconv.Atoi(os.Getenv("JIXIAO_TAB")); err == nil {
		tab = n
	}
	return os.Getenv("JIXIAO_SCREEN"), tab
}
