package main

import "runtime"

// appVersion and appBuild are the release's version and build number. They
// must equal Version and Build in FyneApp.toml (version_test.go checks it),
// which `fyne package` writes into the packages' metadata.
const (
	appName    = "绩效目标申报"
	appVersion = "0.1.0"
	appBuild   = 1
)

func init() {
	register(&command{
		name:    "version",
		args:    "",
		summary: "显示程序的版本号",
		run:     runVersion,
	})
}

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
	c.printf("%s（jixiao）版本 %s（构建 %d，%s，%s/%s）\n", appName, appVersion, appBuild, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
