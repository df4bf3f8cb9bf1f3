package cli

import (
	"fmt"
	"runtime"
)

// The program's identity. AppID, AppName, AppVersion and AppBuild must
// equal ID, Name, Version and Build in FyneApp.toml (version_test.go
// checks it), which `fyne package` writes into the packages' metadata.
const (
	AppID      = "cn.gov.jixiao"
	AppName    = "绩效目标申报"
	AppVersion = "0.1.0"
	AppBuild   = 1
)

func runVersion(c *cli, args []string) error {
	fs := flags("version")
	dbFlag(fs) // accepted like every command; not used
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("version 命令不需要参数，多了：%s", pos[0])
	}
	c.printf("%s（jixiao）版本 %s（构建 %d，%s，%s/%s）\n", AppName, AppVersion, AppBuild, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// GUIArgs parses the arguments of the window (`jixiao [gui] [--db 路径]`)
// and returns the drafts file named by --db ("" for the default). A
// misuse returns an error whose text, in Chinese, ends with the usage.
func GUIArgs(args []string) (db string, err error) {
	fs := flags("gui")
	p := dbFlag(fs)
	pos, err := parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = usageErrorf("不认识的参数：%s", pos[0])
	}
	if err != nil {
		return "", fmt.Errorf("%w\n用法：jixiao [gui] [--db 数据文件]", err)
	}
	return *p, nil
}
